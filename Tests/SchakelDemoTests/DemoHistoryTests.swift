import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
@testable import SchakelDemo

/// The demo's signals and cases got where they are by real steps through the shipped workflows.
@Suite struct DemoHistoryTests {
    static func workflows() throws -> Workflows { try Shipped.workflows() }

    static let today = Shipped.today

    func makeDemo(_ directory: TemporaryDirectory, _ name: String) throws -> Store {
        try DemoDatabase.open(path: directory.path(name), today: Self.today, calendar: WorkingDayCalendar(),
                           workflows: try Self.workflows(),
                              meetingSeries: try Shipped.meetingSeries(), directory: try Shipped.directory()).store
    }

    @Test func everySignalsHistoryObeysTheRoute() throws {
        let directory = try TemporaryDirectory()
        let store = try makeDemo(directory, "demo.sqlite")
        let engine = try Self.workflows().signalRoute
        let pm = try store.user(login: "pm.kmt")
        let ids = try store.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM signal") }
        var withDecision = 0
        for id in ids {
            let state = try store.signalRouteState(id: id, for: pm)
            // Nothing owed: the VTT report was made first wherever it was due.
            #expect(engine.outstandingObligations(for: state.instance).isEmpty, "\(state.code)")
            if state.instance.facts.acute || state.instance.facts.minorInvolved {
                #expect(state.instance.hasRecorded("vtt_gemeld"), "\(state.code)")
            }
            let steps = try store.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM timeline_event WHERE subject_type = 'signal' AND subject_id = ? AND kind NOT IN ('received', 'referral')",
                                 arguments: [id])!
            }
            #expect(steps == state.version - 1, "\(state.code)")
            if state.instance.hasRecorded("besluit") { withDecision += 1 }
        }
        #expect(withDecision > 20)
        let counts = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM kmt_case")!, try Int.fetchOne(db, sql: "SELECT count(*) FROM partner")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM meeting")!, try Int.fetchOne(db, sql: "SELECT count(*) FROM action_item")!)
        }
        #expect(counts.0 > 5 && counts.1 >= 20 && counts.2 >= 5 && counts.3 > 0)
    }

    /// Tab 5 on the demo tells Twente's story: about 80 signals a year over three years, the large
    /// municipalities with the most, more after the campaigns than in the holidays, most decided.
    @Test func theDemoSpreadsAboutEightySignalsAYearOverThreeYears() throws {
        let directory = try TemporaryDirectory()
        let store = try makeDemo(directory, "demo.sqlite")
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT received_at, municipality_id, state FROM signal").map {
                (day: AmsterdamTime.localTime(fromUTC: $0["received_at"])!.date, municipality: $0["municipality_id"] as Int64,
                 state: $0["state"] as String)
            }
        }
        let today = Self.today.date
        for yearsBack in 0..<3 {
            let after = today.adding(months: -12 * yearsBack), first = after.adding(months: -12)
            let count = rows.filter { $0.day >= first && $0.day < after }.count
            #expect((60...110).contains(count), "\(first)–\(after): \(count)")
        }
        #expect(rows.allSatisfy { $0.day >= today.adding(months: -37) && $0.day <= today })
        // By population: Enschede (4) the most, then Hengelo (7) and Almelo (1) above every small one.
        var byMunicipality: [Int64: Int] = [:]
        for row in rows { byMunicipality[row.municipality, default: 0] += 1 }
        let small = byMunicipality.filter { ![4, 7, 1].contains($0.key) }.values.max() ?? 0
        #expect(byMunicipality[4]! > byMunicipality[7]! && byMunicipality[4]! > byMunicipality[1]!)
        #expect(byMunicipality[7]! > small && byMunicipality[1]! > small)
        // Seasons, over the two full years before the open work: April and November over August and December.
        let history = rows.filter { $0.day < today.adding(months: -2) }
        func inMonths(_ months: Set<Int>) -> Int { history.filter { months.contains($0.day.month) }.count }
        #expect(inMonths([4, 11]) > inMonths([8, 12]))
        // Older than three months: decided, passed on or closed, a little more often passed on.
        let old = rows.filter { $0.day < today.adding(months: -4) }
        let passedOn = old.filter { $0.state == "doorgezet" }.count, closed = old.filter { $0.state == "afgesloten" }.count
        #expect(passedOn + closed == old.count && passedOn > closed && closed > old.count / 4)
        // Every year has its referrals, and cases that went up to a table held back then.
        let (referralDays, tableDays) = try store.read { db in
            (try String.fetchAll(db, sql: "SELECT referred_at FROM referral").compactMap(CivilDate.init(iso:)),
             try String.fetchAll(db, sql: """
                SELECT m.starts_at FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
                WHERE a.subject_type = 'case' AND m.kind IN ('casustafel', 'dadertafel') AND m.status = 'gehouden'
                """).map { AmsterdamTime.localTime(fromUTC: $0)!.date })
        }
        for yearsBack in 0..<3 {
            let after = today.adding(months: -12 * yearsBack), first = after.adding(months: -12)
            #expect(referralDays.filter { $0 >= first && $0 < after }.count >= 3, "\(first)–\(after)")
        }
        #expect(tableDays.filter { $0 < today.adding(months: -12) }.count >= 2)
    }

    @Test func theDemoIsTheSameEveryTimeForTheSameDay() throws {
        let directory = try TemporaryDirectory()
        func dump(_ store: Store) throws -> [String] {
            try store.read { db in
                try String.fetchAll(db, sql: "SELECT code || state || state_data FROM signal ORDER BY id")
                    + String.fetchAll(db, sql: "SELECT text || occurred_at FROM timeline_event ORDER BY id")
                    + String.fetchAll(db, sql: "SELECT code || state || perpetrator_track FROM kmt_case ORDER BY id")
            }
        }
        #expect(try dump(makeDemo(directory, "a.sqlite")) == dump(makeDemo(directory, "b.sqlite")))
    }
}
