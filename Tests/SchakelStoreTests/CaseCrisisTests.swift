import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// A KMT case opened from an acute signal starts as a crisis, however it is opened.
@Suite struct CaseCrisisTests {
    let directory: TemporaryDirectory
    let store: Store
    let workflows: Workflows
    let af: User, pm: User
    /// An Enschede signal at the decision, made acute with a minor involved, its VTT report recorded.
    let signalID: Int64
    static let moment = Date(timeIntervalSince1970: 1_795_510_800)  // Tuesday 24 November 2026, 10:00 in Enschede
    static let now = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 10, minute: 0)

    init() throws {
        directory = try TemporaryDirectory()
        let path = directory.path("crisis.sqlite")
        workflows = try Shipped.workflows()
        _ = try DemoDatabase.open(path: path, today: Shipped.today, calendar: WorkingDayCalendar(), workflows: workflows)
        store = try Store.open(path: path, now: { Self.moment })
        (af, pm) = (try store.user(login: "af.enschede"), try store.user(login: "pm.kmt"))
        signalID = try store.write { db in
            let id = try Int64.fetchOne(db, sql: """
                SELECT id FROM signal WHERE municipality_id = 4 AND state = 'beslismoment' AND acute = 0
                AND json_type(state_data, '$.vtt_gemeld') IS NULL
                AND id NOT IN (SELECT signal_id FROM kmt_case WHERE signal_id IS NOT NULL) LIMIT 1
                """)!
            try db.execute(sql: "UPDATE signal SET acute = 1, minor_involved = 1 WHERE id = ?", arguments: [id])
            return id
        }
        let route = try store.signalRouteState(id: signalID, for: af)
        try store.recordRouteEvent("vtt_gemeld", fields: ["gemeld_op": .dateTime(Self.now), "gemeld_door": .text("AF")],
                                   onSignal: signalID, expectedVersion: route.version, workflows: workflows, by: af)
    }

    /// The case's crisis as stored, and as the KMT process sees it.
    func expectStartsInCrisis(_ caseID: Int64) throws {
        let route = try store.caseRouteState(id: caseID, for: pm)
        #expect(route.instance.facts.crisis)
        #expect(route.instance.recorded["crisis_gemeld"]?["sinds"] == .dateTime(Self.now))
        // To be picked up the same working day.
        let crisis = workflows.caseProcess.deadlines(for: route.instance, calendar: WorkingDayCalendar()).first { $0.id == "crisis" }
        #expect(crisis?.due == Self.now.date)
        #expect(workflows.caseProcess.options(for: route.instance).first { $0.event.id == "crisis_opgepakt" }?.isAvailable == true)
        let code = try store.read { db in try String.fetchOne(db, sql: "SELECT code FROM signal WHERE id = ?", arguments: [signalID])! }
        let lines = try store.timelinePage(of: .kmtCase(caseID), .first, limit: 10, for: pm).rows
        #expect(lines.count == 2)
        #expect(lines.last?.text == "Crisis gemeld (sinds 24-11-2026 10:00): acuut signaal \(code), minderjarige betrokken; "
                + "overgenomen bij het aanmaken van de casus.")
        let summary = try #require(try store.casePage(.first, limit: 200, for: pm).rows.first { $0.id == caseID })
        #expect(summary.crisis && summary.acute && summary.minorInvolved)
        #expect(try store.verifyAuditLog().isIntact)
    }

    @Test func aCaseOpenedByHandFromAnAcuteSignalStartsInCrisis() throws {
        let opened = try store.openCase(fromSignal: signalID, perpetratorTrack: false, summary: "",
                                        caseProcess: workflows.caseProcess, by: af)
        try expectStartsInCrisis(opened.id)
    }

    @Test func aCaseOpenedByTheDecisionForTheKMTStartsInCrisis() throws {
        let route = try store.signalRouteState(id: signalID, for: af)
        try store.recordRouteEvent("besluit", fields: ["vervolgstappen": .choices(["kmt_vtt"])], onSignal: signalID,
                                   expectedVersion: route.version, workflows: workflows, by: af)
        let caseID = try store.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM kmt_case WHERE signal_id = ?", arguments: [signalID])!
        }
        try expectStartsInCrisis(caseID)
    }

    @Test func aCaseFromASignalThatIsNotAcuteStartsWithoutCrisis() throws {
        try store.write { db in try db.execute(sql: "UPDATE signal SET acute = 0 WHERE id = ?", arguments: [signalID]) }
        let opened = try store.openCase(fromSignal: signalID, perpetratorTrack: false, summary: "",
                                        caseProcess: workflows.caseProcess, by: af)
        #expect(try store.caseRouteState(id: opened.id, for: pm).instance.facts.crisis == false)
        #expect(try store.timelinePage(of: .kmtCase(opened.id), .first, limit: 10, for: pm).rows.count == 1)
    }

    @Test func theDemosCasesFromAcuteSignalsStartedInCrisisToo() throws {
        let fromAcute = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM kmt_case c JOIN signal s ON s.id = c.signal_id WHERE s.acute = 1")
        }
        #expect((fromAcute ?? 0) > 0)
        let unmarked = try store.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM kmt_case c JOIN signal s ON s.id = c.signal_id
                WHERE s.acute = 1 AND c.id NOT IN (SELECT subject_id FROM timeline_event
                                                   WHERE subject_type = 'case' AND workflow_event = 'crisis_gemeld')
                """)
        }
        #expect(unmarked == 0)
    }
}
