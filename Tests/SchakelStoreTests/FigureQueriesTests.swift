import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
import SchakelDemo
@testable import SchakelStore

/// The figures against hand-counted signals, received in Dutch local time around a year end and
/// the change to summer time, where counting by UTC day would put them in the wrong period.
@Suite struct FigureQueriesTests {
    let directory: TemporaryDirectory
    let store: Store

    /// (received, municipality, forms, acute, minor, source, reporter)
    static let signals: [(String, String, [String], Bool, Bool, String, String)] = [
        ("2025-12-31T23:30", "Enschede", ["seksueel"], true, false, "intranet", "professional"),
        // 00:30 on new year's day is 23:30 UTC the day before: 2026 all the same.
        ("2026-01-01T00:30", "Enschede", ["arbeid"], false, true, "telefoon", "inwoner"),
        // The night summer time starts (29 March 2026, 02:00 → 03:00).
        ("2026-03-29T01:30", "Hengelo", ["seksueel"], false, false, "intranet", "professional"),
        ("2026-03-31T23:30", "Hengelo", ["seksueel", "arbeid"], true, true, "e-mail", "anoniem"),
        // 00:30 on 1 April is 22:30 UTC on 31 March: April.
        ("2026-04-01T00:30", "Almelo", ["arbeid", "crimineel"], false, false, "intranet", "medewerker-gemeente"),
    ]

    init() throws {
        directory = try TemporaryDirectory()
        store = try Store.initialise(path: directory.path("schakel.sqlite"), administrator: "beheer", displayName: "Beheer",
                                     directory: ShippedDirectory(version: 1, organisations: []))
        let beheer = try store.user(login: "beheer")
        try store.createUser(login: "af.enschede", displayName: "AF Enschede", role: .designatedOfficer,
                             municipality: Municipality.twente.first { $0.name == "Enschede" }, by: beheer)
        try store.createUser(login: "pm.kmt", displayName: "PM", role: .processManager, municipality: nil, by: beheer)
        let now = LocalDateTime(date: CivilDate(iso: "2026-11-30")!, hour: 12, minute: 0)
        for (received, municipality, forms, acute, minor, source, reporter) in Self.signals {
            let json = """
                {"ontvangen_op": "\(received)", "bron": "\(source)", "melder": {"type": "\(reporter)"}, "gemeente": "\(municipality)",
                 "vormen": [\(forms.map { "\"\($0)\"" }.joined(separator: ", "))], "beschrijving": "Proef.", "acuut": \(acute),
                 "minderjarige": \(minor)}
                """
            let signal = try SignalIntake.parse(Array(json.utf8), now: now).get()
            _ = try store.registerSignalFromIntake(signal, service: "intake")
        }
    }

    func figures(_ period: String, _ area: FiguresArea = .region, as login: String = "pm.kmt") throws -> SignalFigures {
        try store.signalFigures(FiguresPeriod.parse(period)!, in: area, for: try store.user(login: login))
    }

