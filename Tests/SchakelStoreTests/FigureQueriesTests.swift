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
        let months = try figures("2026").breakdown("maand")!.rows
        #expect(months.map(\.count) == [1, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(months.first?.label == "jan")
        // No free span of days: two spans a day apart would give that day's count away.
        #expect(FiguresPeriod.parse("2025-12-31..2026-01-01") == nil)
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

    /// The contact deadline in working days, counted by hand: received on new year's day (a
    /// holiday), the third working day is Tuesday 6 January; received on Sunday 29 March, it is
    /// Wednesday 1 April, so contact on the 2nd is late. The other two are still waiting, and past it.
    @Test func theContactDeadlineIsCountedInWorkingDays() throws {
        let workflows = try Shipped.workflows()
        let pm = try store.user(login: "pm.kmt")
        func contact(_ index: Int, on moment: String) throws {
            let id = try store.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM signal ORDER BY received_at LIMIT 1 OFFSET ?",
                                                                arguments: [index])! }
            let parts = moment.split(separator: "T")
            let time = parts[1].split(separator: ":").map { Int($0)! }
            let when = LocalDateTime(date: CivilDate(iso: String(parts[0]))!, hour: time[0], minute: time[1])
            if index == 1 {  // a minor is involved: the VTT report comes first
                try store.recordRouteEvent("vtt_gemeld", fields: ["gemeld_op": .dateTime(when), "gemeld_door": .text("PM")], onSignal: id,
                                           expectedVersion: try store.signalRouteState(id: id, for: pm).version, workflows: workflows, by: pm)
            }
            let state = try store.signalRouteState(id: id, for: pm)
            try store.recordRouteEvent("contact_opgenomen", fields: [
                "contact_op": .dateTime(when),
                "wijze": .choice("telefonisch"), "waarnemingen": .text("Proef."), "vormen": .choices(["arbeid"]),
                "betrokkenen": .text("A.B."), "melder_blijft_betrokken": .boolean(true), "afspraken": .text("Geen."),
            ], onSignal: id, expectedVersion: state.version, workflows: workflows, by: pm)
        }
        try contact(1, on: "2026-01-06T16:00")
        try contact(2, on: "2026-04-02T09:00")
        let timing = try #require(RouteTiming(workflows.signalRoute.workflow, calendar: WorkingDayCalendar()))
        #expect(timing.event == "contact_opgenomen" && timing.field == "contact_op" && timing.workingDays == 3)
        let figures = try store.signalFigures(.year(2026), in: .region, outcomes: nil, timing: timing, for: pm)
        #expect(counts(figures, "termijn") == ["binnen 3 werkdagen": 1, "later": 1, "nog niet, termijn loopt": 0,
                                               "nog niet, termijn verstreken": 2, "niet vastgelegd (route anders verlopen)": 0])
        let toContact = try #require(figures.durations.first)
        #expect(toContact.count == 2 && toContact.median == 3 && toContact.percentile90 == 4)
        #expect(toContact.text(threshold: 5) == "Werkdagen tot contact met de melder: te weinig signalen om te tonen.")
        #expect(toContact.text(threshold: 2) == "Werkdagen tot contact met de melder: mediaan 3, 90% binnen 4 werkdagen.")
        #expect(figures.durations.last?.count == 0)
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
        let period = FiguresPeriod.year(2026)
        let figures = try store.signalFigures(period, in: .region, outcomes: outcomes, timing: nil, for: try store.user(login: "pm.kmt"))
        let decisions = try #require(figures.breakdown("besluit"))

        var steps: [String: Int] = [:], reasons: [String: Int] = [:], without = 0, decided = 0
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
                if case .choice(let id)? = decision["reden_geen_vervolg"] { reasons[id, default: 0] += 1 }
            }
        }
        #expect(decided > 0)
        #expect(decisions.total == decided)
        #expect(decisions.rows == outcomes.options.map { FigureRow($0.label, steps[$0.id] ?? 0) } + [FigureRow("geen vervolg", without)])

        // Every "geen vervolg" has its reason from the list, counted by it; no toelichting is read.
        let byReason = try #require(figures.breakdown(RouteOutcomes.reasonBreakdownID))
        #expect(outcomes.reasonField == "reden_geen_vervolg" && outcomes.reasons.count == 6)
        #expect(without > 0 && byReason.total == without && byReason.isPartition)
        #expect(byReason.rows == outcomes.reasons.map { FigureRow($0.label, reasons[$0.id] ?? 0) })
    }
}

