import Foundation
import Meldroute
import SchakelCore

/// The dossier for a request for access: its Markdown keeps its structure whatever the texts, its
/// JSON reads back with every text as it was, and a name blacked out is gone as words.
enum InzageProperties {
    static func check(_ fields: FuzzInput.Fields) -> String? {
        if let difference = MarkdownStructure.difference(document(fields).markdown, harmless: document(fields.harmless).markdown) {
            return difference
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(document(fields).json.utf8)) as? [String: Any],
              let person = object["persoon"] as? [String: Any] else { return "de JSON leest niet terug" }
        if person["voornaam"] as? String != fields[1] || person["achternaam"] as? String != fields[2] {
            return "de JSON geeft een andere naam terug"
        }
        let names = [fields[1], fields[2], fields[1] + " " + fields[2]]
        let redacted = Redaction.words(Redaction(names: names, keeping: []).apply(fields[7]))
        for name in names.map(Redaction.words) where !name.isEmpty && !name.contains("naam") && redacted.count >= name.count {
            for start in 0...(redacted.count - name.count) where Array(redacted[start..<(start + name.count)]) == name {
                return "een naam bleef staan na het onleesbaar maken"
            }
        }
        return nil
    }

    /// A dossier whose every text is one of the input's fields.
    static func document(_ fields: FuzzInput.Fields) -> InzageDocument {
        let at = LocalDateTime(date: CivilDate(iso: "2026-12-06")!, hour: 9, minute: 30)
        func entries(_ offset: Int) -> [InzageDocument.Entry] {
            [InzageDocument.Entry(at: at, who: fields[offset], what: fields[offset + 1]),
             InzageDocument.Entry(at: at, who: fields[offset + 2], what: fields[offset + 3])]
        }
        let person = InzageDocument.Person(code: "P-00197", initials: fields[0], birthYear: 1987, givenName: fields[1],
                                           familyName: fields[2], mergedCodes: [fields[3]])
        let record = InzageDocument.Record(
            kind: "Signaal", code: "S2026-0031", receivedAt: at, municipality: fields[4], role: fields[5], state: fields[6],
            description: fields[7], location: fields[8], reporter: fields[9], otherPersons: [fields[10]], timeline: entries(11),
            referrals: entries(13), discussions: entries(15), accesses: entries(17))
        return InzageDocument(person: person, records: [record, record], personAccesses: entries(19), madeAt: at)
    }
}
