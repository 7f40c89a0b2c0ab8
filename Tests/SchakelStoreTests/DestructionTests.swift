import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// Destruction with four eyes: the beheerder proposes, a procesmanager who is not the proposer
/// approves; a record reopened in between drops out; what is destroyed is gone from the database
/// file and its WAL; the audit chain still holds; every figure of the year is the same; a person
/// also in a kept record is kept; the timeline shows the tombstone.
@Suite struct DestructionTests {
    static let moment = Date(timeIntervalSince1970: 1_795_510_800)  // Tuesday 24 November 2026, 10:00 in Enschede
    /// A month after the decisions of the test: what closed without follow-up is due.
    static let later = CivilDate(iso: "2026-12-24")!
    let directory: TemporaryDirectory
    let path: String
    let store: Store
    let workflows: Workflows
    let af: User, pm: User, beheer: User
    let doomed: Int64, kept: Int64
    /// Unique strings put into every kind of free text of the doomed signal.
    let markers = ["Beschrijving-ZWQX-1001", "Locatie-ZWQX-1002", "Melder-ZWQX-1003", "Telefoon-ZWQX-1004", "Notitie-ZWQX-1005",
                   "Toelichting-ZWQX-1006", "Verwijzing-ZWQX-1007", "Agendavraag-ZWQX-1008", "Quispelaarzwq", "Markeerzwaluw",
                   "Organisatie-ZWQX-1009", "Concept-ZWQX-1010", "Verslag-ZWQX-1011"]
    /// One month for a signal closed without follow-up and for minutes; the rest far off.
    let rules = RetentionRules(rules: [
        RetentionRule(outcome: .signalClosed, label: "Signaal afgesloten zonder vervolg", workflow: "gemeentelijke-meldroute",
                      state: "afgesloten", months: 1),
        RetentionRule(outcome: .signalPassedOn, label: "Signaal doorgezet", workflow: "gemeentelijke-meldroute", state: "doorgezet", months: 600),
        RetentionRule(outcome: .caseClosed, label: "KMT-casus afgesloten", workflow: "kmt-werkproces", state: "afgesloten", months: 600),
        RetentionRule(outcome: .minutes, label: "Verslag van een overleg", workflow: nil, state: nil, months: 1),
    ], isProvisional: false)

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("vernietigen.sqlite")
        workflows = try Shipped.workflows()
        _ = try DemoDatabase.open(path: path, today: Shipped.today, calendar: WorkingDayCalendar(), workflows: workflows)
        store = try Store.open(path: path, now: { Self.moment })
        (af, pm, beheer) = (try store.user(login: "af.enschede"), try store.user(login: "pm.kmt"), try store.user(login: "beheer"))
        (doomed, kept) = try store.read { db in
            let ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM signal WHERE municipality_id = 4 AND state = 'beslismoment'
                AND id NOT IN (SELECT signal_id FROM kmt_case WHERE signal_id IS NOT NULL) ORDER BY id LIMIT 2
                """)
            return (ids[0], ids[1])
        }
        try store.write { db in
            try db.execute(sql: """
                UPDATE signal SET description = 'Beschrijving-ZWQX-1001 van de situatie', location = 'Locatie-ZWQX-1002',
                                  reporter_name = 'Melder-ZWQX-1003', reporter_contact = 'Telefoon-ZWQX-1004',
                                  reporter_organisation = 'Organisatie-ZWQX-1009'
                WHERE id = ?
                """, arguments: [doomed])
            // A meeting held a month ago, with minutes; one planned, with the doomed signal on its agenda.
            try db.execute(sql: """
                INSERT INTO meeting (kind, title, starts_at, status, minutes) VALUES ('casustafel', 'Casustafel', '2026-11-20T08:00:00Z', 'gehouden',
                                                                                   'Verslag-ZWQX-1011 van de tafel.')
                """)
            try db.execute(sql: "INSERT INTO meeting (kind, title, starts_at) VALUES ('casustafel', 'Casustafel', '2027-01-15T08:00:00Z')")
            try db.execute(sql: """
                INSERT INTO agenda_item (meeting_id, position, subject_type, subject_id, title, question) VALUES (?, 1, 'signal', ?, 'Signaal', ?)
                """, arguments: [db.lastInsertedRowID, doomed, "Agendavraag-ZWQX-1008"])
        }
        _ = try store.addNote("Notitie-ZWQX-1005: gebeld.", to: .signal(doomed), by: af)
        let unique = try store.addPerson(NewPerson(initials: "M.Q.", birthYear: 1990, role: .victim, givenName: "Markeerzwaluw",
                                                   familyName: "Quispelaarzwq"), to: .signal(doomed), by: af)
        let shared = try store.addPerson(NewPerson(initials: "B.K.", birthYear: 1985, role: .victim, givenName: "Blijvertje",
                                                   familyName: "Kokkelsmazwq"), to: .signal(doomed), by: af)
        try store.linkPerson(shared.id, role: .presumedVictim, to: .signal(kept), by: af)
        _ = unique
        let partner = try store.write { db in
            try db.execute(sql: "INSERT INTO partner (name) VALUES ('Veilig Thuis Twente')")
            return db.lastInsertedRowID
        }
        _ = try store.refer(.signal(doomed), NewReferral(partnerID: partner, reason: "Verwijzing-ZWQX-1007", date: CivilDate(iso: "2026-11-24")!),
                            by: af)
        try store.saveDraft(kind: "notitie", subject: "signal-\(doomed)", payload: "Concept-ZWQX-1010", for: af)
        for id in [doomed, kept] {
            try store.recordRouteEvent("besluit", fields: ["reden_geen_vervolg": .choice("geen_aanwijzingen"),
                                                           "toelichting": .text(id == doomed ? "Toelichting-ZWQX-1006" : "Blijft.")],
                                       onSignal: id, expectedVersion: try store.signalRouteState(id: id, for: af).version, workflows: workflows,
                                       by: af)
        }
        try store.confirmRetentionRules(rules, by: beheer)
    }

    func bytes(_ suffix: String) -> Data { (try? Data(contentsOf: URL(fileURLWithPath: path + suffix))) ?? Data() }

    func foundOnDisk(_ marker: String) -> Bool {
        let needle = Data(marker.utf8)
        return [bytes(""), bytes("-wal")].contains { $0.range(of: needle) != nil }
    }

    func figures() throws -> [SignalFigures] {
        let outcomes = try #require(RouteOutcomes(workflows.signalRoute.workflow))
        let timing = RouteTiming(workflows.signalRoute.workflow, calendar: WorkingDayCalendar())
        return try [FiguresArea.region, .municipality(Municipality.twente.first { $0.id == 4 }!)].map { area in
            try store.signalFigures(.year(2026), in: area, outcomes: outcomes, timing: timing, for: pm)
        }
    }

    @Test func anApprovedListLeavesNoTraceOfTheTextYetEveryFigureTheAuditChainAndTheSharedPersonStay() throws {
        // Before anything is destroyed the markers are on disk (the test can fail).
        _ = try store.clearDestroyedBytes()
        for marker in markers { #expect(foundOnDisk(marker), "\(marker) was never written") }
        let before = try figures()

        let proposal = try store.proposeDestruction(under: rules, today: Self.later, by: beheer)
        #expect(proposal.status == .proposed && proposal.items.contains { $0.due.record == .signal(doomed) })
        #expect(proposal.items.contains { $0.due.record == .signal(kept) })
        let approved = try store.approveDestruction(proposal.id, under: rules, today: Self.later, by: pm)
        #expect(approved.status == .approved && approved.droppedOut.isEmpty && !approved.isUnfinished)
        #expect(try store.unfinishedDestructionLists().isEmpty)
        #expect(approved.destroyed.count == proposal.items.count)

        for marker in markers { #expect(!foundOnDisk(marker), "\(marker) is still in the file or its WAL") }
        // Both signals were due, so the person in both went with the last of them (the next test keeps one).
        #expect(try store.verifyAuditLog().problems.isEmpty)
        #expect(try figures() == before)
        let timeline = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, text FROM timeline_event WHERE subject_type = 'signal' AND subject_id = ? ORDER BY id",
                             arguments: [doomed])
        }
        #expect(timeline.count > 3 && timeline.dropLast().allSatisfy { ($0["text"] as String) == "(vernietigd)" })
        let tombstone = try #require(timeline.last)
        #expect(tombstone["kind"] as String == "destruction")
        #expect((tombstone["text"] as String).contains("goedgekeurd door pm.kmt") && (tombstone["text"] as String).contains("voorgesteld door beheer"))
        #expect(try store.read { db in
            try String.fetchAll(db, sql: "SELECT actor || ' ' || action || ' ' || object_type || ' ' || object_id FROM audit_log WHERE action = 'destroy'")
        }.contains("pm.kmt destroy signal \(doomed)"))
        // Proposed again, nothing destroyed comes back: everything due was on the approved list.
        #expect(throws: StoreFailure.refused("Niets is over zijn bewaartermijn op 24-12-2026: er is geen lijst gemaakt.")) {
            try store.proposeDestruction(under: rules, today: Self.later, by: beheer)
        }
    }

    @Test func aPersonInARecordThatIsKeptIsKept() throws {
        // The kept signal is reopened before the proposal: only the doomed one is due.
        try store.recordRouteEvent("heropend", fields: ["reden": .text("Nieuwe informatie.")], onSignal: kept,
                                   expectedVersion: try store.signalRouteState(id: kept, for: af).version, workflows: workflows, by: af)
        let proposal = try store.proposeDestruction(under: rules, today: Self.later, by: beheer)
        #expect(!proposal.items.contains { $0.due.record == .signal(kept) })
        _ = try store.approveDestruction(proposal.id, under: rules, today: Self.later, by: pm)
        let names = try store.read { db in
            try String.fetchAll(db, sql: "SELECT given_name || ' ' || family_name FROM person WHERE family_name LIKE '%zwq' OR pseudonym IN "
                                + "(SELECT p.pseudonym FROM person p JOIN signal_person l ON l.person_id = p.id WHERE l.signal_id = ?)",
                                arguments: [doomed])
        }
        #expect(names.contains("Blijvertje Kokkelsmazwq"))
        #expect(!names.contains { $0.contains("Quispelaarzwq") })
        #expect(!foundOnDisk("Quispelaarzwq") && foundOnDisk("Kokkelsmazwq"))
    }

    @Test func aRecordReopenedBetweenProposalAndApprovalDropsOutAndTheApproverIsTold() throws {
        let proposal = try store.proposeDestruction(under: rules, today: Self.later, by: beheer)
        try store.recordRouteEvent("heropend", fields: ["reden": .text("Nieuwe informatie.")], onSignal: doomed,
                                   expectedVersion: try store.signalRouteState(id: doomed, for: af).version, workflows: workflows, by: af)
        let approved = try store.approveDestruction(proposal.id, under: rules, today: Self.later, by: pm)
        let dropped = try #require(approved.items.first { $0.due.record == .signal(doomed) })
        #expect(dropped.state == .droppedOut(reason: "heropend op 24-11-2026"))
        #expect(approved.items.contains { $0.due.record == .signal(kept) && $0.state == .destroyed(on: Self.later) })
        #expect(foundOnDisk("Beschrijving-ZWQX-1001"))
        #expect(try store.read { db in try String.fetchOne(db, sql: "SELECT description FROM signal WHERE id = ?", arguments: [doomed]) }
            == "Beschrijving-ZWQX-1001 van de situatie")
    }

    @Test func fourEyesTheProposerCannotApproveNorCanAnyoneButAProcesmanagerAndBothRefusalsAreLogged() throws {
        _ = try store.createUser(login: "beheer2", displayName: "Tweede beheerder", role: .administrator, municipality: nil, by: beheer)
        let proposer = try store.user(login: "beheer2")
        let proposal = try store.proposeDestruction(under: rules, today: Self.later, by: proposer)
        #expect(proposal.proposedBy == "beheer2")
        #expect(throws: StoreFailure.refused("Alleen een procesmanager keurt een vernietigingslijst goed; af.enschede is aandachtsfunctionaris.")) {
            try store.approveDestruction(proposal.id, under: rules, today: Self.later, by: af)
        }
        // The proposer, made procesmanager since, still may not approve their own list.
        try store.updateUser(login: "beheer2", displayName: "Tweede beheerder", role: .processManager, municipality: nil, by: beheer)
        let sameLogin = try store.user(login: "beheer2")
        #expect(throws: StoreFailure.refused("Vier ogen: beheer2 stelde deze lijst zelf voor en kan haar niet goedkeuren; een andere procesmanager doet dat.")) {
            try store.approveDestruction(proposal.id, under: rules, today: Self.later, by: sameLogin)
        }
        #expect(try store.read { db in
            try String.fetchAll(db, sql: "SELECT actor || ' ' || result FROM audit_log WHERE object_type = 'destruction_list' AND action = 'update' ORDER BY id")
        } == ["af.enschede denied", "beheer2 denied"])
        #expect(try store.read { db in try String.fetchOne(db, sql: "SELECT description FROM signal WHERE id = ?", arguments: [doomed]) }
            == "Beschrijving-ZWQX-1001 van de situatie")
        #expect(throws: StoreFailure.refused("Alleen een beheerder stelt een vernietigingslijst voor; pm.kmt is procesmanager.")) {
            try store.proposeDestruction(under: rules, today: Self.later, by: pm)
        }
    }

    @Test func nothingIsProposedUnderUnconfirmedPeriodsNorApprovedTwice() throws {
        let longer = RetentionRules(rules: rules.rules.map {
            RetentionRule(outcome: $0.outcome, label: $0.label, workflow: $0.workflow, state: $0.state, months: $0.months + 1)
        }, isProvisional: false)
        #expect(throws: StoreFailure.refused("De bewaartermijnen zijn nog niet bevestigd ('schakel bewaren bevestig'); zonder vastgestelde "
            + "termijnen wordt niets vernietigd.")) {
            try store.proposeDestruction(under: longer, today: Self.later, by: beheer)
        }
        let proposal = try store.proposeDestruction(under: rules, today: Self.later, by: beheer)
        _ = try store.approveDestruction(proposal.id, under: rules, today: Self.later, by: pm)
        #expect(throws: StoreFailure.refused("Lijst \(proposal.id) wacht niet op goedkeuring: zij is goedgekeurd.")) {
            try store.approveDestruction(proposal.id, under: rules, today: Self.later, by: pm)
        }
        #expect(throws: StoreFailure.refused("Er is geen vernietigingslijst 999.")) {
            try store.approveDestruction(999, under: rules, today: Self.later, by: pm)
        }
    }

    @Test func theTimelineStaysAppendOnlyButForTheTextOfARecordBeingDestroyed() throws {
        let line = "SELECT min(id) FROM timeline_event WHERE subject_type = 'signal' AND subject_id = \(doomed)"
        #expect(throws: (any Error).self) { try store.write { db in try db.execute(sql: "UPDATE timeline_event SET text = 'x' WHERE id = (\(line))") } }
        #expect(throws: (any Error).self) { try store.write { db in try db.execute(sql: "DELETE FROM timeline_event WHERE id = (\(line))") } }
        // Inside the gate: the text may change, the author, time or kind may not; nor may another record's lines.
        try store.write { db in
            try db.execute(sql: "INSERT INTO destruction_gate VALUES ('signal', ?)", arguments: [doomed])
            #expect(throws: (any Error).self) { try db.execute(sql: """
                UPDATE timeline_event SET author_id = (SELECT min(u.id) FROM app_user u WHERE u.id IS NOT timeline_event.author_id)
                WHERE id = (\(line))
                """) }
            #expect(throws: (any Error).self) { try db.execute(sql: "UPDATE timeline_event SET occurred_at = '2020-01-01T00:00:00Z' WHERE id = (\(line))") }
            #expect(throws: (any Error).self) {
                try db.execute(sql: "UPDATE timeline_event SET text = 'x' WHERE subject_type = 'signal' AND subject_id = ?", arguments: [kept])
            }
            try db.execute(sql: "UPDATE timeline_event SET text = text WHERE id = (\(line))")
            try db.execute(sql: "DELETE FROM destruction_gate")
        }
        #expect(try store.verifyAuditLog().problems.isEmpty)
    }

    @Test func aListInterruptedAfterItsApprovalIsFinishedByUitvoeren() throws {
        let proposal = try store.proposeDestruction(under: rules, today: Self.later, by: beheer)
        // As if the process died right after the approval's own transaction.
        try store.write { db in
            try db.execute(sql: "UPDATE destruction_list SET status = 'goedgekeurd', approved_by = 'pm.kmt', approved_on = ? WHERE id = ?",
                           arguments: [Self.later.iso, proposal.id])
        }
        #expect(try store.unfinishedDestructionLists() == [proposal.id])
        #expect(try store.read { db in try String.fetchOne(db, sql: "SELECT description FROM signal WHERE id = ?", arguments: [doomed]) }
            == "Beschrijving-ZWQX-1001 van de situatie")
        #expect(throws: StoreFailure.noAccess) { try store.finishDestruction(today: Self.later, by: af) }
        let (lists, cleared) = try store.finishDestruction(today: Self.later, by: beheer)
        #expect(lists.map(\.id) == [proposal.id] && lists[0].destroyed.count == proposal.items.count && cleared)
        #expect(try store.unfinishedDestructionLists().isEmpty)
        #expect(!foundOnDisk("Beschrijving-ZWQX-1001"))
        let tombstone = try store.read { db in
            try String.fetchOne(db, sql: "SELECT text FROM timeline_event WHERE subject_type = 'signal' AND subject_id = ? AND kind = 'destruction'",
                                arguments: [doomed])
        }
        #expect(tombstone?.contains("goedgekeurd door pm.kmt") == true)
    }
}
