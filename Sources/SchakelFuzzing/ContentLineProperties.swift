import SchakelCore

/// An iCalendar (RFC 5545) or vCard (RFC 6350) file read by the RFCs' rules: CRLF line ends, no
/// physical line over 75 octets, continuation lines starting with a space, a TEXT value's
/// backslash escapes only `\\`, `\;`, `\,` and `\n`.
enum ContentLines {
    struct Line {
        let name: String
        let value: String
    }

    /// The unfolded content lines, or what breaks the format.
    static func read(_ text: String) -> Result<[Line], Unreadable> {
        guard text.hasSuffix("\r\n") else { return .failure(Unreadable(reason: "eindigt niet op CRLF")) }
        var physical = text.components(separatedBy: "\r\n")
        physical.removeLast()
        var logical: [String] = []
        for line in physical {
            if line.utf8.count > 75 { return .failure(Unreadable(reason: "een regel van \(line.utf8.count) octetten")) }
            if let scalar = RawScalars.first(in: line) { return .failure(Unreadable(reason: "\(RawScalars.describe(scalar)) in een regel")) }
            // By scalars: a continuation's space with a combining mark on it is one Character.
            if line.unicodeScalars.first == " " {
                guard !logical.isEmpty else { return .failure(Unreadable(reason: "een vervolgregel aan het begin")) }
                logical[logical.count - 1].unicodeScalars += line.unicodeScalars.dropFirst()
            } else {
                logical.append(line)
            }
        }
        var lines: [Line] = []
        for line in logical {
            guard let colon = line.firstIndex(of: ":") else { return .failure(Unreadable(reason: "een regel zonder dubbele punt: \(line.debugDescription)")) }
            lines.append(Line(name: String(line[..<colon]), value: String(line[line.index(after: colon)...])))
        }
        return .success(lines)
    }

    /// A TEXT value unescaped, or nil when it holds a bare `;` or `,`, or an escape the RFCs lack.
    static func text(_ value: String) -> String? {
        var result = String.UnicodeScalarView()
        var scalars = value.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case ";", ",": return nil
            case "\\":
                switch scalars.next() {
                case "\\": result.append("\\")
                case ";": result.append(";")
                case ",": result.append(",")
                case "n", "N": result.append("\n")
                default: return nil
                }
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}

/// The agenda as an invitation and contacts as cards: the same lines as harmless text gives, every
/// text found back neutralised.
enum ContentLineProperties {
    static func calendar(_ fields: FuzzInput.Fields) -> String? {
        func ics(_ fields: FuzzInput.Fields) -> String {
            MeetingCalendar.ics(MeetingFixture.agenda(fields), sequence: 1, stamp: "20261201T120000Z")
        }
        let lines: [ContentLines.Line], plain: [ContentLines.Line]
        switch (ContentLines.read(ics(fields)), ContentLines.read(ics(fields.harmless))) {
        case (.success(let read), .success(let harmless)): (lines, plain) = (read, harmless)
        case (.failure(let problem), _), (_, .failure(let problem)): return problem.reason
        }
        guard lines.map(\.name) == plain.map(\.name) else { return "andere regels dan met onschuldige tekst" }
        let meeting = MeetingFixture.agenda(fields).meeting
        for (name, expected) in [("SUMMARY", meeting.title), ("LOCATION", meeting.location)] {
            let value = lines.first { $0.name == name }.map(\.value) ?? ""
            guard let found = ContentLines.text(value) else { return "\(name) is geen geldige TEXT: \(value.debugDescription)" }
            if found != ExportText.neutralised(expected, lineBreak: "\n") { return "\(name) \(expected.debugDescription) teruggelezen als \(found.debugDescription)" }
        }
        let description = lines.first { $0.name == "DESCRIPTION" }.map(\.value) ?? ""
        return ContentLines.text(description) == nil ? "DESCRIPTION is geen geldige TEXT" : nil
    }

    static func contactCards(_ fields: FuzzInput.Fields) -> String? {
        func contacts(_ fields: FuzzInput.Fields) -> [(contact: PartnerContact, organisation: String)] {
            fields.all.indices.map { index in
                (PartnerContact(partnerID: 1, name: fields[index], function: fields[index + 1], phone: "053 123 45 67", email: fields[index + 2]),
                 fields[index + 3])
            }
        }
        let cards = contacts(fields)
        let lines: [ContentLines.Line], plain: [ContentLines.Line]
        switch (ContentLines.read(ContactCards.vcards(cards)), ContentLines.read(ContactCards.vcards(contacts(fields.harmless)))) {
        case (.success(let read), .success(let harmless)): (lines, plain) = (read, harmless)
        case (.failure(let problem), _), (_, .failure(let problem)): return problem.reason
        }
        // A field left empty leaves its line out; the lines that are there are the harmless ones.
        let names = lines.map(\.name)
        guard names.filter({ $0 == "BEGIN" }).count == cards.count, Set(names).isSubset(of: Set(plain.map(\.name))) else {
            return "andere regels dan met onschuldige tekst: \(names)"
        }
        for (card, line) in zip(cards, lines.filter { $0.name == "FN" }) {
            guard let found = ContentLines.text(line.value) else { return "FN is geen geldige TEXT: \(line.value.debugDescription)" }
            if found != ExportText.neutralised(card.contact.name, lineBreak: "\n") {
                return "FN \(card.contact.name.debugDescription) teruggelezen als \(found.debugDescription)"
            }
        }
        for line in lines where ["ORG", "TITLE", "EMAIL"].contains(line.name) && ContentLines.text(line.value) == nil {
            return "\(line.name) is geen geldige TEXT: \(line.value.debugDescription)"
        }
        return nil
    }
}