/// Cases brought to a regional table, by hand: the first time per table counts, whether marked for
/// the waiting list or put straight on an agenda; another kind of meeting does not.
@Suite struct EscalationFiguresTests {
    @Test func eachCaseCountsInThePeriodItFirstWentToEachTable() throws {
        let directory = try TemporaryDirectory()
        let store = try Store.initialise(path: directory.path("schakel.sqlite"), administrator: "beheer", displayName: "Beheer",
                                         directory: ShippedDirectory(version: 1, organisations: []))
        let beheer = try store.user(login: "beheer")
        try store.createUser(login: "pm.kmt", displayName: "PM", role: .processManager, municipality: nil, by: beheer)
        try store.write { db in
            // Cases 1–3 in Enschede (4), case 4 in Hengelo (7).
            for (id, municipality) in [(1, 4), (2, 4), (3, 4), (4, 7)] {
                try db.execute(sql: """
                    INSERT INTO kmt_case (id, code, municipality_id, received_at, workflow, state, created_at)
                    VALUES (?, ?, ?, '2025-06-01T10:00:00Z', 'kmt-werkproces', 'casusregie', '2025-06-01T10:00:00Z')
                    """, arguments: [id, "C2025-000\(id)", municipality])
            }
            func request(_ caseID: Int, _ kind: String, _ at: String) throws {
                try db.execute(sql: "INSERT INTO discussion_request (subject_type, subject_id, kind, requested_at) VALUES ('case', ?, ?, ?)",
                               arguments: [caseID, kind, at])
            }
            func agenda(_ caseID: Int, _ kind: String, _ at: String) throws {
                try db.execute(sql: "INSERT INTO meeting (kind, title, starts_at) VALUES (?, 'Overleg', ?)", arguments: [kind, at])
                try db.execute(sql: "INSERT INTO agenda_item (meeting_id, position, subject_type, subject_id, title) VALUES (?, 1, 'case', ?, 'Bespreking')",
                               arguments: [db.lastInsertedRowID, caseID])
            }
            // Case 1: marked for the casustafel in 2025, discussed there in 2026 — 2025 only.
            try request(1, "casustafel", "2025-11-20T10:00:00Z")
            try agenda(1, "casustafel", "2026-01-13T12:30:00Z")
            // Case 2: straight onto a dadertafel agenda in 2026, and marked for the casustafel in 2026.
            try agenda(2, "dadertafel", "2026-02-10T12:30:00Z")
            try request(2, "casustafel", "2026-03-02T09:00:00Z")
            // Case 3: only to a local meeting, which is no regional table.
            try request(3, "lokaal_ondermijningsoverleg", "2026-04-01T09:00:00Z")
            // Case 4 (Hengelo): the casustafel in 2026; 23:30 UTC on 31 December 2025 is 2026 in Enschede.
            try request(4, "casustafel", "2025-12-31T23:30:00Z")
        }
        let pm = try store.user(login: "pm.kmt")
        func tables(_ period: String, _ area: FiguresArea = .region) throws -> FigureBreakdown {
            try #require(try store.signalFigures(FiguresPeriod.parse(period)!, in: area, for: pm).breakdown("tafel"))
        }
        let year2026 = try tables("2026")
        #expect(year2026.rows.map(\.count) == [2, 1] && year2026.total == 2 && !year2026.isPartition)
        let year2025 = try tables("2025")
        #expect(year2025.rows.map(\.count) == [1, 0] && year2025.total == 1)
        let enschede = try tables("2026", .municipality(Municipality.twente[3]))
        #expect(enschede.rows.map(\.count) == [1, 1] && enschede.total == 1)
    }
}
