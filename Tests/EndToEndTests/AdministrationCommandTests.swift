import Foundation
import Glibc
import Testing

/// `schakel beheer init` and `schakel gebruiker …` on real files: a database only its owner can
/// read, users added, changed, blocked and listed, and a blocked user kept out with a Dutch message.
@Suite struct AdministrationCommandTests {
    @Test func aRealDatabaseIsPutIntoServiceWithItsUsers() throws {
        let directory = try Binary.temporaryDirectory()
        let folder = directory.appendingPathComponent("schakel").path
        let database = folder + "/schakel.sqlite"
        func schakel(_ arguments: [String]) throws -> Spawn.Result { try Spawn.run([Binary.path] + arguments + ["--db", database]) }

        let made = try schakel(["beheer", "init", "--beheerder", "beheer.twente", "--naam", "Beheerder Twente"])
        #expect(made.status == 0, "\(made.errors)")
        #expect(try FileManager.default.attributesOfItem(atPath: database)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int == 0o700)
        let again = try schakel(["beheer", "init"])
        #expect(again.status == 1 && again.errors.contains("bestaat al; er is niets veranderd"))

        // The OS user who owns the file acts as beheerder.
        #expect(try schakel(["gebruiker", "toevoegen", "af.almelo", "--naam", "AF Almelo", "--rol", "af", "--gemeente", "almelo"]).status == 0)
        let wrong = try schakel(["gebruiker", "toevoegen", "pm.twee", "--naam", "PM", "--rol", "procesmanager", "--gemeente", "Almelo"])
        #expect(wrong.status == 1 && wrong.errors == "schakel: Een procesmanager werkt voor de regio, zonder gemeente.\n")
        let unknownRole = try schakel(["gebruiker", "toevoegen", "x.y", "--naam", "X", "--rol", "baas"])
        #expect(unknownRole.status == 1 && unknownRole.errors.hasPrefix("schakel: Onbekende rol 'baas'"))
        #expect(try schakel(["gebruiker", "wijzigen", "af.almelo", "--naam", "A. Almelo", "--rol", "af", "--gemeente", "Almelo"]).status == 0)
        #expect(try schakel(["gebruiker", "blokkeren", "af.almelo"]).status == 0)
        let list = try schakel(["gebruiker", "lijst"])
        #expect(list.output == "af.almelo\tA. Almelo\taandachtsfunctionaris · Almelo\tgeblokkeerd\nbeheer.twente\tBeheerder Twente\tbeheerder\n")
        let missing = try schakel(["gebruiker", "blokkeren", "niemand"])
        #expect(missing.status == 1 && missing.errors.contains("'niemand' is niet bekend"))

        // A blocked user cannot open Schakel; their history stays.
        let blocked = try Spawn.run(["env", "SUDO_USER=af.almelo", "TERM=xterm", Binary.path, "open", "--db", database])
        #expect(blocked.status == 1 && blocked.errors.contains("Het account 'af.almelo' is niet actief"))
        #expect(try schakel(["gebruiker", "deblokkeren", "af.almelo"]).status == 0)
        // The shipped sociale kaart is in.
        let map = try Spawn.run(["env", "SUDO_USER=beheer.twente", Binary.path, "sociale-kaart", "bijwerken", "--proef", "--db", database])
        #expect(map.output.hasPrefix("De sociale kaart is bij"), "\(map.errors)")
        // The idle lock is the administrator's to set.
        #expect(try schakel(["beheer", "vergrendeling"]).output == "Het scherm vergrendelt na 10 minuten zonder toets.\n")
        #expect(try schakel(["beheer", "vergrendeling", "5"]).output == "Het scherm vergrendelt na 5 minuten zonder toets.\n")
        let tooLong = try schakel(["beheer", "vergrendeling", "999"])
        #expect(tooLong.status == 1 && tooLong.errors == "schakel: Kies tussen 1 en 240 minuten.\n")
        let audit = try Spawn.run([Binary.path, "audit", "controleer", "--db", database])
        #expect(audit.status == 0, "\(audit.errors)")
    }

    /// The service model: identity only through sudo as the database's owner, nothing of the
    /// officer's environment, and no session on files others may read.
    @Test func anOfficersSessionTakesNothingFromTheEnvironment() throws {
        let directory = try Binary.temporaryDirectory()
        let folder = directory.appendingPathComponent("schakel").path
        let database = folder + "/schakel.sqlite"
        #expect(try Spawn.run([Binary.path, "beheer", "init", "--db", database, "--beheerder", "beheer.twente"]).status == 0)
        func open(_ environment: [String]) throws -> Spawn.Result {
            try Spawn.run(["env"] + environment + [Binary.path, "open", "--db", database])
        }
        // Through sudo as the owner: the SUDO_USER is who is there. Resources from the environment
        // are ignored (without a terminal, it gets as far as asking for one).
        let owner = try open(["SUDO_USER=beheer.twente", "SCHAKEL_RESOURCES=/nergens"])
        #expect(owner.status == 1 && owner.errors == "schakel: Schakel heeft een terminal nodig (stdin en stdout zijn geen terminal).\n")
        if geteuid() == 0 {
            let root = try open(["-u", "SUDO_USER"])
            #expect(root.errors.hasPrefix("schakel: Schakel start niet als root zonder SUDO_USER."))
            // Someone who is not the owner cannot make themselves another user.
            #expect(chown(database, 65534, 65534) == 0)
            let spoofed = try open(["SUDO_USER=beheer.twente"])
            #expect(spoofed.status == 1 && spoofed.errors.hasPrefix("schakel: SUDO_USER (beheer.twente) telt alleen als Schakel via sudo"))
            #expect(chown(database, 0, 0) == 0)
        }
        #expect(chmod(database, 0o644) == 0)
        let readable = try open(["SUDO_USER=beheer.twente"])
        #expect(readable.status == 1 && readable.errors.contains("is ook voor anderen toegankelijk (rechten 0644)"))
        #expect(chmod(database, 0o600) == 0 && chmod(folder, 0o750) == 0)
        let folderOpen = try open(["SUDO_USER=beheer.twente"])
        #expect(folderOpen.errors.contains("De map \(folder) van de database is ook voor anderen toegankelijk (rechten 0750)"))
    }

    @Test func onAnotherDatabaseOnlyABeheerderManagesUsers() throws {
        let directory = try Binary.temporaryDirectory()
        let database = directory.appendingPathComponent("demo.sqlite").path
        #expect(try Spawn.run([Binary.path, "demo", "--db", database, "--alleen-aanmaken"]).status == 0)
        let af = try Spawn.run([Binary.path, "gebruiker", "lijst", "--db", database, "--als", "af.enschede"])
        #expect(af.status == 1 && af.errors.contains("Alleen de eigenaar van \(database) of een beheerder in Schakel beheert gebruikers"))
        let beheer = try Spawn.run([Binary.path, "gebruiker", "lijst", "--db", database, "--als", "beheer"])
        #expect(beheer.status == 0 && beheer.output.contains("af.enschede\t"))
    }
}
