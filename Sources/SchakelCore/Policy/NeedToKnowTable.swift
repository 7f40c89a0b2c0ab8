/// Need-to-know as one table: what each role may do with a signal, a KMT case or a meeting, by what
/// the record is and where it lies. `AccessPolicy` implements it; `docs/SECURITY.md` prints
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
        /// A municipality's own meeting: the lokaal ondermijningsoverleg, the werkoverleg AF.
        case municipalMeeting = "overleg van een gemeente"
        /// The casustafel, the themagroep, an integraal casusoverleg.
        case regionalMeeting = "regionaal overleg"
        case dadertafel

        public var isMeeting: Bool { self == .municipalMeeting || self == .regionalMeeting || self == .dadertafel }

        /// What can be done with it, in the order of its cell's letters.
        public var operations: [Operation] { isMeeting ? [.list, .open, .edit, .export] : [.list, .open, .search, .refer, .related] }
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
        /// It is referred to an organisation on the sociale kaart.
        case refer = "verwijzen"
        /// What hangs from it is seen: its referrals (under the organisation) and its action items.
        case related = "verwijzingen en acties zien"
        /// A meeting's agenda: items added, moved, minuted.
        case edit = "agenda maken"
        /// A meeting's minutes, exported.
        case export = "verslag exporteren"
    }

    /// The access of every operation, in the record's `operations` order: F full, P pseudonymised (a
    /// code, no free text), - none (it does not exist for the role, and asking is refused and logged).
    public struct Cell: Hashable, Sendable {
        public let own: String
        public let other: String

        public func access(_ place: Place, _ operation: Operation, of record: Record) -> Visibility {
            let letters = Array(place == .own ? own : other)
            guard let index = record.operations.firstIndex(of: operation) else { return .none }
            switch letters[index] {
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
            .signal: cell("FFFFF", "-----"), .victimCaseSignal: cell("FFFFF", "-----"),
            .victimCase: cell("FFFFF", "-----"), .perpetratorCase: cell("-----", "-----"),
            .municipalMeeting: cell("FFFF", "----"), .regionalMeeting: cell("PP--", "PP--"), .dadertafel: cell("----", "----"),
        ],
        .processManager: [
            .signal: cell("FFFFF", "FFFFF"), .victimCaseSignal: cell("FFFFF", "FFFFF"),
            .victimCase: cell("FFFFF", "FFFFF"), .perpetratorCase: cell("FFFFF", "FFFFF"),
            .municipalMeeting: cell("FFFF", "FFFF"), .regionalMeeting: cell("FFFF", "FFFF"), .dadertafel: cell("FFFF", "FFFF"),
        ],
        .careCoordinator: [
            .signal: cell("-----", "-----"), .victimCaseSignal: cell("FFFFF", "FFFFF"),
            .victimCase: cell("FFFFF", "FFFFF"), .perpetratorCase: cell("-----", "-----"),
            .municipalMeeting: cell("----", "----"), .regionalMeeting: cell("FFFF", "FFFF"), .dadertafel: cell("----", "----"),
        ],
        .processSupporter: [
            .signal: cell("-----", "-----"), .victimCaseSignal: cell("-----", "-----"),
            .victimCase: cell("PP---", "PP---"), .perpetratorCase: cell("-----", "-----"),
            .municipalMeeting: cell("PP--", "PP--"), .regionalMeeting: cell("PP--", "PP--"), .dadertafel: cell("----", "----"),
        ],
        .administrator: [
            .signal: cell("-----", "-----"), .victimCaseSignal: cell("-----", "-----"),
            .victimCase: cell("-----", "-----"), .perpetratorCase: cell("-----", "-----"),
            .municipalMeeting: cell("----", "----"), .regionalMeeting: cell("----", "----"), .dadertafel: cell("----", "----"),
        ],
    ]

    public static func access(_ role: Role, _ record: Record, _ place: Place, _ operation: Operation) -> Visibility {
        cells[role]![record]!.access(place, operation, of: record)
    }

    /// The table as Markdown: one for the case content (lijst / openen / zoeken / verwijzen /
    /// verwijzingen en acties zien), one for the meetings
    /// (lijst / openen / agenda maken / verslag exporteren); a row per record and place, a column per role.
    public static var markdown: String {
        markdown(Record.allCases.filter { !$0.isMeeting }) + "\n" + markdown(Record.allCases.filter(\.isMeeting))
    }

    static func markdown(_ records: [Record]) -> String {
        let roles = Role.allCases
        var lines = ["| record | plaats | " + roles.map(\.label).joined(separator: " | ") + " |",
                     "|---|---|" + roles.map { _ in "---|" }.joined()]
        for record in records {
            for place in Place.allCases {
                let accesses = roles.map { role in
                    record.operations.map { operation in
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
