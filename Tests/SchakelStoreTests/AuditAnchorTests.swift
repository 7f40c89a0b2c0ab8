import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// An anchor kept outside the file catches what the file alone cannot show. Six kinds of tampering,
/// each by someone with the file in hand who puts the protective triggers back afterwards: every
/// one is found once the anchors taken before it are given.
@Suite struct AuditAnchorTests {
    let directory: TemporaryDirectory
    let path: String
    let store: Store
    /// Taken after the first work; more work follows it.
    let anchor: AuditAnchor

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("anker.sqlite")
        store = try DemoDatabase.open(path: path, today: Shipped.today, calendar: WorkingDayCalendar()).store
        let af = try store.logIn(login: "af.enschede")
        for _ in 0..<4 { _ = try store.inboxPage(.first, limit: 20, for: af) }
        anchor = try store.takeAuditAnchor(byLogin: "schakel").0
        for _ in 0..<4 { _ = try store.inboxPage(.first, limit: 20, for: af) }
    }

    func tamper(_ sql: String, _ arguments: StatementArguments = []) throws {
        try DatabaseQueue(path: path).write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    func rows() throws -> [AuditRow] {
        try DatabaseQueue(path: path).read { db in try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id").map(AuditRow.init) }
    }

    /// Drops the protective triggers, runs `sql`, and creates them again as they were.
    func tamperQuietly(_ sql: String, _ arguments: StatementArguments = []) throws {
        let definitions = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('audit_log_no_update', "
                                + "'audit_log_no_delete', 'audit_seal_forward_only', 'audit_seal_no_delete')")
        }
        #expect(definitions.count == 4)
        try tamper("""
            DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
            DROP TRIGGER audit_seal_forward_only; DROP TRIGGER audit_seal_no_delete;
            """)
        try tamper(sql, arguments)
        for definition in definitions { try tamper(definition) }
    }

    func problems(anchors: [AuditAnchor]) throws -> [AuditVerification.Problem] {
        try Store.open(path: path).verifyAuditLog(anchors: anchors).problems
    }

    @Test func theAnchorIsItsOwnEntryAndAnUntouchedLogHoldsIt() throws {
        let entries = try rows()
        let anchored = try #require(entries.first { $0.id == anchor.entry })
        #expect(anchored.action == "anchor" && anchored.actor == "schakel" && anchored.hash == anchor.hash)
        #expect(entries.count == Int(anchor.entry) + 4)
        #expect(try problems(anchors: [anchor]).isEmpty)
        #expect(try store.hoursSinceAuditAnchor().map { $0 < 1 } == true)
        // A wrong anchor is not waved through.
        let wrong = AuditAnchor(entry: anchor.entry, hash: String(repeating: "a", count: 64))
        #expect(try problems(anchors: [wrong]).map(\.entry) == [anchor.entry])
    }

    @Test func anEditedEntryIsFound() throws {
        try tamperQuietly("UPDATE audit_log SET detail = 'niets' WHERE id = 3")
        #expect(try problems(anchors: [anchor]).map(\.entry).contains(3))
    }

    @Test func aDeletedEntryIsFound() throws {
        try tamperQuietly("DELETE FROM audit_log WHERE id = 3")
        #expect(try problems(anchors: [anchor]).first?.entry == 3)
    }

    @Test func twoSwappedEntriesAreFound() throws {
        let entries = try rows()
        let columns = ["at", "actor", "on_behalf_of", "action", "object_type", "object_id", "result", "origin", "detail",
                       "prev_hash", "hash"]
        func values(_ row: AuditRow) -> [DatabaseValue] {
            [row.at, row.actor, row.onBehalfOf, row.action, row.objectType, row.objectID, row.result, row.origin, row.detail,
             row.previousHash, row.hash].map(\.databaseValue)
        }
        let update = "UPDATE audit_log SET " + columns.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE id = ?"
        try tamperQuietly(update, StatementArguments(values(entries[2]) + [Int64(2).databaseValue]))
        try tamperQuietly(update, StatementArguments(values(entries[1]) + [Int64(3).databaseValue]))
        #expect(try problems(anchors: [anchor]).first?.entry == 2)
    }

    @Test func aCutTailIsFound() throws {
        try tamperQuietly("DELETE FROM audit_log WHERE id > ?", [anchor.entry - 2])
        let found = try problems(anchors: [anchor])
        #expect(found.contains { $0.reason.contains("verzegeld") })
        #expect(found.contains { $0.entry == anchor.entry && $0.reason.contains("anker \(anchor) klopt niet") })
    }

    /// The one the file alone cannot show: the tail cut and the seal moved back to the new end.
    @Test func aCutTailWithTheSealMovedBackIsFoundOnlyByTheAnchor() throws {
        let kept = anchor.entry - 2
        let end = try #require(try rows().first { $0.id == kept })
        try tamperQuietly("DELETE FROM audit_log WHERE id > ?; UPDATE audit_seal SET last_id = ?, last_hash = ?",
                          [kept, kept, end.hash])
        #expect(try problems(anchors: []).isEmpty, "the file alone looks whole")
        #expect(try problems(anchors: [anchor]) == [.init(
            entry: anchor.entry, reason: "anker \(anchor) klopt niet: regel \(anchor.entry) ontbreekt, het log houdt op bij regel "
                + "\(kept) (ingekort of teruggezet naar een oudere kopie)")])
    }

    /// The whole file put back to a copy from before the anchor: as it was, and with new work on it.
    @Test func aFileRolledBackToAnOlderCopyIsFoundByTheAnchor() throws {
        let older = directory.path("ouder.sqlite")
        let fresh = directory.path("vers.sqlite")
        let early = try DemoDatabase.open(path: fresh, today: Shipped.today, calendar: WorkingDayCalendar()).store
        _ = try early.logIn(login: "af.enschede")
        try DatabaseQueue(path: fresh).inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [older]) }
        let laterAnchor = try early.takeAuditAnchor(byLogin: "schakel").0

        let rolledBack = try Store.open(path: older)
        #expect(try rolledBack.verifyAuditLog().isIntact, "the copy alone looks whole")
        #expect(try rolledBack.verifyAuditLog(anchors: [laterAnchor]).problems.map(\.entry) == [laterAnchor.entry])

        // Work goes on on the old copy: the anchored entry number comes back with another hash.
        let af = try rolledBack.logIn(login: "af.enschede")
        for _ in 0..<3 { _ = try rolledBack.inboxPage(.first, limit: 5, for: af) }
        let found = try rolledBack.verifyAuditLog(anchors: [laterAnchor]).problems
        #expect(found.count == 1)
        #expect(found.first?.entry == laterAnchor.entry)
        #expect(found.first?.reason.contains("herschreven of teruggezet") == true)
    }

    @Test func aBrokenChainIsNotAnchored() throws {
        try tamperQuietly("UPDATE audit_log SET detail = 'niets' WHERE id = 3")
        let before = try rows().count
        let (_, verification) = try Store.open(path: path).takeAuditAnchor(byLogin: "schakel")
        #expect(!verification.isIntact)
        #expect(try rows().count == before)
    }

    @Test func anchorsAreReadFromASystemLogExtract() {
        let hash = String(repeating: "0123456789abcdef", count: 4)
        let text = """
            dec 04 02:30:01 server schakel[812]: 1234:\(hash)
            dec 04 02:30:02 server schakel[813]: Back-up gemaakt en gecontroleerd: /var/backups/schakel/x.sqlite
            77:\(hash)
            88:\(hash.uppercased())
            99:\(hash.dropLast())
            """
        #expect(AuditAnchor.found(in: text) == [AuditAnchor(entry: 1234, hash: hash), AuditAnchor(entry: 77, hash: hash)])
        #expect(AuditAnchor("0:\(hash)") == nil)
        #expect(AuditAnchor(" 5:\(hash) ")?.entry == 5)
    }
}
