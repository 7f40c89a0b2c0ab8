import Meldroute

/// A signal just stored.
public struct RegisteredSignal: Hashable, Sendable {
    public let id: Int64
    public let code: String

    public init(id: Int64, code: String) {
        self.id = id
        self.code = code
    }
}

/// Writing signals, with the access policy applied for the acting user.
public protocol SignalWriting: Sendable {
    /// Stores a new signal with its persons, timeline line and audit entry, in one transaction.
    func registerSignal(_ signal: NewSignal, by user: User) throws -> RegisteredSignal
}

/// The text the AF sends the reporter after registering a signal (ontvangstbevestiging).
public enum Acknowledgement {
    public static func text(for signal: NewSignal, code: String, receivedAt: LocalDateTime, contactDue: CivilDate,
                            officer: User) -> String {
        let greeting = signal.reporterName.isEmpty ? "Beste melder," : "Beste \(signal.reporterName),"
        var paragraphs = [
            greeting,
            "Op \(receivedAt.date.dutch) om \(LocalDateTime.clock(receivedAt)) hebben wij uw melding over mogelijke "
                + "mensenhandel ontvangen. Het kenmerk is \(code). Dank u wel dat u dit meldt.",
            "De aandachtsfunctionaris mensenhandel van de gemeente \(signal.municipality.name) neemt uiterlijk "
                + "\(contactDue.dutch) contact met u op om de melding samen door te nemen. U blijft daarna betrokken.",
        ]
        if signal.acute || signal.minorInvolved {
            paragraphs.append("Omdat er sprake is van acute onveiligheid of een minderjarige, moet u dit ook altijd direct "
                              + "melden bij Veilig Thuis Twente (0800-2000). Hebt u dat al gedaan, laat het ons dan weten.")
        }
        paragraphs.append("Met vriendelijke groet,\n\(officer.displayName)\n\(officer.role.label), \(officer.workplace)")
        return paragraphs.joined(separator: "\n\n")
    }
}

extension LocalDateTime {
    /// "09:05".
    public static func clock(_ moment: LocalDateTime) -> String {
        (moment.hour < 10 ? "0" : "") + "\(moment.hour):" + (moment.minute < 10 ? "0" : "") + "\(moment.minute)"
    }
}
