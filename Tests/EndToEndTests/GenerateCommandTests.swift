import Foundation
import GRDB
import Testing

/// `schakel genereer`: load data into a demo database, and never into a real one.
@Suite struct GenerateCommandTests {
    @Test func signalsAndTimelineLinesAreAddedToADemoDatabase() throws {
        let path = try Binary.temporaryDirectory().appendingPathComponent("groot.sqlite").path
        #expect(try Spawn.run([Binary.path, "demo", "--db", path, "--alleen-aanmaken"]).status == 0)
        let (demo, demoLines) = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM signal")!, try Int.fetchOne(db, sql: "SELECT count(*) FROM timeline_event")!)
        }
        let result = try Spawn.run([Binary.path, "genereer", "--db", path, "--signalen", "700", "--gebeurtenissen", "3000"])
        #expect(result.status == 0, "\(result.errors)")
        try DatabaseQueue(path: path).read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM signal")! == demo + 700)
            // One "received" line per new signal, plus the generated lines, all after their signal's receipt.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM timeline_event") == demoLines + 700 + 3000)
            #expect(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM timeline_event t JOIN signal s ON s.id = t.subject_id WHERE t.occurred_at < s.received_at
                """) == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM timeline_fts WHERE timeline_fts MATCH 'werkoverleg'")! > 0)
        }
    }

    @Test func aRealDatabaseIsRefused() throws {
        let directory = try Binary.temporaryDirectory()
        let path = directory.appendingPathComponent("echt.sqlite").path
        #expect(try Spawn.run([Binary.workerPath, "openen", path]).status == 0)
        let result = try Spawn.run([Binary.path, "genereer", "--db", path, "--signalen", "10"])
        #expect(result.status == 1)
        #expect(result.errors.contains("is geen demodatabase"))
    }
}
