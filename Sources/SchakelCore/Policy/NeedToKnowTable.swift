/// Need-to-know as one table: what each role may do with a signal, a KMT case, a meeting, the
/// sociale kaart, the figures, the users, the settings, the destruction list, the persons (as a
/// whole: merging codes, inzage), the activities and the consults, by what the record is and where it lies. `AccessPolicy` implements it; `docs/SECURITY.md` prints
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
        /// The partner organisations and their contact persons.
        case socialMap = "sociale kaart"
        /// Aard en omvang of one municipality (own or other).
        case municipalFigures = "cijfers van een gemeente"
        /// Aard en omvang of the region.
        case regionalFigures = "cijfers van de regio"
        case users = "gebruikers"
        /// The idle lock, the threshold, the export folder (shown to anyone who may open the file).
        case settings = "instellingen"
        /// What is over its retention period: listed, proposed for destruction, approved (and destroyed).
        case retention = "vernietigingslijst"
        /// Persons as the region's register: two codes merged into one, a person's inzage (art. 15 AVG).
        case persons = "personen"
        /// An activity of deskundigheidsbevordering or preventie, of a municipality (or, as "andere", the region's).
        case activity = "activiteit"
        /// A consult (advies en consult) about a municipality.
        case consult

        public var isMeeting: Bool { self == .municipalMeeting || self == .regionalMeeting || self == .dadertafel }

        /// The case content: signals and KMT cases.
        public var isCaseContent: Bool { [.signal, .victimCaseSignal, .victimCase, .perpetratorCase].contains(self) }

        /// Whether the AF's own municipality and another differ for it at all.
        public var hasPlace: Bool { isCaseContent || self == .municipalMeeting || self == .municipalFigures || self == .activity
            || self == .consult }

        /// What can be done with it, in the order of its cell's letters.
        public var operations: [Operation] {
            switch self {
            case .signal: return [.list, .open, .search, .refer, .related, .write, .register]
            case .victimCaseSignal, .victimCase, .perpetratorCase: return [.list, .open, .search, .refer, .related, .write]
            case .municipalMeeting, .regionalMeeting, .dadertafel: return [.list, .open, .edit, .export]
            case .socialMap: return [.list, .change, .download]
            case .municipalFigures, .regionalFigures: return [.open, .download]
            case .users: return [.list, .change]
            case .settings: return [.change]
            case .retention: return [.list, .propose, .approve]
            case .persons: return [.merge, .inzage]
            case .activity: return [.list, .change]
            case .consult: return [.list, .open, .write, .register]
            }
        }
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
        /// Written to: a note on its timeline, or a step of its route (the same rule: seen in full).
        case write = "notitie of stap"
        /// A new one registered, in the AF's own municipality or another.
        case register = "registreren"
        /// A meeting's agenda: items added, moved, minuted.
        case edit = "agenda maken"
        /// A meeting's minutes, exported.
        case export = "verslag exporteren"
        /// Changed: an organisation saved, a user blocked, a setting set.
        case change = "wijzigen"
        /// Taken out of Schakel as a file: the sociale kaart as CSV, the figures as a report.
        case download = "exporteren"
        /// A destruction list proposed.
        case propose = "voorstellen"
        /// A destruction list approved, and so its records destroyed (never by its proposer).
        case approve = "goedkeuren"
        /// Two person codes merged into one (and undone).
        case merge = "samenvoegen"
        /// Everything held about one person gathered for their request for access.
        case inzage = "inzage"
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

    /// A record for which the AF's own municipality and another do not differ.
    static func same(_ letters: String) -> Cell { Cell(own: letters, other: letters) }

    /// The table. Why each role sees what it sees is in `docs/SECURITY.md`.
    public static let cells: [Role: [Record: Cell]] = [
        .designatedOfficer: [
            .signal: cell("FFFFFFF", "-------"), .victimCaseSignal: cell("FFFFFF", "------"),
            .victimCase: cell("FFFFFF", "------"), .perpetratorCase: cell("------", "------"),
            .municipalMeeting: cell("FFFF", "----"), .regionalMeeting: cell("PP--", "PP--"), .dadertafel: cell("----", "----"),
            .socialMap: same("F-F"), .municipalFigures: cell("FF", "--"), .regionalFigures: same("FF"), .users: same("--"),
            .settings: same("-"), .retention: same("---"), .persons: same("--"), .activity: cell("FF", "F-"),
            .consult: cell("FFFF", "----"),
        ],
        .processManager: [
            .signal: cell("FFFFFFF", "FFFFFFF"), .victimCaseSignal: cell("FFFFFF", "FFFFFF"),
            .victimCase: cell("FFFFFF", "FFFFFF"), .perpetratorCase: cell("FFFFFF", "FFFFFF"),
            .municipalMeeting: cell("FFFF", "FFFF"), .regionalMeeting: cell("FFFF", "FFFF"), .dadertafel: cell("FFFF", "FFFF"),
            .socialMap: same("FFF"), .municipalFigures: same("FF"), .regionalFigures: same("FF"), .users: same("--"), .settings: same("-"),
            .retention: same("F-F"), .persons: same("FF"), .activity: same("FF"),
            .consult: same("FFFF"),
        ],
        .careCoordinator: [
            .signal: cell("-------", "-------"), .victimCaseSignal: cell("FFFFFF", "FFFFFF"),
            .victimCase: cell("FFFFFF", "FFFFFF"), .perpetratorCase: cell("------", "------"),
            .municipalMeeting: cell("----", "----"), .regionalMeeting: cell("FFFF", "FFFF"), .dadertafel: cell("----", "----"),
            .socialMap: same("FFF"), .municipalFigures: same("FF"), .regionalFigures: same("FF"), .users: same("--"), .settings: same("-"),
            .retention: same("---"), .persons: same("--"), .activity: same("FF"), .consult: same("FFFF"),
        ],
        .processSupporter: [
            .signal: cell("-------", "-------"), .victimCaseSignal: cell("------", "------"),
            .victimCase: cell("PP----", "PP----"), .perpetratorCase: cell("------", "------"),
            .municipalMeeting: cell("PP--", "PP--"), .regionalMeeting: cell("PP--", "PP--"), .dadertafel: cell("----", "----"),
            .socialMap: same("FFF"), .municipalFigures: same("FF"), .regionalFigures: same("FF"), .users: same("--"), .settings: same("-"),
            .retention: same("---"), .persons: same("--"), .activity: same("FF"), .consult: same("----"),
        ],
        .administrator: [
            .signal: cell("-------", "-------"), .victimCaseSignal: cell("------", "------"),
            .victimCase: cell("------", "------"), .perpetratorCase: cell("------", "------"),
            .municipalMeeting: cell("----", "----"), .regionalMeeting: cell("----", "----"), .dadertafel: cell("----", "----"),
            .socialMap: same("FFF"), .municipalFigures: same("--"), .regionalFigures: same("--"), .users: same("FF"), .settings: same("F"),
            .retention: same("FF-"), .persons: same("--"), .activity: same("--"),
            .consult: same("----"),
        ],
    ]

    public static func access(_ role: Role, _ record: Record, _ place: Place, _ operation: Operation) -> Visibility {
        cells[role]![record]!.access(place, operation, of: record)
    }

    /// The table as Markdown, in three parts — the case content, the meetings, everything else — each
    /// cell its record's operations in order; a row per record and place, a column per role.
    public static var markdown: String {
        [Record.allCases.filter(\.isCaseContent), Record.allCases.filter(\.isMeeting),
         Record.allCases.filter { !$0.isCaseContent && !$0.isMeeting }].map(markdown).joined(separator: "\n")
    }

    static func markdown(_ records: [Record]) -> String {
        let roles = Role.allCases
        var lines = ["| record | plaats | " + roles.map(\.label).joined(separator: " | ") + " |",
                     "|---|---|" + roles.map { _ in "---|" }.joined()]
        for record in records {
            for place in record.hasPlace ? Place.allCases : [.own] {
                let accesses = roles.map { role in
                    record.operations.map { operation in
                        switch access(role, record, place, operation) {
                        case .full: return "F"
                        case .pseudonymised: return "P"
                        case .none: return "–"
                        }
                    }.joined(separator: " ")
                }
                lines.append("| \(record.rawValue) | \(record.hasPlace ? place.rawValue : "—") | " + accesses.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
