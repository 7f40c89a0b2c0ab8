import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore

/// Migrations run from empty and from each earlier version.
@Suite struct MigrationTests {
    static let migrations = ["v1-municipalities-users-signals", "v2-route-cases-meetings-partners-audit", "v3-code-number-indexes"]

    @Test func theMigrationsAreTheKnownOnesInOrder() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        #expect(try queue.read { db in try Schema.migrator.appliedMigrations(db) } == Self.migrations)
    }

    @Test func aVersionOneDatabaseIsBroughtUpToDateWithItsSignalsKept() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("v1.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: Self.migrations[0])
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO signal (code, received_at, source, reporter_type, municipality_id, description, workflow, state,
                                    created_at)
                VALUES ('S2025-0001', '2025-03-04T09:00:00Z', 'telefoon', 'inwoner', 4, 'Signaal over een café in Enschede',
                        'gemeentelijke-meldroute', 'onderzoek', '2025-03-04T09:00:00Z')
                """)
        }
        try queue.close()

        let store = try Store.open(path: path)
        try store.read { (db: Database) throws -> Void in
            #expect(try Schema.migrator.appliedMigrations(db) == Self.migrations)
            // The signal got its "received" line, and is found by search with the accent folded.
            #expect(try String.fetchAll(db, sql: "SELECT text FROM timeline_event") == ["Signaal ontvangen."])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM signal_fts WHERE signal_fts MATCH 'cafe'") == 1)
            #expect(try String.fetchOne(db, sql: "SELECT state_data FROM signal") == "{}")
        }
        #expect(try store.verifyAuditLog() == AuditVerification(entries: 0, lastHash: AuditSchema.genesisHash, problems: []))
    }
}
