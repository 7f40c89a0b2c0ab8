import Foundation
import Glibc
import Testing

/// What the command line says before the terminal is ever touched.
@Suite struct CommandLineTests {
    func schakel(_ arguments: [String]) throws -> Spawn.Result {
        try Spawn.run([Binary.path] + arguments)
    }

    @Test func aMissingDatabaseIsADutchErrorAndANonZeroExit() throws {
        let result = try schakel(["--db", "/bestaat/niet.sqlite"])
        #expect(result.status == 1)
        #expect(result.errors == "schakel: Het databasebestand /bestaat/niet.sqlite bestaat niet.\n")
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let directory = try Binary.temporaryDirectory()
        let path = directory.appendingPathComponent("notities.txt").path
        try "geen database".write(toFile: path, atomically: true, encoding: .utf8)
        // Owner-only, or Schakel would refuse it for that first.
        chmod(path, 0o600)
        chmod(directory.path, 0o700)
        // As through sudo (root without it gets no session at all).
        let result = try Spawn.run(["env", "SUDO_USER=iemand", Binary.path, "--db", path])
        #expect(result.status == 1)
        #expect(result.errors.contains("is geen SQLite-database"))
    }

    @Test func anUnknownLoginOnTheDemoIsRefused() throws {
        let directory = try Binary.temporaryDirectory()
        let path = directory.appendingPathComponent("demo.sqlite").path
        let result = try schakel(["demo", "--db", path, "--als", "niemand"])
        #expect(result.status == 1)
        #expect(result.errors.contains("Gebruiker 'niemand' is niet bekend"))
    }

    @Test func aBadDateIsAUsageError() throws {
        let result = try schakel(["demo", "--vandaag", "24-11-2026", "--alleen-aanmaken"])
        #expect(result.status != 0)
        #expect(result.errors.contains("--vandaag verwacht een datum"))
    }
}
