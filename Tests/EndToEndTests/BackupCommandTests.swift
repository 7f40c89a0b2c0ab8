import Foundation
import Glibc
import Testing

/// `schakel beheer backup` and `herstel` on real files: verified owner-only copies, the oldest
/// pruned, a restore refused while a session is open and for a broken copy, and nothing lost.
@Suite struct BackupCommandTests {
    @Test func aVerifiedCopyIsMadeAndPutBackWhenNobodyWorks() throws {
        let directory = try Binary.temporaryDirectory()
        let folder = directory.appendingPathComponent("db").path
        let database = folder + "/schakel.sqlite"
        let backups = directory.appendingPathComponent("backups").path
        func schakel(_ arguments: [String]) throws -> Spawn.Result { try Spawn.run([Binary.path] + arguments) }
        #expect(try schakel(["beheer", "init", "--db", database, "--beheerder", "beheer.twente"]).status == 0)

        let missing = try schakel(["beheer", "backup", "--db", database, "--naar", backups])
        #expect(missing.status == 1 && missing.errors.contains("\(backups) bestaat niet of is niet te lezen"))
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        let open = try schakel(["beheer", "backup", "--db", database, "--naar", backups])
        #expect(open.status == 1 && open.errors.contains("is ook voor anderen toegankelijk (rechten 0755)"))
        #expect(chmod(backups, 0o700) == 0)

        let first = try schakel(["beheer", "backup", "--db", database, "--naar", backups, "--bewaar", "1"])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.hasPrefix("Back-up gemaakt en gecontroleerd: \(backups)/schakel-"))
        let firstCopy = try #require(try FileManager.default.contentsOfDirectory(atPath: backups).first)
        #expect(try FileManager.default.attributesOfItem(atPath: backups + "/" + firstCopy)[.posixPermissions] as? Int == 0o600)

        // Work goes on after the backup: a user is added. A second backup replaces the first.
        #expect(try schakel(["gebruiker", "toevoegen", "af.almelo", "--naam", "AF Almelo", "--rol", "af", "--gemeente", "Almelo",
                             "--db", database]).status == 0)
        Thread.sleep(forTimeInterval: 1.1)
        let second = try schakel(["beheer", "backup", "--db", database, "--naar", backups, "--bewaar", "1"])
        #expect(second.status == 0 && second.output.contains("Verwijderd (ouder dan de nieuwste 1): \(backups)/\(firstCopy)"))
        let copies = try FileManager.default.contentsOfDirectory(atPath: backups)
        #expect(copies.count == 1 && copies != [firstCopy])
        let copy = backups + "/" + copies[0]
        #expect(try schakel(["gebruiker", "toevoegen", "af.hengelo", "--naam", "AF Hengelo", "--rol", "af", "--gemeente", "Hengelo",
                             "--db", database]).status == 0)

        // A broken file is not put back.
        let broken = directory.appendingPathComponent("kapot.sqlite").path
        try Data("geen database".utf8).write(to: URL(fileURLWithPath: broken))
        let refused = try schakel(["beheer", "herstel", "--db", database, "--van", broken])
        #expect(refused.status == 1 && refused.errors.contains("is geen leesbare Schakel-back-up"))
        #expect(refused.errors.contains("er is niets veranderd"))

        // Not while a session is open (a session holds the lock shared; -o: flock alone holds it).
        let session = try Spawn.start(["flock", "-s", "-o", database + "-sessies.lock", "sleep", "30"])
        Thread.sleep(forTimeInterval: 0.3)
        let busy = try schakel(["beheer", "herstel", "--db", database, "--van", copy])
        kill(session.pid, SIGTERM)
        _ = session.wait()
        #expect(busy.status == 1 && busy.errors.contains("Er is nog een sessie open op \(database)"), "\(busy.errors)")

        let restored = try schakel(["beheer", "herstel", "--db", database, "--van", copy])
        #expect(restored.status == 0, "\(restored.errors)")
        #expect(restored.output.contains("De vervangen database staat opzij: \(database).voor-herstel-"))
        let users = try schakel(["gebruiker", "lijst", "--db", database])
        // The restored state: af.almelo (before the copy) is there, af.hengelo (after) is not.
        #expect(users.output.contains("af.almelo\t") && !users.output.contains("af.hengelo"))
        #expect(try FileManager.default.attributesOfItem(atPath: database)[.posixPermissions] as? Int == 0o600)
        let audit = try schakel(["audit", "controleer", "--db", database])
        #expect(audit.status == 0, "\(audit.errors)")
        // Nothing is lost: the replaced database is beside it, whole, with af.hengelo.
        let aside = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.contains(".voor-herstel-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") })
        let asideUsers = try schakel(["gebruiker", "lijst", "--db", folder + "/" + aside])
        #expect(asideUsers.output.contains("af.hengelo\t"), "\(asideUsers.errors)")
    }
}
