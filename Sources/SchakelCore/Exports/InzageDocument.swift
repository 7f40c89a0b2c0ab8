import Foundation
import Meldroute

/// Everything Schakel holds about one person, for their request under article 15 AVG: their data and
/// its corrections, the signals and cases they appear in with their role, those records' texts,
/// timelines, referrals and discussions, and who looked at them. Other persons appear only as their
/// codes, reporters as their kind and organisation; names of others are blacked out of free text
/// before the document is made (`Redaction`).
public struct InzageDocument: Hashable, Sendable {
    public struct Person: Hashable, Sendable {
        public let code: String
        public let initials: String
        public let birthYear: Int?
        public let givenName: String
        public let familyName: String
        public let mergedCodes: [String]

        public init(code: String, initials: String, birthYear: Int?, givenName: String, familyName: String, mergedCodes: [String]) {
            self.code = code
            self.initials = initials
            self.birthYear = birthYear
            self.givenName = givenName
            self.familyName = familyName
            self.mergedCodes = mergedCodes
        }
    }

    /// A line of a record's timeline, or an access from the audit log: when, who, what.
    public struct Entry: Hashable, Sendable {
        public let at: LocalDateTime
        public let who: String
        public let what: String

        public init(at: LocalDateTime, who: String, what: String) {
            self.at = at
            self.who = who
            self.what = what
        }
    }

    public struct Record: Hashable, Sendable {
        /// "Signaal" or "Casus".
        public let kind: String
        public let code: String
        public let receivedAt: LocalDateTime
        public let municipality: String
        public let role: String
        public let state: String
        public let description: String
        public let location: String
        /// The reporter's kind and organisation, never the name.
        public let reporter: String
        public let otherPersons: [String]
        public let timeline: [Entry]
        public let referrals: [Entry]
        /// Where it was discussed: meeting and item, with the item's summary and decisions.
        public let discussions: [Entry]
        public let accesses: [Entry]

        public init(kind: String, code: String, receivedAt: LocalDateTime, municipality: String, role: String, state: String,
                    description: String, location: String, reporter: String, otherPersons: [String], timeline: [Entry],
                    referrals: [Entry], discussions: [Entry], accesses: [Entry]) {
            self.kind = kind
            self.code = code
            self.receivedAt = receivedAt
            self.municipality = municipality
            self.role = role
            self.state = state
            self.description = description
            self.location = location
            self.reporter = reporter
            self.otherPersons = otherPersons
            self.timeline = timeline
            self.referrals = referrals
            self.discussions = discussions
            self.accesses = accesses
        }
    }

    public let person: Person
    public let records: [Record]
    /// Who opened the person view of this person, and when.
    public let personAccesses: [Entry]
    public let madeAt: LocalDateTime

    public init(person: Person, records: [Record], personAccesses: [Entry], madeAt: LocalDateTime) {
        self.person = person
        self.records = records
        self.personAccesses = personAccesses
        self.madeAt = madeAt
    }

    public static let notice = "Dit overzicht is gemaakt op verzoek van de betrokkene (artikel 15 AVG). Andere personen staan erin "
        + "met hun code; melders met hun soort en organisatie. Namen van anderen zijn onleesbaar gemaakt."

    /// For reading and printing: a heading per signal or case, lists of what it holds.
    public var markdown: String {
        func md(_ text: String) -> String { text.isEmpty ? "—" : ExportText.markdown(text) }
        func entries(_ title: String, _ list: [Entry]) -> [String] {
            guard !list.isEmpty else { return ["\(title): geen.", ""] }
            return ["\(title):", ""] + list.map { "- \($0.at.dutch) — \(md($0.who)): \(md($0.what))" } + [""]
        }
        let person = self.person
        var lines = ["# Inzage persoon \(md(person.code))", "", "Gemaakt op \(madeAt.dutch).", "",
                     "- Initialen: \(md(person.initials))", "- Geboortejaar: \(person.birthYear.map(String.init) ?? "—")",
                     "- Voornaam: \(md(person.givenName))", "- Achternaam: \(md(person.familyName))"]
        if !person.mergedCodes.isEmpty { lines.append("- Eerder ook: \(person.mergedCodes.map(md).joined(separator: ", "))") }
        lines.append("")
        lines += entries("Wie deze persoon bekeek", personAccesses)
        for record in records {
            lines += ["## \(md(record.kind)) \(md(record.code))", "",
                      "- Ontvangen: \(record.receivedAt.dutch)", "- Gemeente: \(md(record.municipality))", "- Rol: \(md(record.role))",
                      "- Status: \(md(record.state))", "- Melder: \(md(record.reporter))", "- Locatie: \(md(record.location))",
                      "- Andere betrokkenen: \(record.otherPersons.isEmpty ? "geen" : record.otherPersons.map(md).joined(separator: ", "))", "",
                      "Beschrijving: \(md(record.description))", ""]
            lines += entries("Tijdlijn", record.timeline)
            lines += entries("Verwijzingen", record.referrals)
            lines += entries("Besproken", record.discussions)
            lines += entries("Wie dit bekeek", record.accesses)
        }
        lines += ["---", "", Self.notice]
        return lines.joined(separator: "\n") + "\n"
    }

