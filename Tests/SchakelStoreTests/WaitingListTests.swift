import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// What waits for a table: put there by route decisions and case steps, taken off by an agenda,
/// shown with need-to-know and without names.
@Suite struct WaitingListTests {
    let directory: TemporaryDirectory
    let store: Store
    let workflows: Workflows

    init() throws {
        directory = try TemporaryDirectory()
        let path = directory.path("waiting.sqlite")
        workflows = try Shipped.workflows()
        _ = try DemoDatabase.open(path: path, today: Shipped.today, calendar: WorkingDayCalendar(), workflows: workflows,
                                  meetingSeries: try Shipped.meetingSeries())
        store = try Store.open(path: path, now: { Date(timeIntervalSince1970: 1_795_510_800) })
    }

    func user(_ login: String) throws -> User { try store.user(login: login) }

    @Test func theDemoWaitsOldestFirstAndEachSeesOnlyTheirTables() throws {
        let all = try store.waitingForDiscussion(limit: 100, for: user("pm.kmt"))
        #expect(Set(all.map(\.kind)) == [.casustafel, .localUnderminingMeeting])
        #expect(all.map(\.requestedAt) == all.map(\.requestedAt).sorted())
        let enschede = try store.waitingForDiscussion(limit: 100, for: user("af.enschede"))
        #expect(!enschede.isEmpty)
        #expect(enschede.allSatisfy { $0.kind != .localUnderminingMeeting || $0.municipality == "Enschede" })
        // The casustafel is regional, but an AF sees only cases of their own municipality on it.
        #expect(enschede.allSatisfy { $0.municipality == "Enschede" })
        #expect(try store.waitingForDiscussion(limit: 100, for: user("beheer")).isEmpty)
        #expect(try store.waitingForDiscussion(limit: 2, for: user("pm.kmt")).count == 2)
    }

    @Test func aWaitingLineNamesNoOneAndTellsNoStory() throws {
        let waiting = try store.waitingForDiscussion(limit: 100, for: user("pm.kmt"))
        let names = try store.read { db in
            try String.fetchAll(db, sql: "SELECT given_name || ' ' || family_name FROM person WHERE family_name <> ''")
        }
        let descriptions = try store.read { db in try String.fetchAll(db, sql: "SELECT description FROM signal WHERE description <> ''") }
        let shown = waiting.map { "\($0.code) \($0.persons) \($0.forms) \($0.municipality) \($0.reason)" }.joined(separator: "\n")
        #expect(!names.isEmpty && !descriptions.isEmpty)
        for name in names { #expect(!shown.contains(name)) }
        for description in descriptions { #expect(!shown.contains(description)) }
    }

    @Test func aScaleUpWaitsOnceAndLeavesTheListWhenPutOnAnAgenda() throws {
        let pm = try user("pm.kmt")
        let caseID = try store.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT id FROM kmt_case WHERE state = 'casusregie' AND perpetrator_track = 0
                AND id NOT IN (SELECT subject_id FROM discussion_request WHERE subject_type = 'case') LIMIT 1
                """)!
        }
        let before = try store.waitingForDiscussion(limit: 100, for: pm).count
        let state = try store.caseRouteState(id: caseID, for: pm)
        _ = try store.recordCaseEvent("opgeschaald", fields: ["tafel": .choice("casustafel"), "reden": .text("Netwerk in beeld brengen")],
                                      onCase: caseID, expectedVersion: state.version, engine: workflows.caseProcess, by: pm)
        let waiting = try store.waitingForDiscussion(limit: 100, for: pm)
        #expect(waiting.count == before + 1)
        let mine = try #require(waiting.first { $0.subject == .kmtCase(caseID) })
        #expect(mine.kind == .casustafel && mine.reason == "Netwerk in beeld brengen")
        #expect(mine.daysWaited(by: CivilDate(iso: "2026-12-01")!) == 7)

        let meetingID = try store.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM meeting WHERE kind = 'casustafel' AND status = 'gepland' ORDER BY starts_at LIMIT 1")!
        }
        try store.addAgendaItem(toMeeting: meetingID, title: "Bespreking \(mine.code)", about: .kmtCase(caseID), by: pm)
        #expect(try store.waitingForDiscussion(limit: 100, for: pm).count == before)
        let timeline = try store.timelinePage(of: .kmtCase(caseID), kinds: [.meeting], .first, limit: 10, for: pm).rows.map(\.text)
        #expect(timeline.contains("Aangemeld voor bespreking in de casustafel mensenhandel; wacht op agendering."))
    }
}
