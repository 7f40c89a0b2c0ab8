import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// Minutes: decisions and action items land on the case's timeline with the minutes, or nothing does.
@Suite struct MinutesTests {
    let directory: TemporaryDirectory
    let store: Store
    let pm: User
    let engine: WorkflowEngine
    let meetingID: Int64
    /// The first item about a case on the next casustafel.
    let item: AgendaItem
    let caseID: Int64

    init() throws {
        directory = try TemporaryDirectory()
        let path = directory.path("minutes.sqlite")
        _ = try DemoDatabase.open(path: path, today: Shipped.today, calendar: WorkingDayCalendar(), workflows: try Shipped.workflows(),
                                  meetingSeries: try Shipped.meetingSeries())
        // 2026-11-24 09:00 UTC: the demo's day.
        store = try Store.open(path: path, now: { Date(timeIntervalSince1970: 1_795_510_800) })
        pm = try store.user(login: "pm.kmt")
        engine = WorkflowEngine(try Shipped.meetingWorkflow())
        meetingID = try store.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM meeting WHERE kind = 'casustafel' AND status = 'gepland' ORDER BY starts_at LIMIT 1")!
        }
        item = try #require(try store.agenda(ofMeeting: meetingID, for: pm).first { $0.subjectCode != nil })
        let code = item.subjectCode!
        caseID = try store.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM kmt_case WHERE code = ?", arguments: [code])! }
    }

    var day: CivilDate { CivilDate(iso: "2026-12-15")! }

    func fix() throws -> Int {
        try store.recordMeetingEvent("agenda_vaststellen", fields: [:], onMeeting: meetingID,
                                     expectedVersion: try store.meetingVersion(meetingID), engine: engine, by: pm)
    }

    @Test func aDecisionAndAnActionGoOntoTheCasesTimelineAndIntoActies() throws {
        let version = try fix()
        let entry = MinutesEntry(summary: "Besproken; politie heeft nieuwe informatie.", decision: "KMT houdt de regie.",
                                 action: "Huisvesting regelen via Humod", actionOwner: "Zorgcoördinator KMT", actionDue: day)
        _ = try store.recordMinutes(entry, onItem: item.id, expectedVersion: version, by: pm)
        let timeline = try store.timelinePage(of: .kmtCase(caseID), kinds: [.decision, .action], .last, limit: 10, for: pm).rows
        #expect(timeline.map(\.text).suffix(2) == [
            "Besluit in de casustafel mensenhandel van 08-12-2026: KMT houdt de regie.",
            "Actie uit de casustafel mensenhandel van 08-12-2026: Huisvesting regelen via Humod (Zorgcoördinator KMT, uiterlijk 15-12-2026).",
        ])
        let minuted = try #require(try store.agenda(ofMeeting: meetingID, for: pm).first { $0.id == item.id })
        #expect(minuted.summary == entry.summary && minuted.decisions == ["KMT houdt de regie."])
        let actions = try store.openActionItems(.first, limit: 50, filter: ActionFilter(owner: "zorgcoörd", meetingID: meetingID), for: pm)
        let action = try #require(actions.rows.first)
        #expect(actions.rows.count == 1 && action.subjectCode == item.subjectCode && action.meeting == "casustafel mensenhandel 08-12-2026")
        // Done: off the list, and said on the timeline.
        try store.completeActionItem(action.id, expectedVersion: action.version, by: pm)
        #expect(try store.openActionItems(.first, limit: 50, filter: ActionFilter(meetingID: meetingID), for: pm).rows.isEmpty)
        #expect(try store.timelinePage(of: .kmtCase(caseID), kinds: [.action], .last, limit: 1, for: pm).rows.first?.text
                == "Actie afgerond: Huisvesting regelen via Humod")
        #expect(throws: StoreFailure.self) { try store.completeActionItem(action.id, expectedVersion: action.version, by: pm) }
    }

    @Test func minutesThatCannotBeKeptWriteNothingAnywhere() throws {
        let before = try store.timelinePage(of: .kmtCase(caseID), .last, limit: 100, for: pm).rows.count
        let entry = MinutesEntry(summary: "x", decision: "Besluit")
        // Not before the agenda is fixed.
        #expect(throws: StoreFailure.refused("Het verslag begint als de agenda is vastgesteld.")) {
            try store.recordMinutes(entry, onItem: item.id, expectedVersion: try store.meetingVersion(meetingID), by: pm)
        }
        let version = try fix()
        #expect(throws: StoreFailure.refused("De datum van de actie (23-11-2026) ligt in het verleden.")) {
            try store.recordMinutes(MinutesEntry(summary: "", action: "Bellen", actionOwner: "AF", actionDue: CivilDate(iso: "2026-11-23")),
                                    onItem: item.id, expectedVersion: version, by: pm)
        }
        #expect(throws: StoreFailure.refused("Een actie heeft een actiehouder: wie voert haar uit?")) {
            try store.recordMinutes(MinutesEntry(summary: "", action: "Bellen", actionDue: day), onItem: item.id, expectedVersion: version, by: pm)
        }
        // A colleague's minutes first: refused, nothing written.
        _ = try store.recordMinutes(MinutesEntry(summary: "Eerste"), onItem: item.id, expectedVersion: version, by: try store.user(login: "zc.kmt"))
        #expect {
            try store.recordMinutes(entry, onItem: item.id, expectedVersion: version, by: pm)
        } throws: { error in
            guard case StoreFailure.conflict(let change) = error else { return false }
            return change.what == "verslag bijgewerkt."
        }
        #expect(try store.timelinePage(of: .kmtCase(caseID), .last, limit: 100, for: pm).rows.count == before)
        #expect(try store.agenda(ofMeeting: meetingID, for: pm).first { $0.id == item.id }?.summary == "Eerste")
    }

    @Test func theMinutesExportHoldsSummaryDecisionsAndActionsForWhoSeesTheMeetingWhole() throws {
        let version = try fix()
        _ = try store.recordMinutes(MinutesEntry(summary: "Besproken.", decision: "KMT houdt de regie.", action: "Opvang regelen",
                                                 actionOwner: "Zorgcoördinator KMT", actionDue: day),
                                    onItem: item.id, expectedVersion: version, by: pm)
        let export = try store.minutesForExport(meetingID: meetingID, for: pm)
        let minuted = try #require(export.items.first { $0.id == item.id })
        #expect(minuted.summary == "Besproken." && minuted.decisions == ["KMT houdt de regie."])
        #expect(export.actions.map(\.description) == ["Opvang regelen"])
        #expect(export.actions.first?.agendaItemID == item.id && export.actions.first?.isDone == false)
        // The procesondersteuner sees the meeting pseudonymised: not its minutes.
        #expect(throws: StoreFailure.self) { try store.minutesForExport(meetingID: meetingID, for: try store.user(login: "po.kmt")) }
        let audited = try store.read { db in
            try String.fetchAll(db, sql: "SELECT result FROM audit_log WHERE action = 'export' AND object_id = ? ORDER BY id",
                                arguments: [String(meetingID)])
        }
        #expect(audited.count == 2 && audited.first == "ok" && audited.last != "ok")
    }

    @Test func exportsGoOnlyIntoTheFolderSetOwnerOnlyAndWholeOrNotAtAll() throws {
        // A demo has its own folder beside it, for its owner only.
        let demoFolder = try #require(try store.exportFolder())
        #expect(demoFolder == directory.path("export"))
        #expect(try FileManager.default.attributesOfItem(atPath: demoFolder)[.posixPermissions] as? Int == 0o700)
        // None set: nothing is written.
        try store.write { db in try db.execute(sql: "DELETE FROM setting WHERE key = 'exportmap'") }
        #expect(try store.exportFolder() == nil)
        #expect(throws: StoreFailure.self) { try store.writeExport("x", named: "agenda.md", by: pm) }
        let beheer = try store.user(login: "beheer")
        #expect(throws: StoreFailure.refused("De map /bestaat/niet bestaat niet; er is niets geschreven.")) {
            try store.setExportFolder("/bestaat/niet", by: beheer)
        }
        let folder = directory.path("uitvoer")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        // Only the beheerder sets it, on a demo too; the refusal is in the audit log.
        #expect(throws: StoreFailure.refused("Alleen een beheerder (of de eigenaar van de database) doet dit; pm.kmt is procesmanager.")) {
            try store.setExportFolder(folder, by: pm)
        }
        let refusal = try store.read { db in
            try Row.fetchOne(db, sql: "SELECT actor, object_id, result FROM audit_log ORDER BY id DESC LIMIT 1")
        }
        #expect(refusal.map { [$0["actor"], $0["object_id"], $0["result"]] as [String] } == ["pm.kmt", "exportmap", "denied"])
        try store.setExportFolder(folder, by: beheer)
        let path = try store.writeExport("# Agenda\n", named: "agenda.md", by: pm)
        #expect(path == folder + "/agenda.md")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# Agenda\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Written again: replaced whole, nothing left beside it.
        _ = try store.writeExport("# Agenda v2\n", named: "agenda.md", by: pm)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["agenda.md"])
        for name in ["../agenda.md", ".verborgen", ""] {
            #expect(throws: StoreFailure.self) { try store.writeExport("x", named: name, by: pm) }
        }
        let written = try store.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM audit_log WHERE object_type = 'bestand' ORDER BY id")
        }
        #expect(written == [path, path])
    }
}