    /// For machines: the same, as JSON with sorted keys (every text as it is stored; a JSON
    /// encoder escapes what must be).
    public var json: String {
        func iso(_ moment: LocalDateTime) -> String { moment.date.iso + "T" + LocalDateTime.clock(moment) }
        func entries(_ list: [Entry]) -> [[String: Any]] { list.map { ["op": iso($0.at), "wie": $0.who, "wat": $0.what] } }
        let object: [String: Any] = [
            "persoon": ["code": person.code, "initialen": person.initials, "geboortejaar": person.birthYear as Any,
                        "voornaam": person.givenName, "achternaam": person.familyName, "eerder_ook": person.mergedCodes],
            "bekeken": entries(personAccesses),
            "dossiers": records.map { record in
                ["soort": record.kind, "code": record.code, "ontvangen": iso(record.receivedAt), "gemeente": record.municipality,
                 "rol": record.role, "status": record.state, "beschrijving": record.description, "locatie": record.location,
                 "melder": record.reporter, "andere_betrokkenen": record.otherPersons, "tijdlijn": entries(record.timeline),
                 "verwijzingen": entries(record.referrals), "besproken": entries(record.discussions), "bekeken": entries(record.accesses)]
            },
            "gemaakt": iso(madeAt), "toelichting": Self.notice,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Names of others blacked out of free text: a name is a run of words ("Olena", "van der Veen",
/// "Ana-María"), found as the same words in the text whatever their case and accents, and becomes
/// "[naam]" — the longest run first, so that "Olena Kovalenko" goes as one.
public struct Redaction: Hashable, Sendable {
    /// Each name as its folded words.
    let names: Set<[String]>
    let longest: Int

    /// - Parameters:
    ///   - names: every name to black out;
    ///   - own: the person's own names, which stay (one of them may also be another's name).
    public init(names: [String], keeping own: [String]) {
        let kept = Set(own.map(Self.words))
        let all = Set(names.map(Self.words)).subtracting(kept).filter { !$0.isEmpty }
        self.names = all
        longest = all.map(\.count).max() ?? 0
    }

    /// The letters-and-digits runs of a text, folded.
    public static func words(_ text: String) -> [String] { tokens(text).map(\.word) }

    private static func tokens(_ text: String) -> [(word: String, range: Range<String.Index>)] {
        var result: [(String, Range<String.Index>)] = []
        var start: String.Index?
        for index in text.indices {
            let isWordCharacter = text[index].isLetter || text[index].isNumber
            if isWordCharacter, start == nil { start = index }
            if !isWordCharacter, let begin = start {
                result.append((fold(text[begin..<index]), begin..<index))
                start = nil
            }
        }
        if let begin = start { result.append((fold(text[begin...]), begin..<text.endIndex)) }
        return result
    }

    private static func fold(_ text: Substring) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    public func apply(_ text: String) -> String {
        guard longest > 0 else { return text }
        let tokens = Self.tokens(text)
        var replaced: [Range<String.Index>] = []
        var index = 0
        while index < tokens.count {
            var matched = 0
            for length in stride(from: min(longest, tokens.count - index), through: 1, by: -1)
            where names.contains(tokens[index..<(index + length)].map(\.word)) {
                matched = length
                break
            }
            if matched > 0 {
                replaced.append(tokens[index].range.lowerBound..<tokens[index + matched - 1].range.upperBound)
                index += matched
            } else {
                index += 1
            }
        }
        var result = text
        for range in replaced.reversed() { result.replaceSubrange(range, with: "[naam]") }
        return result
    }
}
