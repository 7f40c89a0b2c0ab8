import Foundation
import GRDB
import Testing

/// `schakel audit controleer` on a real database file.
@Suite struct AuditCommandTests {
    @Test func anIntactLogExitsZeroAndATamperedOneNamesItsRow() throws {
        let directory = try Binary.temporaryDirectory()
        let path = directory.appendingPathComponent("demo.sqlite").path
        #expect(try Spawn.run([Binary.path, "demo", "--db", path, "--alleen-aanmaken"]).status == 0)
        #expect(try Spawn.run([Binary.path, "demo", "--db", path, "--als", "pm.kmt", "--alleen-aanmaken"]).status == 0)

        let intact = try Spawn.run([Binary.path, "audit", "controleer", "--db", path])
        #expect(intact.status == 0, "\(intact.errors)")
        #expect(intact.output.hasPrefix("Auditlog intact: 2 regels; laatste hash "))

        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET actor = 'iemand.anders' WHERE id = 1")
        }
        let broken = try Spawn.run([Binary.path, "audit", "controleer", "--db", path])
        #expect(broken.status == 1)
        #expect(broken.errors == """
            regel 1: de inhoud klopt niet met de hash (gewijzigd)
            de beveiliging 'audit_log_no_update' ontbreekt
            schakel: het auditlog is verbroken vanaf regel 1.

            """)
    }
}

/// `schakel audit anker` and `controleer --verwacht/--anker-bestand`: an anchor kept outside the
/// file catches a tail cut off with the seal moved back, which the file alone does not show.
@Suite struct AuditAnchorCommandTests {
    @Test func anAnchorFromTheSystemLogCatchesACutTailWithAMovedSeal() throws {
        let directory = try Binary.temporaryDirectory()
        let path = directory.appendingPathComponent("demo.sqlite").path
        #expect(try Spawn.run([Binary.path, "demo", "--db", path, "--als", "pm.kmt", "--alleen-aanmaken"]).status == 0)
        let taken = try Spawn.run([Binary.path, "audit", "anker", "--db", path])
        #expect(taken.status == 0, "\(taken.errors)")
        let anchor = taken.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(anchor.wholeMatch(of: /[0-9]+:[0-9a-f]{64}/) != nil, "\(anchor)")
        // More work after the anchor.
        #expect(try Spawn.run([Binary.path, "demo", "--db", path, "--als", "af.hengelo", "--alleen-aanmaken"]).status == 0)

        let held = try Spawn.run([Binary.path, "audit", "controleer", "--db", path, "--verwacht", anchor])
        #expect(held.status == 0 && held.output.contains("1 anker klopt"), "\(held.output)\(held.errors)")
        // As journalctl prints them: a time and a name before each anchor, other lines between.
        let journal = directory.appendingPathComponent("ankers.txt").path
        try "dec 04 02:30:01 server schakel[812]: \(anchor)\ndec 04 02:30:02 server schakel[813]: Back-up gemaakt.\n"
            .write(toFile: journal, atomically: true, encoding: .utf8)
        #expect(try Spawn.run([Binary.path, "audit", "controleer", "--db", path, "--anker-bestand", journal]).status == 0)

        // Someone with the file cuts the log back to before the anchor, and puts the seal and triggers right.
        let number = Int64(anchor.split(separator: ":")[0])!
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            let triggers = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name LIKE 'audit%'")
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name LIKE 'audit%'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
            try db.execute(sql: "DELETE FROM audit_log WHERE id >= ?", arguments: [number])
            try db.execute(sql: "UPDATE audit_seal SET last_id = id_, last_hash = hash_ FROM (SELECT max(id) AS id_, "
                           + "(SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS hash_ FROM audit_log)")
            for trigger in triggers { try db.execute(sql: trigger) }
        }
        #expect(try Spawn.run([Binary.path, "audit", "controleer", "--db", path]).status == 0, "the file alone looks whole")
        let caught = try Spawn.run([Binary.path, "audit", "controleer", "--db", path, "--anker-bestand", journal])
        #expect(caught.status == 1)
        #expect(caught.errors.contains("regel \(number): anker \(anchor) klopt niet: regel \(number) ontbreekt"), "\(caught.errors)")

        let malformed = try Spawn.run([Binary.path, "audit", "controleer", "--db", path, "--verwacht", "12:abc"])
        #expect(malformed.status != 0 && malformed.errors.contains("--verwacht verwacht NUMMER:HASH"))
        let empty = directory.appendingPathComponent("leeg.txt").path
        try "geen ankers hier\n".write(toFile: empty, atomically: true, encoding: .utf8)
        let none = try Spawn.run([Binary.path, "audit", "controleer", "--db", path, "--anker-bestand", empty])
        #expect(none.status == 1 && none.errors.contains("bevat geen enkel anker"))
    }
}

/// A user who may only read the file: the chain can still be checked.
@Suite struct ReadOnlyCommandTests {
    /// Root with runuser; the program is installed for the test where another account can run it.
    static var canSwitchUser: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")
    }

    @Test(.enabled(if: canSwitchUser, "needs root and runuser"))
    func anotherUserChecksTheAuditLogOfAFileTheyCannotWrite() throws {
        let directory = try Binary.temporaryDirectory()
        chmod(directory.path, 0o755)
        let path = directory.appendingPathComponent("alleen-lezen.sqlite").path
        #expect(try Spawn.run([Binary.path, "demo", "--db", path, "--alleen-aanmaken"]).status == 0)
        let program = try Binary.installed(in: directory)
        let result = try Spawn.run(["/usr/sbin/runuser", "-u", "nobody", "--", program, "audit", "controleer", "--db", path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("Auditlog intact: 1 regel; laatste hash "))
    }
}
