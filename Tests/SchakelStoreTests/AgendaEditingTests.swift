import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// Building an agenda: versions, an open agenda, timelines and the waiting list kept in step.
@Suite struct AgendaEditingTests {
    let directory: TemporaryDirectory
    let store: Store
    let pm: User
    /// The next casustafel (with the demo's items) and a case waiting for it.
    let meetingID: Int64
    let waiting: WaitingDiscussion

    init() throws {
        directory = try TemporaryDirectory()
        let path = directory.path("agenda.sqlite")
        _ = try DemoDatabase.open(path: path, today: Shipped.today, calendar: WorkingDayCalendar(), workflows: try Shipped.workflows(),
                                  meetingSeries: try Shipped.meetingSeries())
        store = try Store.open(path: path, now: { Date(timeIntervalSince1970: 1_795_510_800) })
        pm = try store.user(login: "pm.kmt")
        meetingID = try store.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM meeting WHERE kind = 'casustafel' AND status = 'gepland' ORDER BY starts_at LIMIT 1")!
        }
        waiting = try #require(try store.waitingForDiscussion(limit: 100, for: pm).first { $0.kind == .casustafel })
    }

    var agenda: [AgendaItem] { get throws { try store.agenda(ofMeeting: meetingID, for: pm) } }

    func timeline(_ subject: TimelineSubject) throws -> [String] {
        try store.timelinePage(of: subject, kinds: [.meeting], .last, limit: 20, for: pm).rows.map(\.text)
    }

    /// An organisation's name may hold any character: one with a `|` stays one organisation, and the
    /// per-partner agenda of another does not get its item.
    @Test func anInviteeWithASeparatorInItsNameStaysOne() throws {
        let draft = AgendaItemDraft(title: "Bespreking", invited: ["Politie / AVIM|CoMensha", "a\",\"b"])
        _ = try store.addAgendaItem(draft, about: nil, toMeeting: meetingID, expectedVersion: try store.meetingVersion(meetingID), by: pm)
        let item = try #require(try agenda.last)
        #expect(item.invited == ["Politie / AVIM|CoMensha", "a\",\"b"])
        let meeting = try #require(try store.meetingPage(.first, limit: 100, for: pm).rows.first { $0.id == meetingID })
        #expect(!AgendaDocument(meeting: meeting, items: try agenda, partner: "CoMensha", statusLabel: "").items.contains { $0.id == item.id })
    }

    @Test func aWaitingCaseGoesOnTheAgendaWithItsQuestionAndLeavesTheWaitingList() throws {
        let version = try store.meetingVersion(meetingID)
        let draft = AgendaItemDraft(title: "Bespreking \(waiting.code)", question: "Wie neemt de regie op huisvesting?",
                                    broughtBy: "Kenniscentrum Mensenhandel Twente (KMT)", minutesAllotted: 20,
                                    invited: ["Nederlandse Arbeidsinspectie (NLA)"])
        #expect(try store.addAgendaItem(draft, about: waiting.subject, toMeeting: meetingID, expectedVersion: version, by: pm) == version + 1)
        let item = try #require(try agenda.last)
        #expect(item.subjectCode == waiting.code && item.question == draft.question && item.minutesAllotted == 20)
        #expect(item.broughtBy == draft.broughtBy && item.invited == ["Nederlandse Arbeidsinspectie (NLA)"])
        #expect(item.persons == waiting.persons && item.municipality == waiting.municipality)
        #expect(!(try store.waitingForDiscussion(limit: 100, for: pm)).contains { $0.id == waiting.id })
        #expect(try timeline(waiting.subject).last?.hasPrefix("Geagendeerd voor de casustafel mensenhandel van ") == true)
    }

    @Test func aChangeOnAnOlderVersionIsRefusedNamingTheColleague() throws {
        let version = try store.meetingVersion(meetingID)
        let zc = try store.user(login: "zc.kmt")
        _ = try store.addStandingItems(["Rondvraag"], toMeeting: meetingID, expectedVersion: version, by: zc)
        let before = try agenda
        #expect {
            try store.addAgendaItem(AgendaItemDraft(title: "Trends"), about: nil, toMeeting: meetingID, expectedVersion: version, by: pm)
        } throws: { error in
            guard case StoreFailure.conflict(let change) = error else { return false }
            return change.by == zc.displayName && change.what == "vaste punten toegevoegd."
        }
        #expect(try agenda == before)
    }

    @Test func itemsMoveUpAndDownAndStandingItemsComeOnce() throws {
        var version = try store.meetingVersion(meetingID)
        version = try store.addStandingItems(["Opening", "Rondvraag"], toMeeting: meetingID, expectedVersion: version, by: pm)
        version = try store.addStandingItems(["Opening", "Rondvraag"], toMeeting: meetingID, expectedVersion: version, by: pm)
        let titles = try agenda.map(\.title)
        #expect(titles.filter { $0 == "Opening" }.count == 1)
        // The opening first, the rondvraag last.
        #expect(titles.first == "Opening" && titles.last == "Rondvraag")
        let opening = try #require(try agenda.first { $0.title == "Opening" })
        #expect(opening.isStanding && opening.minutesAllotted == 5)
        // Down to the end, one place at a time; past the end it stays last.
        for _ in 0..<titles.count { version = try store.moveAgendaItem(opening.id, by: 1, expectedVersion: version, by: pm) }
        #expect(try agenda.map(\.title) == titles.filter { $0 != "Opening" } + ["Opening"])
        #expect(try agenda.map(\.position) == Array(1...titles.count))
        version = try store.moveAgendaItem(opening.id, by: -1, expectedVersion: version, by: pm)
        #expect(try agenda[titles.count - 2].title == "Opening")
    }

    @Test func aRemovedItemsCaseWaitsAgain() throws {
        var version = try store.meetingVersion(meetingID)
        version = try store.addAgendaItem(AgendaItemDraft(title: "Bespreking"), about: waiting.subject, toMeeting: meetingID,
                                          expectedVersion: version, by: pm)
        let item = try #require(try agenda.last)
        let count = try agenda.count
        version = try store.removeAgendaItem(item.id, expectedVersion: version, by: pm)
        #expect(try agenda.count == count - 1)
        #expect(try agenda.map(\.position) == Array(1..<count))
        #expect(try store.waitingForDiscussion(limit: 100, for: pm).contains { $0.id == waiting.id })
        #expect(try timeline(waiting.subject).last?.hasSuffix("gehaald; wacht weer op bespreking.") == true)
    }

    @Test func aFixedAgendaBadInputAndOthersTablesAreRefusedWithNothingWritten() throws {
        let version = try store.meetingVersion(meetingID)
        let before = try agenda
        #expect(throws: StoreFailure.refused("Een agendapunt krijgt 1 tot 240 minuten.")) {
            try store.addAgendaItem(AgendaItemDraft(title: "Trends", minutesAllotted: 0), about: nil, toMeeting: meetingID,
                                    expectedVersion: version, by: pm)
        }
        #expect(throws: StoreFailure.refused("Een agendapunt heeft een titel van 1 tot 300 tekens.")) {
            try store.addAgendaItem(AgendaItemDraft(title: "  "), about: nil, toMeeting: meetingID, expectedVersion: version, by: pm)
        }
        let hengelo = try store.user(login: "af.hengelo")
        #expect(throws: StoreFailure.noAccess) {
            try store.addAgendaItem(AgendaItemDraft(title: "Trends"), about: nil, toMeeting: meetingID, expectedVersion: version, by: hengelo)
        }
        #expect(throws: StoreFailure.noAccess) {
            try store.addAgendaItem(AgendaItemDraft(title: "Trends"), about: nil, toMeeting: 999_999, expectedVersion: 1, by: pm)
        }
        try store.write { db in try db.execute(sql: "UPDATE meeting SET status = 'agenda_vastgesteld' WHERE id = ?", arguments: [meetingID]) }
        #expect(throws: StoreFailure.refused("De agenda van dit overleg is vastgesteld; zet hem eerst weer open.")) {
            try store.moveAgendaItem(before[0].id, by: 1, expectedVersion: version, by: pm)
        }
        #expect(try agenda == before)
        #expect(try store.meetingVersion(meetingID) == version)
        let denied = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE actor = 'af.hengelo' AND result = 'denied'")!
        }
        #expect(denied == 1)
        #expect(try store.verifyAuditLog().isIntact)
    }

    @Test func theMeetingMovesThroughItsWorkflow() throws {
        let engine = WorkflowEngine(try Shipped.meetingWorkflow())
        var version = try store.meetingVersion(meetingID)
        version = try store.recordMeetingEvent("agenda_vaststellen", fields: [:], onMeeting: meetingID, expectedVersion: version,
                                               engine: engine, by: pm)
        #expect(try store.meeting(id: meetingID, for: pm)?.status == "agenda_vastgesteld")
        #expect(throws: StoreFailure.refused("De agenda van dit overleg is vastgesteld; zet hem eerst weer open.")) {
            try store.addStandingItems(["Rondvraag"], toMeeting: meetingID, expectedVersion: version, by: pm)
        }
        // Reopening asks why; the workflow checks the fields.
        #expect {
            try store.recordMeetingEvent("agenda_heropenen", fields: ["reden": .text(String(repeating: "x", count: 501))],
                                         onMeeting: meetingID, expectedVersion: version, engine: engine, by: pm)
        } throws: { error in
            guard case StoreFailure.rejected = error else { return false }
            return true
        }
        version = try store.recordMeetingEvent("agenda_heropenen", fields: ["reden": .text("Casus toegevoegd op verzoek OM")],
                                               onMeeting: meetingID, expectedVersion: version, engine: engine, by: pm)
        #expect(try store.meeting(id: meetingID, for: pm)?.status == "gepland")
        version = try store.addStandingItems(["Rondvraag"], toMeeting: meetingID, expectedVersion: version, by: pm)
        // Held before it was fixed is not a step the workflow knows.
        #expect {
            try store.recordMeetingEvent("gehouden", fields: ["gehouden_op": .date(CivilDate(iso: "2026-11-24")!)],
                                         onMeeting: meetingID, expectedVersion: version, engine: engine, by: pm)
        } throws: { error in
            guard case StoreFailure.rejected(let rejection) = error else { return false }
            return rejection.message.contains("Gepland")
        }
        #expect(try store.meeting(id: meetingID, for: pm)?.version == version)
    }

    @Test func aPartnersExportHoldsNoItemOfAnother() throws {
        var version = try store.meetingVersion(meetingID)
        version = try store.addStandingItems(["Opening", "Rondvraag"], toMeeting: meetingID, expectedVersion: version, by: pm)
        version = try store.addAgendaItem(AgendaItemDraft(title: "Arbeidsuitbuiting in de bouw", broughtBy: "Politie / AVIM"),
                                          about: nil, toMeeting: meetingID, expectedVersion: version, by: pm)
        version = try store.addAgendaItem(AgendaItemDraft(title: "Bespreking \(waiting.code)", broughtBy: "Kenniscentrum Mensenhandel Twente (KMT)",
                                                          invited: ["Openbaar Ministerie"]),
                                          about: waiting.subject, toMeeting: meetingID, expectedVersion: version, by: pm)
        let police = try store.agendaForExport(meetingID: meetingID, partner: "POLITIE / AVIM", format: "markdown", for: pm)
        #expect(police.partner == "Politie / AVIM")
        #expect(police.items.map(\.title) == ["Opening", "Arbeidsuitbuiting in de bouw", "Rondvraag"])
        let prosecution = try store.agendaForExport(meetingID: meetingID, partner: "Openbaar Ministerie", format: "ics", for: pm)
        #expect(prosecution.items.map(\.title) == ["Opening", "Bespreking \(waiting.code)", "Rondvraag"])
        #expect(throws: StoreFailure.self) {
            try store.agendaForExport(meetingID: meetingID, partner: "Humanitas", format: "markdown", for: pm)
        }
        let exports = try store.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM audit_log WHERE action = 'export' ORDER BY id")
        }
        #expect(exports == ["agenda markdown voor Politie / AVIM, 3 punten", "agenda ics voor Openbaar Ministerie, 3 punten"])
    }
}
