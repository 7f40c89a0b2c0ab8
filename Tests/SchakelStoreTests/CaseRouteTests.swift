import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// KMT cases move through the KMT process the same way: through Meldroute, one transaction each.
@Suite struct CaseRouteTests {
    let directory: TemporaryDirectory
    let store: Store
    let engine: WorkflowEngine
    let pm: User, zc: User, po: User
    let victimCase: Int64, perpetratorCase: Int64

    init() throws {
        directory = try TemporaryDirectory()
        let moment = Date(timeIntervalSince1970: 1_795_510_800)  // Tuesday 24 November 2026, 10:00 in Enschede
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        let path = directory.path("cases.sqlite")
        _ = try DemoDatabase.open(path: path, today: today, calendar: WorkingDayCalendar())
        store = try Store.open(path: path, now: { moment })
        engine = try Shipped.workflows().caseProcess
        (pm, zc, po) = (try store.user(login: "pm.kmt"), try store.user(login: "zc.kmt"), try store.user(login: "po.kmt"))
        let signals = try store.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM signal WHERE acute = 0 ORDER BY id LIMIT 2") }
        victimCase = try store.openCase(fromSignal: signals[0], perpetratorTrack: false, summary: "", caseProcess: engine, by: pm).id
        perpetratorCase = try store.openCase(fromSignal: signals[1], perpetratorTrack: true, summary: "", caseProcess: engine, by: pm).id
    }

    let now = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 10, minute: 0)

    @Test func aCrisisIsRecordedAndItsFlagStored() throws {
        let start = try store.caseRouteState(id: victimCase, for: zc)
        #expect(start.instance.state == "aangemeld")
        let crisis = try store.recordCaseEvent("crisis_gemeld", fields: ["sinds": .dateTime(now), "situatie": .text("Bedreigd.")],
                                               onCase: victimCase, expectedVersion: start.version, engine: engine, by: zc)
        #expect(crisis.transition.instance.facts.crisis)
        #expect(try store.read { db in try Bool.fetchOne(db, sql: "SELECT crisis FROM kmt_case WHERE id = ?", arguments: [victimCase]) } == true)
        let reloaded = try store.caseRouteState(id: victimCase, for: zc)
        #expect(engine.deadlines(for: reloaded.instance, calendar: WorkingDayCalendar()).map(\.id) == ["triage", "crisis"])
        let triage = try store.recordCaseEvent("triage_gestart", fields: [
            "procesmanager": .text("PM"), "eerste_inschatting": .text("Complex"), "vormen": .choices(["arbeid"]),
        ], onCase: victimCase, expectedVersion: reloaded.version, engine: engine, by: pm)
        #expect(triage.transition.to == "triage")
        // A stale version is a conflict naming the colleague.
        #expect {
            try store.recordCaseEvent("crisis_opgepakt", fields: ["opgepakt_op": .dateTime(now), "maatregelen": .text("Opvang")],
                                      onCase: victimCase, expectedVersion: reloaded.version, engine: engine, by: zc)
        } throws: { error in
            guard case StoreFailure.conflict(let change) = error else { return false }
            return change.by == "Procesmanager KMT (demo)"
        }
    }

    @Test func onlyThoseWhoSeeTheCaseInFullMayMoveIt() throws {
        let fields: FieldValues = ["procesmanager": .text("x"), "eerste_inschatting": .text("x"), "vormen": .choices(["arbeid"])]
        #expect(throws: StoreFailure.noAccess) {
            try store.recordCaseEvent("triage_gestart", fields: fields, onCase: perpetratorCase, expectedVersion: 1, engine: engine, by: zc)
        }
        #expect(throws: StoreFailure.noAccess) {
            try store.recordCaseEvent("triage_gestart", fields: fields, onCase: victimCase, expectedVersion: 1, engine: engine, by: po)
        }
        #expect(throws: StoreFailure.noAccess) { try store.caseRouteState(id: perpetratorCase, for: zc) }
        #expect(try store.recordCaseEvent("triage_gestart", fields: fields, onCase: perpetratorCase, expectedVersion: 1,
                                          engine: engine, by: pm).version == 2)
        #expect(throws: StoreFailure.rejected(.notAllowedInState(event: "afgeschaald", eventLabel: "Afgeschaald", state: "triage",
                                                                 stateLabel: "Triage"))) {
            try store.recordCaseEvent("afgeschaald", fields: [:], onCase: perpetratorCase, expectedVersion: 2, engine: engine, by: pm)
        }
    }
}
