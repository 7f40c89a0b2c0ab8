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

/// A user who may only read the file: the chain can still be checked.
@Suite struct ReadOnlyCommandTests {
    /// Root with runuser, and the built binary reachable for another user along its whole path.
    static var canSwitchUser: Bool {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else { return false }
        var folder = URL(fileURLWithPath: Binary.path).deletingLastPathComponent()
        while folder.path != "/" {
            let mode = ((try? FileManager.default.attributesOfItem(atPath: folder.path))?[.posixPermissions] as? Int) ?? 0
            if mode & 0o001 == 0 { return false }
            folder.deleteLastPathComponent()
        }
        return true
    }

    @Test(.enabled(if: canSwitchUser, "needs root, runuser and a build folder other users can reach"))
    func anotherUserChecksTheAuditLogOfAFileTheyCannotWrite() throws {
        let directory = try Binary.temporaryDirectory()
        chmod(directory.path, 0o755)
        let path = directory.appendingPathComponent("alleen-lezen.sqlite").path
        #expect(try Spawn.run([Binary.path, "demo", "--db", path, "--alleen-aanmaken"]).status == 0)
        let result = try Spawn.run(["/usr/sbin/runuser", "-u", "nobody", "--", Binary.path, "audit", "controleer", "--db", path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("Auditlog intact: 1 regel; laatste hash "))
    }
}
