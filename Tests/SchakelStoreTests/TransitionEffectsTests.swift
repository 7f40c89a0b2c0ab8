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
    @Test func aDecisionOpensTheCasePutsItOnTheLocalMeetingAndLeavesAnAgreement() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("effects.sqlite")
        let workflows = try Shipped.workflows()
        _ = try DemoDatabase.open(path: path, today: Shipped.today, calendar: WorkingDayCalendar(), workflows: workflows,
                                  meetingSeries: try Shipped.meetingSeries())
        let store = try Store.open(path: path, now: { Date(timeIntervalSince1970: 1_795_510_800) })
        let af = try store.user(login: "af.enschede")
        let signalID = try store.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT id FROM signal WHERE municipality_id = 4 AND state = 'beslismoment'
                AND id NOT IN (SELECT signal_id FROM kmt_case WHERE signal_id IS NOT NULL) LIMIT 1
                """)!
        }
        let route = try store.signalRouteState(id: signalID, for: af)
        let recorded = try store.recordRouteEvent("besluit", fields: ["vervolgstappen": .choices(["kmt_vtt", "ondermijningsoverleg", "riec"])],
                                                  onSignal: signalID, expectedVersion: route.version, workflows: workflows, by: af)
        #expect(recorded.transition.to == "doorgezet")

        try store.read { (db: Database) throws -> Void in
            let caseCode = try #require(try String.fetchOne(db, sql: "SELECT code FROM kmt_case WHERE signal_id = ?", arguments: [signalID]))
            let agenda = try Row.fetchOne(db, sql: """
                SELECT g.kind, a.title FROM agenda_item a JOIN meeting g ON g.id = a.meeting_id
                WHERE a.subject_type = 'signal' AND a.subject_id = ?
                """, arguments: [signalID])
            #expect(agenda?["kind"] as String? == "lokaal_ondermijningsoverleg")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM action_item WHERE subject_id = ? AND description LIKE '%RIEC%'",
                                     arguments: [signalID]) == 1)
            let lines = try String.fetchAll(db, sql: """
                SELECT text FROM timeline_event WHERE subject_type = 'signal' AND subject_id = ? AND id > ? ORDER BY id
                """, arguments: [signalID, recorded.timelineEventID])
            #expect(lines.count == 3)
            #expect(lines[0] == "Aangemeld bij het KMT als casus \(caseCode).")
            #expect(lines[1].hasPrefix("Geagendeerd voor het lokaal ondermijningsoverleg van "))
            #expect(lines[2].hasPrefix("Afspraak: Melding doen bij het RIEC (ondermijning)"))
        }
        #expect(try store.verifyAuditLog().isIntact)
    }
}
