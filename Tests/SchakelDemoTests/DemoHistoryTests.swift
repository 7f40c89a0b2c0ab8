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
