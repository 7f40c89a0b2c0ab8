import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// The retention clock as the route sets it: started by the decision's `bewaartermijn_starten`,
/// stopped when the signal is reopened; a record listed from the day its period ends, not the day
/// before; a signal that became a case waits for its case; the list for the beheerder and the
/// procesmanager only; the periods confirmed by a beheerder, only when the file calls them final.
@Suite struct RetentionClockTests {
    static let moment = Date(timeIntervalSince1970: 1_795_510_800)  // Tuesday 24 November 2026, 10:00 in Enschede
    static let today = CivilDate(iso: "2026-11-24")!
    let directory: TemporaryDirectory
    let store: Store
    let workflows: Workflows
    let af: User, pm: User, beheer: User
    let signalID: Int64
    let rules = RetentionRules(rules: [
        RetentionRule(outcome: .signalClosed, label: "Signaal afgesloten zonder vervolg", workflow: "gemeentelijke-meldroute",
                      state: "afgesloten", months: 24),
        RetentionRule(outcome: .signalPassedOn, label: "Signaal doorgezet", workflow: "gemeentelijke-meldroute", state: "doorgezet", months: 60),
        RetentionRule(outcome: .caseClosed, label: "KMT-casus afgesloten", workflow: "kmt-werkproces", state: "afgesloten", months: 60),
    ], isProvisional: false)

    init() throws {
        directory = try TemporaryDirectory()
        let path = directory.path("bewaren.sqlite")
        workflows = try Shipped.workflows()
        _ = try DemoDatabase.open(path: path, today: Shipped.today, calendar: WorkingDayCalendar(), workflows: workflows)
        store = try Store.open(path: path, now: { Self.moment })
        (af, pm, beheer) = (try store.user(login: "af.enschede"), try store.user(login: "pm.kmt"), try store.user(login: "beheer"))
        signalID = try store.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT id FROM signal WHERE municipality_id = 4 AND state = 'beslismoment'
                AND id NOT IN (SELECT signal_id FROM kmt_case WHERE signal_id IS NOT NULL) ORDER BY id LIMIT 1
                """)!
        }
    }

    func step(_ event: String, _ fields: FieldValues) throws {
        let route = try store.signalRouteState(id: signalID, for: af)
        try store.recordRouteEvent(event, fields: fields, onSignal: signalID, expectedVersion: route.version, workflows: workflows, by: af)
    }

    func listed(on day: String) throws -> Bool {
        try store.retentionDue(under: rules, today: CivilDate(iso: day)!, for: pm).contains { $0.record == .signal(signalID) }
    }

    @Test func theDecisionStartsTheClockAndTheSignalIsListedFromTheDayItsPeriodEnds() throws {
        try step("besluit", ["reden_geen_vervolg": .choice("geen_aanwijzingen")])
        #expect(try store.read { db in
            try Row.fetchAll(db, sql: "SELECT workflow, state, started_on, stopped_on FROM retention_clock WHERE subject_type = 'signal' AND subject_id = ?",
                             arguments: [signalID]).map { "\($0[0] as String) \($0[1] as String) \($0[2] as String) \(($0[3] as String?) ?? "-")" }
        } == ["gemeentelijke-meldroute afgesloten 2026-11-24 -"])
        #expect(try listed(on: "2028-11-23") == false)
        #expect(try listed(on: "2028-11-24"))
        let entry = try #require(try store.retentionDue(under: rules, today: CivilDate(iso: "2028-11-24")!, for: beheer)
            .first { $0.record == .signal(signalID) })
        #expect(entry.kind == "signaal" && entry.closedOn == CivilDate(iso: "2026-11-24") && entry.rule.outcome == .signalClosed)
    }

    @Test func reopeningStopsTheClock() throws {
        try step("besluit", ["reden_geen_vervolg": .choice("geen_aanwijzingen")])
        try step("heropend", ["reden": .text("Nieuwe informatie van de politie.")])
        #expect(try listed(on: "2040-01-01") == false)
        #expect(try store.read { db in
            try String.fetchAll(db, sql: "SELECT stopped_on FROM retention_clock WHERE subject_type = 'signal' AND subject_id = ?",
                                arguments: [signalID])
        } == ["2026-11-24"])
    }

    @Test func aSignalThatBecameACaseWaitsForTheCase() throws {
        try step("besluit", ["vervolgstappen": .choices(["kmt_vtt"])])
        // Passed on: sixty months, but the KMT case it became is still open.
        #expect(try listed(on: "2040-01-01") == false)
    }

    @Test func onlyTheBeheerderAndTheProcesmanagerSeeTheListAndARefusalIsLogged() throws {
        #expect(throws: StoreFailure.noAccess) { try store.retentionDue(under: rules, today: Self.today, for: af) }
        #expect(try store.read { db in
            try String.fetchAll(db, sql: "SELECT action || ' ' || object_type || ' ' || result FROM audit_log WHERE actor = 'af.enschede' ORDER BY id DESC LIMIT 1")
        } == ["list retention denied"])
    }

    @Test func aConfirmationHoldsForTheseRulesOnlyAndNotWhileTheyAreProvisional() throws {
        let provisional = RetentionRules(rules: rules.rules, isProvisional: true)
        #expect(throws: StoreFailure.refused("Het bestand zegt nog 'voorlopig: ja'. Zet dat op 'nee' zodra de FG de termijnen heeft vastgesteld, en bevestig dan.")) {
            try store.confirmRetentionRules(provisional, by: beheer)
        }
        #expect(throws: (any Error).self) { try store.confirmRetentionRules(rules, by: pm) }
        #expect(try store.retentionRulesConfirmed(rules) == false)
        try store.confirmRetentionRules(rules, by: beheer)
        #expect(try store.retentionRulesConfirmed(rules))
        let longer = RetentionRules(rules: rules.rules.map {
            RetentionRule(outcome: $0.outcome, label: $0.label, workflow: $0.workflow, state: $0.state, months: $0.months + 12)
        }, isProvisional: false)
        #expect(try store.retentionRulesConfirmed(longer) == false)
        #expect(try store.read { db in
            try String.fetchAll(db, sql: "SELECT actor || ' ' || result FROM audit_log WHERE object_id = 'retention_rules_confirmed' ORDER BY id")
        } == ["pm.kmt denied", "beheer ok"])
    }
}
