import Meldroute
import SchakelCore
import TextSafety

/// The JSON intake (`schakel melding registreer`): whatever the bytes, an answer and no crash; a
/// signal it accepts passes the door — no control, C1 or bidi character in a one-line field, only
/// line breaks and tabs besides text in a long one — and keeps to the limits; a refusal says why.
enum IntakeProperties {
    static let now = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 10, minute: 0)

    static func check(_ bytes: [UInt8]) -> String? {
        switch SignalIntake.parse(bytes, now: now) {
        case .failure(let problems):
            return problems.description.isEmpty ? "een weigering zonder reden" : nil
        case .success(let signal):
            for field in signal.textFields {
                if let (position, scalar) = FieldCharacters.forbidden(in: field.text, multiline: field.multiline) {
                    return "\(field.label) aangenomen met \(RawScalars.describe(scalar)) op positie \(position)"
                }
                let allowed: Set<Unicode.Scalar> = field.multiline ? ["\n", "\t"] : []
                if let scalar = RawScalars.first(in: field.text, allowing: allowed) {
                    return "\(field.label) aangenomen met \(RawScalars.describe(scalar))"
                }
            }
            if signal.description.count > NewSignal.Limit.description { return "beschrijving langer dan de grens aangenomen" }
            if signal.persons.contains(where: { $0.initials.count > NewSignal.Limit.initials }) { return "initialen te lang aangenomen" }
            if signal.description.allSatisfy(\.isWhitespace) { return "een melding zonder beschrijving aangenomen" }
            return nil
        }
    }
}
