import Meldroute

/// Contact persons as vCard 4.0 (RFC 6350), to take into an address book: one card per person,
/// with the organisation, function, numbers as `tel:` URIs and e-mail; a fictional (demo) person
/// says so. Text is escaped and lines folded at 75 octets as the RFC says, CRLF throughout.
public enum ContactCards {
    public static func vcards(_ contacts: [(contact: PartnerContact, organisation: String)]) -> String {
        var lines: [String] = []
        for (contact, organisation) in contacts {
            lines.append("BEGIN:VCARD")
            lines.append("VERSION:4.0")
            lines.append("FN:" + ExportText.calendarText(contact.name))
            lines.append("N:" + ExportText.calendarText(contact.name) + ";;;;")
            lines.append("ORG:" + ExportText.calendarText(organisation))
            if !contact.function.isEmpty { lines.append("TITLE:" + ExportText.calendarText(contact.function)) }
            if let uri = telephoneURI(contact.phone) { lines.append("TEL;VALUE=uri;TYPE=work,voice:" + uri) }
            if !contact.email.isEmpty { lines.append("EMAIL;TYPE=work:" + ExportText.calendarText(contact.email)) }
            var notes: [String] = []
            if contact.isFictional { notes.append("Fictief: demogegevens.") }
            if let verified = contact.verified { notes.append("Gecontroleerd op \(verified.on.dutch) door \(verified.by).") }
            if !notes.isEmpty { lines.append("NOTE:" + ExportText.calendarText(notes.joined(separator: " "))) }
            lines.append("END:VCARD")
        }
        return lines.map(ExportText.folded).joined(separator: "\r\n") + (lines.isEmpty ? "" : "\r\n")
    }

    /// A Dutch number as a `tel:` URI: `053-4800000` → `tel:+31-53-4800000`; 0800/0900 numbers keep
    /// their prefix, short numbers stay as they are. Nil for no number, or one that is not a number.
    static func telephoneURI(_ phone: String) -> String? {
        guard !phone.isEmpty, ContactFormat.phoneProblem(phone) == nil else { return nil }
        var digits = phone.filter(\.isNumber)
        if phone.trimmingCharacters(in: .whitespaces).hasPrefix("+") || digits.hasPrefix("0031") {
            digits = String(digits.dropFirst(digits.hasPrefix("0031") ? 4 : 2))
            return "tel:+31-" + digits
        }
        guard digits.hasPrefix("0"), digits.count >= 8 else { return "tel:" + digits }
        return "tel:+31-" + digits.dropFirst()
    }
}
