import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// The audit log records every access and notices every kind of tampering.
@Suite struct AuditLogTests {
    let directory: TemporaryDirectory
    let path: String
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("audit.sqlite")
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        store = try DemoDatabase.open(path: path, today: today, calendar: WorkingDayCalendar(),
                                   origin: SessionOrigin(address: "10.0.0.7")).store
        // Eleven entries: logins, lists and a further page, reads allowed, denied and not found.
        let af = try store.logIn(login: "af.enschede")
        let hengelo = try store.logIn(login: "af.hengelo")
        let first = try #require(try store.inboxPage(.first, limit: 20, for: af).rows.first)
        _ = try store.inboxPage(.after(first.key), limit: 20, for: af)
        _ = try store.signalDetail(id: first.id, for: af)
        _ = try store.signalDetail(id: first.id, for: hengelo)
        _ = try store.signalDetail(id: 999_999, for: af)
        _ = try? store.logIn(login: "niemand")
        _ = try store.inboxPage(.first, limit: 20, for: try store.logIn(login: "beheer"))
        _ = try store.inboxPage(.last, limit: 20, for: hengelo)
    }

    /// Raw access to the file, as someone with the file in hand would have.
    func tamper(_ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    func rows() throws -> [Row] {
        try DatabaseQueue(path: path).read { db in try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id") }
    }

    func firstBrokenEntry() throws -> Int64? {
        try store.verifyAuditLog().problems.first?.entry
    }

    /// Recreates a dropped trigger, as a careful intruder would, so only the chain can tell.
    func restoreTriggers() throws {
        try tamper("""
            CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'het auditlog kan niet worden gewijzigd'); END;
            CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'het auditlog kan niet worden gewist'); END;
            """)
    }

    @Test func everyAccessIsRecordedWithWhoWhatAndWhere() throws {
        let entries = try rows()
        #expect(entries.map { "\($0["actor"] as String) \($0["action"] as String) \($0["result"] as String)" } == [
            "af.enschede login ok", "af.hengelo login ok", "af.enschede list ok", "af.enschede list ok", "af.enschede read ok",
            "af.hengelo read denied", "af.enschede read not_found", "niemand login denied", "beheer login ok",
            "beheer list denied", "af.hengelo list ok",
        ])
        #expect(entries.allSatisfy { $0["origin"] as String == "10.0.0.7" })
        #expect(entries[3]["detail"] as String == "inbox, verder, 20 regels")
        #expect(entries[5]["object_id"] as String == entries[4]["object_id"] as String)
        let verification = try store.verifyAuditLog()
        #expect(verification.isIntact, "\(verification.problems)")
        #expect(verification.entries == 11)
        #expect(verification.lastHash == entries.last.map { $0["hash"] as String })
    }

    @Test func theDatabaseRefusesToChangeOrDeleteTheLogAndTheTimeline() throws {
        for sql in ["UPDATE audit_log SET actor = 'x' WHERE id = 1", "DELETE FROM audit_log WHERE id = 10",
                    "UPDATE audit_seal SET last_id = 3", "DELETE FROM audit_seal",
                    "UPDATE timeline_event SET text = 'x' WHERE id = 1", "DELETE FROM timeline_event"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try tamper(sql) }
        }
        #expect(try store.verifyAuditLog().isIntact)
    }

    @Test func oneChangedByteIsFound() throws {
        try tamper("DROP TRIGGER audit_log_no_update")
        try tamper("UPDATE audit_log SET detail = 'inbox, 21 regels' WHERE id = 3")
        try restoreTriggers()
        let verification = try store.verifyAuditLog()
        #expect(verification.problems == [.init(entry: 3, reason: "de inhoud klopt niet met de hash (gewijzigd)")])
    }

    @Test func aDeletedRowIsFound() throws {
        try tamper("DROP TRIGGER audit_log_no_delete")
        try tamper("DELETE FROM audit_log WHERE id = 5")
        try restoreTriggers()
        #expect(try firstBrokenEntry() == 5)
        #expect(try store.verifyAuditLog().problems.map(\.entry) == [5, 6])
    }

    @Test func aTruncatedTailIsFound() throws {
        try tamper("DROP TRIGGER audit_log_no_delete")
        try tamper("DELETE FROM audit_log WHERE id > 7")
        try restoreTriggers()
        #expect(try store.verifyAuditLog().problems == [.init(
            entry: 8, reason: "het log eindigt bij regel 7 maar is verzegeld tot regel 11: de laatste regels zijn verwijderd")])
    }

    @Test func reorderedRowsAreFound() throws {
        try tamper("DROP TRIGGER audit_log_no_update")
        let entries = try rows()
        let columns = ["at", "actor", "on_behalf_of", "action", "object_type", "object_id", "result", "origin", "detail",
                       "prev_hash", "hash"]
        for (target, source) in [(2, entries[2]), (3, entries[1])] {
            try tamper("UPDATE audit_log SET " + columns.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE id = ?",
                       StatementArguments(columns.map { source[$0] as DatabaseValue } + [target.databaseValue]))
        }
        try restoreTriggers()
        #expect(try firstBrokenEntry() == 2)
    }

    @Test func aRowRewrittenWithAFreshHashAfterDroppingTheTriggerIsFound() throws {
        // The intruder knows the algorithm and gives the rewritten row a correct hash of its own.
        try tamper("DROP TRIGGER audit_log_no_update")
        let original = AuditRow(row: try rows()[5])
        let forgedHash = AuditLog.hash(
            id: original.id, at: original.at, actor: original.actor, onBehalfOf: original.onBehalfOf, action: original.action,
            objectType: original.objectType, objectID: original.objectID, result: "ok", origin: original.origin,
            detail: "", previousHash: original.previousHash)
        try tamper("UPDATE audit_log SET result = 'ok', detail = '', hash = ? WHERE id = 6", [forgedHash])
        let verification = try store.verifyAuditLog()
        #expect(verification.problems.first == .init(entry: 7, reason: "verwijst niet naar de regel ervoor (verwijderd of verplaatst)"))
        #expect(verification.problems.contains(.init(entry: nil, reason: "de beveiliging 'audit_log_no_update' ontbreekt")))
    }

    @Test func newEntriesChainOnAfterReopening() throws {
        let reopened = try Store.open(path: path)
        _ = try reopened.logIn(login: "pm.kmt")
        let verification = try reopened.verifyAuditLog()
        #expect(verification.isIntact)
        #expect(verification.entries == 12)
    }
}
