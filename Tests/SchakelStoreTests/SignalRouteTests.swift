import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// Route events on signals: one transaction each, through Meldroute, with timeline and audit.
@Suite struct SignalRouteTests {
    let directory: TemporaryDirectory
    let path: String
    let store: Store
    let workflows: Workflows
    let af: User
    /// An Enschede signal in `gemeld`, made acute for these tests.
    let signalID: Int64

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("route.sqlite")
        // A fixed moment, so "now" checks on dates are predictable: Tuesday 24 November 2026, 10:00 local.
        let moment = Date(timeIntervalSince1970: 1_795_510_800)
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        _ = try DemoDatabase.open(path: path, today: today, calendar: WorkingDayCalendar())
        store = try Store.open(path: path, now: { moment })
        workflows = try Shipped.workflows()
        af = try store.user(login: "af.enschede")
        signalID = try store.write { db in
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM signal WHERE municipality_id = 4 AND state = 'gemeld' LIMIT 1")!
            try db.execute(sql: "UPDATE signal SET acute = 1, minor_involved = 0 WHERE id = ?", arguments: [id])
            return id
        }
    }

    var localNow: LocalDateTime { LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 10, minute: 0) }

    func counts() throws -> (timeline: Int, audit: Int, version: Int) {
        try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM timeline_event WHERE subject_id = ?", arguments: [signalID])!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log")!,
             try Int.fetchOne(db, sql: "SELECT version FROM signal WHERE id = ?", arguments: [signalID])!)
        }
    }

    @discardableResult
    func record(_ event: String, _ fields: FieldValues, version: Int? = nil, as user: User? = nil) throws -> RecordedRouteEvent {
        let state = try store.signalRouteState(id: signalID, for: af)
        return try store.recordRouteEvent(event, fields: fields, onSignal: signalID, expectedVersion: version ?? state.version,
                                          workflows: workflows, by: user ?? af)
    }

    @Test func anAcuteSignalFollowsTheRouteWithTimelineAndAudit() throws {
        #expect(throws: StoreFailure.rejected(.obligationOutstanding(workflows.signalRoute.workflow.obligations[0]))) {
            try record("ontvangst_bevestigd", ["bevestigd_op": .dateTime(localNow)])
        }
        try record("vtt_gemeld", ["gemeld_op": .dateTime(localNow), "gemeld_door": .text("Anouk Veldkamp")])
        try record("contact_opgenomen", [
            "contact_op": .dateTime(localNow), "wijze": .choice("telefonisch"), "waarnemingen": .text("Zorgen over een woning."),
            "vormen": .choices(["arbeid"]), "betrokkenen": .text("A.B."), "melder_blijft_betrokken": .boolean(true),
        ])
        let review = CivilDate(iso: "2026-12-08")!
        let step = try record("onderzoek_gestart", ["evaluatiedatum": .date(review), "kmt_geraadpleegd": .boolean(false)])
        #expect(step.transition.to == "onderzoek")

        // The recorded values come back typed, so the review-date deadline runs.
        let state = try store.signalRouteState(id: signalID, for: af)
        #expect(state.version == step.version)
        #expect(state.instance.recorded["onderzoek_gestart"]?["evaluatiedatum"] == .date(review))
        #expect(state.instance.recorded["contact_opgenomen"]?["melder_blijft_betrokken"] == .boolean(true))
        #expect(workflows.signalRoute.deadlines(for: state.instance, calendar: WorkingDayCalendar()).map(\.due) == [review])
        // The inbox row carries the recorded dates for its deadline column, and no recorded text.
        var inbox = try store.inboxPage(.first, limit: 100, for: af)
        while !inbox.rows.contains(where: { $0.id == signalID }), inbox.hasMore, let last = inbox.rows.last {
            inbox = try store.inboxPage(.after(last.key), limit: 100, for: af)
        }
        let row = try #require(inbox.rows.first { $0.id == signalID })
        #expect(row.recordedDates == [
            "vtt_gemeld": ["gemeld_op": .dateTime(localNow)], "contact_opgenomen": ["contact_op": .dateTime(localNow)],
            "onderzoek_gestart": ["evaluatiedatum": .date(review)],
        ])

        let timeline = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, workflow_event, text FROM timeline_event WHERE subject_id = ? ORDER BY id",
                             arguments: [signalID])
        }
        #expect(timeline.map { $0["kind"] as String } == ["received", "transition", "contact", "transition"])
        #expect(timeline[1]["text"] as String == "Direct gemeld bij Veilig Thuis Twente op 24-11-2026 10:00 door Anouk Veldkamp.")
        let audit = try store.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM audit_log WHERE action = 'transition' ORDER BY id")
        }
        #expect(audit == ["vtt_gemeld: gemeld → gemeld", "contact_opgenomen: gemeld → contact", "onderzoek_gestart: contact → onderzoek"])
        #expect(try store.verifyAuditLog().isIntact)
    }

    @Test func aRejectedEventWritesNothing() throws {
        let before = try counts()
        #expect(throws: StoreFailure.self) { try record("besluit", ["vervolgstappen": .choices(["riec"])]) }
        #expect(throws: StoreFailure.self) { try record("vtt_gemeld", ["gemeld_door": .text("x")]) }
        let after = try counts()
        // Only the route-state reads are audited.
        #expect(after.timeline == before.timeline && after.version == before.version)
        #expect(after.audit == before.audit + 2)
    }

    @Test func aColleaguesEarlierSaveIsAConflictNamingWhoAndWhat() throws {
        let loaded = try store.signalRouteState(id: signalID, for: af)
        let colleague = try Store.open(path: path)
        let pm = try colleague.user(login: "pm.kmt")
        try colleague.recordRouteEvent("vtt_gemeld", fields: ["gemeld_op": .dateTime(localNow), "gemeld_door": .text("PM")],
                                       onSignal: signalID, expectedVersion: loaded.version, workflows: workflows, by: pm)
        let before = try counts()
        do {
            try store.recordRouteEvent("vtt_gemeld", fields: ["gemeld_op": .dateTime(localNow), "gemeld_door": .text("AF")],
                                       onSignal: signalID, expectedVersion: loaded.version, workflows: workflows, by: af)
            Issue.record("a stale version was saved")
        } catch {
            guard case .conflict(let change) = error else { Issue.record("\(error)"); return }
            #expect(change.by == "Procesmanager KMT (demo)")
            #expect(change.what == "Direct gemeld bij Veilig Thuis Twente op 24-11-2026 10:00 door PM.")
            #expect(error.description.hasPrefix("Intussen gewijzigd door Procesmanager KMT (demo) op "))
        }
        #expect(try counts() == before)
    }

    @Test func anotherMunicipalitysAFGetsNoAccessAndADeniedAuditRow() throws {
        let hengelo = try store.user(login: "af.hengelo")
        #expect(throws: StoreFailure.noAccess) { try store.signalRouteState(id: signalID, for: hengelo) }
        #expect(throws: StoreFailure.noAccess) {
            try store.recordRouteEvent("vtt_gemeld", fields: [:], onSignal: signalID, expectedVersion: 1, workflows: workflows, by: hengelo)
        }
        #expect(throws: StoreFailure.noAccess) {
            try store.recordRouteEvent("vtt_gemeld", fields: [:], onSignal: 987_654, expectedVersion: 1, workflows: workflows, by: hengelo)
        }
        let results = try store.read { db in
            try String.fetchAll(db, sql: "SELECT action || ' ' || result FROM audit_log WHERE actor = 'af.hengelo' ORDER BY id")
        }
        #expect(results == ["read denied", "transition denied", "transition not_found"])
    }

    @Test func aFullDiskFailsTheWriteCleanly() throws {
        let before = try counts()
        let pages = try store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count")! }
        try store.write { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)") }
        let long = String(repeating: "Veel tekst over de situatie. ", count: 130)
        #expect(throws: StoreFailure.diskFull) {
            try record("vtt_gemeld", ["gemeld_op": .dateTime(localNow), "gemeld_door": .text("Anouk Veldkamp"), "kenmerk": .text("x")],
                       version: before.version)
            try record("ontvangst_bevestigd", ["bevestigd_op": .dateTime(localNow)], version: before.version + 1)
            // Some 7 KB of text in the row, the timeline and the search index: more than the free room.
            try record("contact_opgenomen", [
                "contact_op": .dateTime(localNow), "wijze": .choice("email"), "waarnemingen": .text(long),
                "vormen": .choices(["arbeid"]), "betrokkenen": .text("A.B."), "melder_blijft_betrokken": .boolean(true),
                "afspraken": .text(long),
            ])
        }
        try store.write { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = 1073741823") }
        // Whatever failed left no trace: every version step has exactly one timeline line.
        let after = try counts()
        #expect(after.timeline - before.timeline == after.version - before.version)
        #expect(try store.verifyAuditLog().isIntact)
    }
}

@Suite struct StateDataCodingTests {
    @Test func everyKindOfValueSurvivesTheRoundTrip() throws {
        let recorded: [String: FieldValues] = [
            "a": ["tekst": .text("Çelik \"quote\" \n regel"), "datum": .date(CivilDate(iso: "2026-02-28")!),
                  "tijd": .dateTime(LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 9, minute: 5))],
            "b": ["keuze": .choice("kmt_vtt"), "meer": .choices(["riec", "regie_wmo"]), "leeg": .choices([]),
                  "ja": .boolean(true), "nee": .boolean(false), "een": .text("1")],
        ]
        #expect(try StateDataCoding.decode(StateDataCoding.encode(recorded)) == recorded)
        #expect(throws: (any Error).self) { try StateDataCoding.decode(#"{"a":{"x":{"datum":"2026-02-30"}}}"#) }
        #expect(throws: (any Error).self) { try StateDataCoding.decode("[]") }
    }
}
