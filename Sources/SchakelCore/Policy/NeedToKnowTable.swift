/// Need-to-know for case content, as one table: what each role may do with a signal or a KMT case,
/// by what the record is and where it lies. `AccessPolicy` implements it; `docs/SECURITY.md` prints
/// it (`markdown`, checked to be there); `NeedToKnowTableTests` tries every cell against the real store.
public enum NeedToKnowTable {
    /// What the record is.
    public enum Record: String, CaseIterable, Sendable {
        /// A municipal signal that never became a KMT case.
        case signal = "signaal"
        /// A signal a victim-track KMT case came from.
        case victimCaseSignal = "signaal van een slachtoffercasus"
        case victimCase = "casus, slachtofferspoor"
        case perpetratorCase = "casus, daderspoor"
    }

    /// Where it lies: the AF's own municipality, or another (the same for the regional roles).
    public enum Place: String, CaseIterable, Sendable {
        case own = "eigen gemeente"
        case other = "andere gemeente"
    }

    /// What is done with it.
    public enum Operation: String, CaseIterable, Sendable {
        /// It is in its list (the inbox, the cases), and so in the list's counts.
        case list = "lijst"
        /// Its detail, or its timeline's text.
        case open = "openen"
        /// A full-text search finds it (a signal by its text, a case by its timeline).
        case search = "zoeken"
    }

    /// The access of every operation, in `Operation` order: F full, P pseudonymised (a code, no free
    /// text), - none (it does not exist for the role, and asking is refused and logged).
    public struct Cell: Hashable, Sendable {
        public let own: String
        public let other: String

        public func access(_ place: Place, _ operation: Operation) -> Visibility {
            let letters = Array(place == .own ? own : other)
            switch letters[Operation.allCases.firstIndex(of: operation)!] {
            case "F": return .full
            case "P": return .pseudonymised
            default: return .none
            }
        }
    }

    static func cell(_ own: String, _ other: String) -> Cell { Cell(own: own, other: other) }

    /// The table. Why each role sees what it sees is in `docs/SECURITY.md`.
    public static let cells: [Role: [Record: Cell]] = [
        .designatedOfficer: [
            .signal: cell("FFF", "---"), .victimCaseSignal: cell("FFF", "---"),
            .victimCase: cell("FFF", "---"), .perpetratorCase: cell("---", "---"),
        ],
        .processManager: [
            .signal: cell("FFF", "FFF"), .victimCaseSignal: cell("FFF", "FFF"),
            .victimCase: cell("FFF", "FFF"), .perpetratorCase: cell("FFF", "FFF"),
        ],
        .careCoordinator: [
            .signal: cell("---", "---"), .victimCaseSignal: cell("FFF", "FFF"),
            .victimCase: cell("FFF", "FFF"), .perpetratorCase: cell("---", "---"),
        ],
        .processSupporter: [
            .signal: cell("---", "---"), .victimCaseSignal: cell("---", "---"),
            .victimCase: cell("PP-", "PP-"), .perpetratorCase: cell("---", "---"),
        ],
        .administrator: [
            .signal: cell("---", "---"), .victimCaseSignal: cell("---", "---"),
            .victimCase: cell("---", "---"), .perpetratorCase: cell("---", "---"),
        ],
    ]

    public static func access(_ role: Role, _ record: Record, _ place: Place, _ operation: Operation) -> Visibility {
        cells[role]![record]!.access(place, operation)
    }

    /// The table as Markdown, a row per record and place, a column per role; each cell the access of
    /// lijst / openen / zoeken.
    public static var markdown: String {
        let roles = Role.allCases
        var lines = ["| record | plaats | " + roles.map(\.label).joined(separator: " | ") + " |",
                     "|---|---|" + roles.map { _ in "---|" }.joined()]
        for record in Record.allCases {
            for place in Place.allCases {
                let accesses = roles.map { role in
                    Operation.allCases.map { operation in
                        switch access(role, record, place, operation) {
                        case .full: return "F"
                        case .pseudonymised: return "P"
                        case .none: return "–"
                        }
                    }.joined(separator: " ")
                }
                lines.append("| \(record.rawValue) | \(place.rawValue) | " + accesses.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
