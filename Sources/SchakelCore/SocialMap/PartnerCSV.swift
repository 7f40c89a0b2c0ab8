import Foundation
import TextSafety
import Meldroute
import SwiftCSV

/// The sociale kaart as a CSV file the way Dutch Excel opens it: semicolons, UTF-8 with a byte
/// order mark, CRLF. Reading is SwiftCSV's, a record at a time so that every problem is named with
/// its line and column, and a file with any problem is not taken at all.
public enum PartnerCSV {
    public static let columns = ["naam", "korte_naam", "soort", "domeinen", "doelgroepen", "vormen", "gebied", "aanbod", "telefoon",
                                 "email", "website", "adres", "openingstijden", "crisislijn", "crisis_24_7", "gecontroleerd_op",
                                 "gecontroleerd_door"]

    /// A problem in the file: where (line 1 is the header) and what.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public let line: Int
        /// The column's name, when the problem is in one field.
        public let column: String?
        public let message: String

        public var description: String {
            column.map { "regel \(line), kolom \($0): \(message)" } ?? "regel \(line): \(message)"
        }
    }

    /// Every problem in a file, in line order.
    public struct Problems: Error, Hashable, Sendable, CustomStringConvertible {
        public let problems: [Problem]

        init(_ problems: [Problem]) {
            self.problems = problems.sorted { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
        }

        public var description: String { problems.map(\.description).joined(separator: "\n") }
    }

    // MARK: Writing

    public static func export(_ partners: [Partner]) -> Data {
        var lines = [columns.joined(separator: ";")]
        for partner in partners {
            let area: String = switch partner.area {
            case .twente: "twente"
            case .national: "landelijk"
            case .municipalities(let names): names.joined(separator: ", ")
            }
            let fields = [
                partner.name, partner.shortName, partner.kind, partner.domains.members.map(\.code).joined(separator: ", "),
                partner.targetGroups.members.map(\.code).joined(separator: ", "), partner.forms.members.map(\.code).joined(separator: ", "),
                area, partner.offer, partner.phone, partner.email, partner.website, partner.address, partner.openingHours,
                partner.crisisLine, partner.crisisAlwaysReachable ? "ja" : "nee", partner.verified?.on.dutch ?? "",
                partner.verified?.by ?? "",
            ]
            // Only the offer runs over lines; every other field is one line, as the import wants it.
            lines.append(zip(columns, fields).map { column, field in ExportText.csv(column == "aanbod" ? field : ExportText.line(field)) }
                .joined(separator: ";"))
        }
        return Data([0xEF, 0xBB, 0xBF]) + Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    // MARK: Reading

    /// The organisations of the file, or every problem in it.
    public static func read(_ data: Data) -> Result<[Partner], Problems> {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            return .failure(Problems([Problem(line: firstLineThatIsNotUTF8(bytes), column: nil,
                                              message: "geen UTF-8; sla het bestand in Excel op als ‘CSV UTF-8 (door lijstscheidingsteken gescheiden)’")]))
        }
        var records = Self.records(text)
        guard !records.isEmpty else { return .failure(Problems([Problem(line: 1, column: nil, message: "het bestand is leeg")])) }
        let header = records.removeFirst()
        var problems: [Problem] = []
        let headerFields: [String]
        switch fields(of: header) {
        case .success(let found): headerFields = found.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        case .failure(let problem): return .failure(Problems([problem]))
        }
        for (index, name) in headerFields.enumerated() where !columns.contains(name) {
            problems.append(Problem(line: 1, column: name.isEmpty ? "\(index + 1)" : name,
                                    message: "onbekende kolom; bekend: \(columns.joined(separator: ", "))"))
        }
        if !headerFields.contains("naam") { problems.append(Problem(line: 1, column: nil, message: "de kolom ‘naam’ ontbreekt")) }
        if Set(headerFields).count != headerFields.count { problems.append(Problem(line: 1, column: nil, message: "een kolom staat er twee keer in")) }
        guard problems.isEmpty else { return .failure(Problems(problems)) }

        var partners: [Partner] = []
        var seen: [String: Int] = [:]
        for record in records where !record.text.allSatisfy(\.isWhitespace) {
            let values: [String]
            switch fields(of: record, columns: headerFields) {
            case .success(let found): values = found
            case .failure(let problem):
                problems.append(problem)
                continue
            }
            guard values.count <= headerFields.count else {
                problems.append(Problem(line: record.line, column: nil,
                                        message: "\(values.count) velden, de kop heeft er \(headerFields.count) (een ; te veel?)"))
                continue
            }
            let row = Dictionary(uniqueKeysWithValues: zip(headerFields, values + Array(repeating: "", count: headerFields.count - values.count)))
            let (partner, rowProblems) = partner(from: row, line: record.line)
            problems += rowProblems
            if let first = seen[partner.name.lowercased()], !partner.name.isEmpty {
                problems.append(Problem(line: record.line, column: "naam", message: "‘\(partner.name)’ staat ook op regel \(first)"))
            }
            seen[partner.name.lowercased()] = seen[partner.name.lowercased()] ?? record.line
            partners.append(partner)
        }
        return problems.isEmpty ? .success(partners) : .failure(Problems(problems))
    }

    /// One record's text and the line it starts on.
    struct Record {
        let text: String
        let line: Int
        /// A quote opened and never closed: the record runs to the end of the file.
        var isUnclosed = false
    }

    /// The file's records with the line each starts on: its lines, a line break inside a quoted
    /// field kept within its record. Only where records end is worked out here (a quote that opens
    /// a field, until the quote that closes it); SwiftCSV reads the fields.
    static func records(_ text: String) -> [Record] {
        var records: [Record] = []
        var current = "", start = 1, inQuotes = false
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if !inQuotes { start = index + 1 }
            current += (inQuotes ? "\n" : "") + line
            var atFieldStart = !inQuotes
            var previousWasQuote = false
            for character in line {
                if inQuotes {
                    if character == "\"" {
                        // A doubled quote stays inside; a single one closes, which the next character tells.
                        previousWasQuote.toggle()
                    } else if previousWasQuote {
                        inQuotes = false
                        previousWasQuote = false
                        atFieldStart = character == ";"
                    }
                } else if character == "\"" && atFieldStart {
                    inQuotes = true
                    atFieldStart = false
                } else if character == ";" {
                    atFieldStart = true
                } else if !character.isWhitespace {
                    atFieldStart = false
                }
            }
            if inQuotes && previousWasQuote { inQuotes = false }
            if !inQuotes {
                records.append(Record(text: current, line: start))
                current = ""
            }
        }
        if inQuotes { records.append(Record(text: current, line: start, isUnclosed: true)) }
        if records.last?.text.isEmpty == true { records.removeLast() }
        return records
    }

    /// The fields of one record, read by SwiftCSV; a quoting mistake named with its column.
    static func fields(of record: Record, columns: [String] = []) -> Result<[String], Problem> {
        let field = brokenField(record.text)
        let column = columns.indices.contains(field - 1) ? columns[field - 1] : "\(field)"
        if record.isUnclosed {
            return .failure(Problem(line: record.line, column: column,
                                    message: "een \" wordt niet afgesloten; alles vanaf hier leest als één veld, er is niets verder gelezen"))
        }
        do {
            return .success(try EnumeratedCSV(string: record.text, delimiter: .semicolon, loadColumns: false).header)
        } catch {
            return .failure(Problem(line: record.line, column: column,
                                    message: "de aanhalingstekens kloppen niet (een veld met ; of \" staat tussen \"…\", een \" erin als \"\")"))
        }
    }

    /// The number of the field where quoting goes wrong: the first that opens a quote it does not
    /// close, or has a quote without being quoted. Only to say where; SwiftCSV reads the file.
    static func brokenField(_ text: String) -> Int {
        for (index, field) in text.split(separator: ";", omittingEmptySubsequences: false).enumerated() {
            let trimmed = field.trimmingCharacters(in: .whitespaces)
            let quoted = trimmed.hasPrefix("\"")
            if (quoted && (!trimmed.hasSuffix("\"") || trimmed.count == 1)) || (!quoted && trimmed.contains("\"")) { return index + 1 }
        }
        return 1
    }

    static func firstLineThatIsNotUTF8(_ data: Data) -> Int {
        var line = 1
        for part in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(data: Data(part), encoding: .utf8) == nil { return line }
            line += 1
        }
        return 1
    }

    /// An organisation from one row, and what is wrong with its fields.
    static func partner(from row: [String: String], line: Int) -> (Partner, [Problem]) {
        var problems: [Problem] = []
        // A cell Schakel wrote with a `'` before a would-be formula reads back as it was.
        func value(_ column: String) -> String {
            ExportText.csvValue((row[column] ?? "").trimmingCharacters(in: .whitespaces)).trimmingCharacters(in: .whitespaces)
        }
        func words(_ column: String, _ allowed: Set<String>) -> [String] {
            let found = value(column).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for word in found where !allowed.contains(word) {
                problems.append(Problem(line: line, column: column, message: "onbekend: ‘\(word)’; bekend: \(allowed.sorted().joined(separator: ", "))"))
            }
            return found
        }
        let vocabulary = DirectoryVocabulary.schakel
        var partner = Partner(name: value("naam"), shortName: value("korte_naam"), kind: value("soort"),
                              domains: PartnerDomains(codes: words("domeinen", vocabulary.domains)),
                              targetGroups: TargetGroups(codes: words("doelgroepen", vocabulary.targetGroups)),
                              forms: ExploitationForms(ExploitationForm.allCases.filter { words("vormen", vocabulary.forms).contains($0.code) }),
                              area: PartnerArea(words: words("gebied", PartnerArea.fileWords)), offer: FieldCharacters.withLineFeeds(value("aanbod")), phone: value("telefoon"),
                              email: value("email"), website: value("website"), address: value("adres"), openingHours: value("openingstijden"),
                              crisisLine: value("crisislijn"))
        if partner.name.isEmpty { problems.append(Problem(line: line, column: "naam", message: "leeg; elke organisatie heeft een naam")) }
        problems += partner.lengthProblems.map { Problem(line: line, column: $0.column, message: $0.message) }
        switch value("crisis_24_7").lowercased() {
        case "", "nee": break
        case "ja": partner.crisisAlwaysReachable = true
        case let other: problems.append(Problem(line: line, column: "crisis_24_7", message: "‘\(other)’; verwacht ja of nee"))
        }
        // No control or bidi character in any field; only the offer may run over lines.
        for column in row.keys.sorted() {
            if let wrong = FieldCharacters.problem(in: row[column] ?? "", multiline: column == "aanbod") {
                problems.append(Problem(line: line, column: column, message: wrong))
            }
        }
        for (column, check) in [("telefoon", ContactFormat.phoneProblem), ("crisislijn", ContactFormat.phoneProblem),
                                ("email", ContactFormat.emailProblem), ("website", ContactFormat.websiteProblem)] {
            if let problem = check(value(column)) { problems.append(Problem(line: line, column: column, message: problem)) }
        }
        if !value("gecontroleerd_op").isEmpty {
            if let date = CivilDate(dutch: value("gecontroleerd_op")) {
                partner.verified = Verification(on: date, by: value("gecontroleerd_door"))
            } else {
                problems.append(Problem(line: line, column: "gecontroleerd_op", message: "‘\(value("gecontroleerd_op"))’ is geen datum dd-mm-jjjj"))
            }
        }
        if partner.crisisAlwaysReachable && partner.crisisLine.isEmpty {
            problems.append(Problem(line: line, column: "crisis_24_7", message: "dag en nacht bereikbaar, maar er is geen crisislijn"))
        }
        return (partner, problems)
    }
}