    func counts(_ figures: SignalFigures, _ id: String) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: (figures.breakdown(id)?.rows ?? []).map { ($0.label, $0.count) })
    }

    @Test func periodsFollowDutchDaysAcrossTheYearEndAndSummerTime() throws {
        #expect(try figures("2025").signals == 1)
        #expect(try figures("2026").signals == 4)
        #expect(try figures("2026-K1").signals == 3)
        #expect(try figures("2026-03").signals == 2)
        #expect(try figures("2026-04").signals == 1)
        #expect(try figures("2025-12-31..2026-01-01").signals == 2)
        let months = try figures("2026").breakdown("maand")!.rows
        #expect(months.map(\.count) == [1, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(months.first?.label == "jan")
        #expect(try figures("2025-12-31..2026-01-01").breakdown("maand")!.rows == [FigureRow("12-25", 1), FigureRow("01-26", 1)])
    }

    @Test func everyBreakdownIsCountedByHand() throws {
        let year = try figures("2026")
        #expect(counts(year, "gemeente")["Hengelo"] == 2 && counts(year, "gemeente")["Enschede"] == 1 && counts(year, "gemeente")["Almelo"] == 1)
        #expect(counts(year, "gemeente").values.reduce(0, +) == 4 && year.breakdown("gemeente")!.rows.count == 14)
        #expect(counts(year, "vorm") == ["seksuele uitbuiting": 2, "arbeidsuitbuiting": 3, "criminele uitbuiting": 1,
                                         "gedwongen orgaanverwijdering en draagmoederschap": 0])
        #expect(year.breakdown("vorm")?.isPartition == false && year.breakdown("bron")?.isPartition == true)
        #expect(counts(year, "bron")["intranetformulier"] == 2 && counts(year, "bron")["telefoon"] == 1 && counts(year, "bron")["e-mail"] == 1)
        #expect(counts(year, "melder")["anoniem"] == 1 && counts(year, "melder")["medewerker gemeente"] == 1)
        #expect(counts(year, "acuut") == ["acuut": 1, "niet acuut": 3])
        #expect(counts(year, "minderjarig") == ["minderjarige": 2, "geen minderjarige": 2])
        #expect(counts(year, "casus") == ["slachtofferspoor": 0, "daderspoor": 0])
        // Where the signals are in the route: the store counts by state id, the workflow names them.
        #expect(counts(year, "stand") == ["gemeld": 4])
        let named = year.namingRouteStates(try Shipped.workflows().signalRoute.workflow)
        #expect(named.breakdown("stand")?.rows.first == FigureRow("Gemeld", 4) && named.breakdown("stand")?.rows.count == 6)
        #expect(try figures("2026", .municipality(Municipality.twente.first { $0.name == "Hengelo" }!)).signals == 2)
    }

    @Test func anAFSeesTheirMunicipalityAndTheRegionsTotalsOnlyAndTheBeheerderNothing() throws {
        let enschede = Municipality.twente.first { $0.name == "Enschede" }!, hengelo = Municipality.twente.first { $0.name == "Hengelo" }!
        let region = try figures("2026", as: "af.enschede")
        #expect(region.signals == 4 && region.breakdown("gemeente") == nil)
        #expect(try figures("2026", .municipality(enschede), as: "af.enschede").signals == 1)
        #expect(throws: StoreFailure.noAccess) { try figures("2026", .municipality(hengelo), as: "af.enschede") }
        #expect(throws: StoreFailure.noAccess) { try figures("2026", as: "beheer") }
        let audit = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT result, object_id, detail FROM audit_log WHERE object_type = 'figures' ORDER BY id")
                .map { "\($0["result"] as String) \($0["object_id"] as String) \($0["detail"] as String)" }
        }
        #expect(audit == ["ok regio Twente 2026: 4 signalen", "ok Enschede 2026: 1 signalen", "denied Hengelo 2026", "denied regio Twente 2026"])
    }
}

/// What was decided on the demo's signals, counted by the store in SQL, against the same counted
/// here by reading every signal's route data.
@Suite struct DecisionFiguresTests {
    @Test func theDecisionsAreTheNextStepsRecordedAndTheOnesWithout() throws {
        let directory = try TemporaryDirectory()
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        let workflows = try Shipped.workflows()
        let store = try DemoDatabase.open(path: directory.path("demo.sqlite"), today: today, calendar: WorkingDayCalendar(),
                                          workflows: workflows).store
        let workflow = workflows.signalRoute.workflow
        let outcomes = try #require(RouteOutcomes(workflow))
        #expect(outcomes.event == "besluit" && outcomes.field == "vervolgstappen" && outcomes.options.count == 4)
        let period = FiguresPeriod.days(CivilDate(iso: "2020-01-01")!, today.date)
        let figures = try store.signalFigures(period, in: .region, outcomes: outcomes, for: try store.user(login: "pm.kmt"))
        let decisions = try #require(figures.breakdown("besluit"))

        var steps: [String: Int] = [:], without = 0, decided = 0
        let (first, after) = period.bounds
        let data = try store.read { db in
            try String.fetchAll(db, sql: "SELECT state_data FROM signal WHERE received_at >= ? AND received_at < ?",
                                arguments: [AmsterdamTime.utcText(from: LocalDateTime(date: first, hour: 0, minute: 0)),
                                            AmsterdamTime.utcText(from: LocalDateTime(date: after, hour: 0, minute: 0))])
        }
        for text in data {
            let recorded = try StateDataCoding.decode(text)
            guard let decision = recorded["besluit"] else { continue }
            decided += 1
            if case .choices(let ids)? = decision["vervolgstappen"], !ids.isEmpty {
                for id in ids { steps[id, default: 0] += 1 }
            } else {
                without += 1
            }
        }
        #expect(decided > 0)
        #expect(decisions.total == decided)
        #expect(decisions.rows == outcomes.options.map { FigureRow($0.label, steps[$0.id] ?? 0) } + [FigureRow("geen vervolg", without)])
    }
}
