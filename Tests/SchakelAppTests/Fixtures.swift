import Foundation
import Meldroute
import SchakelCore
import TerminalKit
@testable import SchakelApp

/// Fixed data for screen and reducer tests.
enum Fixtures {
    static let today = CivilDate(iso: "2026-11-24")!
    static let clock = FixedClock(LocalDateTime(date: today, hour: 10, minute: 30))
    static let enschede = Municipality.twente.first { $0.name == "Enschede" }!

    /// The shipped municipal route, read from `Resources/workflows/`.
    static let workflow = shippedWorkflow("gemeentelijke-meldroute")
    static let caseWorkflow = shippedWorkflow("kmt-werkproces")
    static let meetingWorkflow = shippedWorkflow("overleg")
    static let consultWorkflow = shippedWorkflow("advies-en-consult")

    /// Two rules of "wie bel ik voor…": a minor, and always.
    static let callRules = [
        CallRule(name: "Minderjarige", minor: true, calls: [.init(organisation: "vtt", reason: "Melden bij Veilig Thuis (meldcode).")]),
        CallRule(name: "Altijd", calls: [.init(organisation: "jbov", reason: "Jeugdbescherming als het thuis tekortschiet."),
                                         .init(organisation: "skillz", reason: "Jongerenwerk in Hengelo.")]),
    ]

    /// The dadertafel's series, for its standing items.
    static let meetingSeries = [
        MeetingSeriesDefinition(id: "dadertafel", kind: "dadertafel", title: "Dadertafel", rhythm: .onDemand, weekday: 4,
                                startHour: 10, startMinute: 0, lengthMinutes: 90, location: "ZVHT", chair: "KMT", organiser: "KMT",
                                invited: [], standingItems: ["Opening", "Mededelingen", "Rondvraag"], perMunicipality: false, line: nil),
    ]

    /// A workflow from `Resources/workflows/`.
    static func shippedWorkflow(_ name: String) -> WorkflowDefinition {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/workflows/\(name).yaml")
        return try! WorkflowLoader.load(yaml: String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
    }

    static let af = User(id: 1, login: "af.enschede", displayName: "Anouk Veldkamp (demo)", role: .designatedOfficer,
                         municipality: enschede)

    static let processManager = User(id: 2, login: "pm.kmt", displayName: "Procesmanager KMT (demo)", role: .processManager,
                                     municipality: nil)

    static let careCoordinator = User(id: 3, login: "zc.kmt", displayName: "Zorgcoördinator KMT (demo)", role: .careCoordinator,
                                      municipality: nil)

    static func context(user: User = af) -> AppContext {
        AppContext(user: user, today: today, calendar: WorkingDayCalendar(), workflow: workflow, caseWorkflow: caseWorkflow,
                   meetingWorkflow: meetingWorkflow, meetingSeries: meetingSeries, callRules: callRules,
                   shippedDirectory: ShippedDirectory(version: 2, organisations: [ShippedOrganisation(key: "halt", name: "Halt")]), helpLines: ["Overal", "  ?   deze hulp", "  q   stoppen"], isDemo: true,
                   retention: retention, activityVocabulary: activities, consultWorkflow: consultWorkflow)
    }

    /// The shipped kinds of activity and audiences.
    static let activities: ActivityVocabulary = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/activiteiten/soorten.yaml")
        return try! ActivityVocabularyFile.parse(yaml: String(contentsOf: url, encoding: .utf8), file: "soorten.yaml")
    }()

    /// Two periods, as the shipped file has them.
    static let retention = RetentionRules(rules: [
        RetentionRule(outcome: .signalClosed, label: "Signaal afgesloten zonder vervolg", workflow: "gemeentelijke-meldroute",
                      state: "afgesloten", months: 24),
        RetentionRule(outcome: .minutes, label: "Verslag van een overleg", workflow: nil, state: nil, months: 60),
    ], isProvisional: false)

    static func state(_ size: Size = Size(width: 80, height: 24)) -> AppState {
        AppState(context: context(), size: size)
    }

    /// `count` signals, newest first, one received every calendar day back from today.
    static func signals(_ count: Int, startingAt first: Int = 0) -> [SignalSummary] {
        let states = ["gemeld", "contact", "onderzoek", "beslismoment", "doorgezet", "afgesloten", "gemeld"]
        let forms: [ExploitationForms] = [[.sexual], [.labour], [.criminal, .labour], [.organRemoval], [.sexual, .criminal]]
        let places = ["Enschede", "Hof van Twente", "Rijssen-Holten", "Hengelo"]
        return (first..<(first + count)).map { index in
            let date = today.adding(days: -index)
            let id = Int64(10_000 - index)
            return SignalSummary(
                id: id, key: ListKey(sortValue: date.iso + "T09:00:00Z", id: id),
                code: "S2026-" + String(9000 - index), receivedAt: LocalDateTime(date: date, hour: 10, minute: 0),
                municipality: places[index % places.count], forms: forms[index % forms.count],
                state: states[index % states.count], acute: index % 5 == 0, minorInvolved: index % 7 == 3)
        }
    }

    /// `count` meetings, one every third day from `first` days from today (negative: earlier),
    /// keyed like the store's list (the sort value is the day, so `meetingListKey` finds today).
    static func meetings(_ count: Int, from first: Int = -3) -> [Meeting] {
        let kinds: [(MeetingKind, String, String?)] = [
            (.casustafel, "Casustafel mensenhandel", nil), (.localUnderminingMeeting, "Lokaal ondermijningsoverleg Enschede", "Enschede"),
            (.dadertafel, "Dadertafel", nil),
        ]
        let statuses = ["gepland", "agenda_vastgesteld", "gehouden"]
        return (0..<count).map { index in
            let date = today.adding(days: first + 3 * index)
            let (kind, title, municipality) = kinds[index % kinds.count]
            let id = Int64(500 + index)
            return Meeting(id: id, key: ListKey(sortValue: date.iso + "T12:30:00Z", id: id), kind: kind, title: title,
                           startsAt: LocalDateTime(date: date, hour: 13, minute: 30), location: "Zorg- en Veiligheidshuis Twente",
                           municipality: municipality, status: date < today ? "gehouden" : statuses[index % 2],
                           visibility: .full, lengthMinutes: 150, itemCount: index % 4, series: kind.rawValue,
                           invited: ["Politie / AVIM", "Veilig Thuis Twente (VTT)"])
        }
    }

    static func detail() -> SignalDetail {
        SignalDetail(
            summary: signals(1)[0], source: .email, reporterType: .municipalEmployee,
            reporterName: "J. de Boer (fictief)", reporterOrganisation: "Wijkteam gemeente Enschede",
            location: "nagelstudio, Enschede",
            description: "Een inwoner meldt dat een kennis in een nagelstudio werkt voor kost en inwoning.\r\nVan:\tmelder",
            persons: [
                InvolvedPerson(initials: "Z.Ç.", birthYear: 2009, role: .presumedVictim, fullName: "Zoë Çelik"),
                InvolvedPerson(initials: "伟.李.", birthYear: 1980, role: .suspect, fullName: "伟 李"),
            ])
    }
}

extension Partner {
    /// Where it stands in the fake's name-ordered list.
    var listKey: ListKey { ListKey(sortValue: name, id: id ?? 0) }
}
