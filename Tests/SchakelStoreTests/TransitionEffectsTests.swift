import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// A decision's follow-up steps are carried out with the step itself, in one transaction.
@Suite struct TransitionEffectsTests {
    /// The demo, with its meetings, and a store that dates what it writes on the demo's day.
    func openDemo(_ directory: TemporaryDirectory) throws -> (Store, Workflows) {
        let path = directory.path("effects.sqlite")
        let workflows = try Shipped.workflows()
        _ = try DemoDatabase.open(path: path, today: Shipped.today, calendar: WorkingDayCalendar(), workflows: workflows,
                                  meetingSeries: try Shipped.meetingSeries())
        return (try Store.open(path: path, now: { Date(timeIntervalSince1970: 1_795_510_800) }), workflows)
    }

    @Test func aDecisionOpensTheCasePutsItOnTheLocalWaitingListAndLeavesAnAgreement() throws {
        let directory = try TemporaryDirectory()
        let (store, workflows) = try openDemo(directory)
        let af = try store.user(login: "af.enschede")
        let signalID = try store.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT id FROM signal WHERE municipality_id = 4 AND state = 'beslismoment'
                AND id NOT IN (SELECT signal_id FROM kmt_case WHERE signal_id IS NOT NULL)
                AND id NOT IN (SELECT subject_id FROM agenda_item WHERE subject_type = 'signal') LIMIT 1
                """)!
        }
        let route = try store.signalRouteState(id: signalID, for: af)
        let recorded = try store.recordRouteEvent("besluit", fields: ["vervolgstappen": .choices(["kmt_vtt", "ondermijningsoverleg", "riec"])],
                                                  onSignal: signalID, expectedVersion: route.version, workflows: workflows, by: af)
        #expect(recorded.transition.to == "doorgezet")

        try store.read { (db: Database) throws -> Void in
            let caseCode = try #require(try String.fetchOne(db, sql: "SELECT code FROM kmt_case WHERE signal_id = ?", arguments: [signalID]))
            // The signal waits for its municipality's lokaal ondermijningsoverleg; the preparer puts it on an agenda.
            let request = try #require(try Row.fetchOne(db, sql: """
                SELECT kind, municipality_id, agenda_item_id FROM discussion_request WHERE subject_type = 'signal' AND subject_id = ?
                """, arguments: [signalID]))
            #expect(request["kind"] as String == "lokaal_ondermijningsoverleg")
            #expect(request["municipality_id"] as Int64 == 4)
            #expect(request["agenda_item_id"] as Int64? == nil)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM action_item WHERE subject_id = ? AND description LIKE '%RIEC%'",
                                     arguments: [signalID]) == 1)
            let lines = try String.fetchAll(db, sql: """
                SELECT text FROM timeline_event WHERE subject_type = 'signal' AND subject_id = ? AND id > ? ORDER BY id
                """, arguments: [signalID, recorded.timelineEventID])
            #expect(lines.count == 3)
            #expect(lines[0] == "Aangemeld bij het KMT als casus \(caseCode).")
            #expect(lines[1] == "Aangemeld voor bespreking in het lokaal ondermijningsoverleg; wacht op agendering.")
            #expect(lines[2].hasPrefix("Afspraak: Melding doen bij het RIEC (ondermijning)"))
        }
        #expect(try store.verifyAuditLog().isIntact)
    }

    @Test func aSignalAlreadyOnTheNextLocalAgendaDoesNotWaitAgain() throws {
        let directory = try TemporaryDirectory()
        let (store, workflows) = try openDemo(directory)
        let af = try store.user(login: "af.enschede")
        // A signal at its decision that the demo put on Enschede's next lokaal ondermijningsoverleg.
        let signalID = try store.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT s.id FROM signal s JOIN agenda_item a ON a.subject_type = 'signal' AND a.subject_id = s.id
                WHERE s.state = 'beslismoment' AND s.municipality_id = 4 LIMIT 1
                """)!
        }
        let waitingBefore = try store.waitingForDiscussion(limit: 100, for: af).count
        let route = try store.signalRouteState(id: signalID, for: af)
        _ = try store.recordRouteEvent("besluit", fields: ["vervolgstappen": .choices(["ondermijningsoverleg"])],
                                       onSignal: signalID, expectedVersion: route.version, workflows: workflows, by: af)
        #expect(try store.waitingForDiscussion(limit: 100, for: af).count == waitingBefore)
        let lines = try store.timelinePage(of: .signal(signalID), kinds: [.meeting], .last, limit: 1, for: af).rows.map(\.text)
        #expect(lines.first?.hasPrefix("Staat al op de agenda van het lokaal ondermijningsoverleg van ") == true)
    }
}
