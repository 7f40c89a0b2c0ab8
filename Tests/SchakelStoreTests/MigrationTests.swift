import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore

/// Migrations run from empty and from each earlier version.
@Suite struct MigrationTests {
    static let migrations = ["v1-municipalities-users-signals", "v2-route-cases-meetings-partners-audit", "v3-code-number-indexes",
                             "v4-meeting-series-agenda-minutes", "v5-agenda-change-marks", "v6-social-map",
                             "v7-referral-contacts", "v8-figure-indexes", "v9-case-origins", "v10-timeline-person-lines",
                             "v11-persons-over-time", "v12-retention-clocks", "v13-destruction", "v14-activities", "v15-consults"]

    @Test func theMigrationsAreTheKnownOnesInOrder() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        #expect(try queue.read { db in try Schema.migrator.appliedMigrations(db) } == Self.migrations)
    }

    /// v10 builds the timeline anew to let it hold lines about persons: every line is kept with its
    /// id, it stays append-only, and the search still finds old lines and new ones.
    @Test func theTimelineRebuiltForPersonLinesKeepsItsLinesItsGuardsAndItsSearch() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v9-case-origins")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO signal (code, received_at, source, reporter_type, municipality_id, description, workflow, state, created_at)
                VALUES ('S2025-0001', '2025-03-04T09:00:00Z', 'telefoon', 'inwoner', 4, 'Signaal', 'gemeentelijke-meldroute', 'gemeld',
                        '2025-03-04T09:00:00Z');
                INSERT INTO timeline_event (id, subject_type, subject_id, kind, text, occurred_at)
                VALUES (41, 'signal', 1, 'note', 'Gesprek over het café', '2025-03-05T09:00:00Z');
                """)
            #expect(throws: (any Error).self) {
                try db.execute(sql: "INSERT INTO timeline_event (subject_type, subject_id, kind, text, occurred_at) VALUES ('signal', 1, 'person', 'x', 'y')")
            }
        }
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            #expect(try Row.fetchAll(db, sql: "SELECT id, kind, text FROM timeline_event WHERE id = 41").map { "\($0[0] as Int64) \($0[1] as String) \($0[2] as String)" }
                == ["41 note Gesprek over het café"])
            try db.execute(sql: """
                INSERT INTO timeline_event (subject_type, subject_id, kind, text, occurred_at)
                VALUES ('signal', 1, 'person', 'Betrokkene toegevoegd: P-00001, slachtoffer.', '2025-03-06T09:00:00Z')
                """)
            #expect(db.lastInsertedRowID > 41)
            #expect(throws: (any Error).self) { try db.execute(sql: "UPDATE timeline_event SET text = 'x' WHERE id = 41") }
            #expect(throws: (any Error).self) { try db.execute(sql: "DELETE FROM timeline_event WHERE id = 41") }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM timeline_fts WHERE timeline_fts MATCH 'cafe'") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM timeline_fts WHERE timeline_fts MATCH 'betrokkene'") == 1)
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'timeline_event' ORDER BY name")
            #expect(indexes == ["timeline_decision", "timeline_subject"])
        }
    }

    /// v11 gives every person already known the forms of the name the match offer compares, and
    /// the search over names.
    @Test func personsKnownBeforeTheMatchOfferCanBeOfferedAndFound() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v10-timeline-person-lines")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO person (pseudonym, initials, birth_year, given_name, family_name)
                VALUES ('P-00001', 'Ö. Y.', 1990, 'Ömer', 'Şahinöz'), ('P-00002', 'J.', NULL, '', '');
                """)
        }
        try Schema.migrator.migrate(queue)
        try queue.read { db in
            let keys = try Row.fetchAll(db, sql: "SELECT initials_key, family_key, merged_into FROM person ORDER BY id")
                .map { "\($0[0] as String)|\($0[1] as String)|\(($0[2] as Int64?).map(String.init) ?? "-")" }
            #expect(keys == ["oy|sahinoz|-", "j||-"])
            #expect(try Int64.fetchAll(db, sql: "SELECT rowid FROM person_fts WHERE person_fts MATCH 'sahinoz'") == [1])
            #expect(try Int64.fetchAll(db, sql: "SELECT rowid FROM person_fts WHERE person_fts MATCH 'omer'") == [1])
        }
    }

    /// v12 gives every record finished before retention clocks existed a clock from its timeline:
    /// the day (in Amsterdam) of the last step into the state it is in.
    @Test func recordsFinishedBeforeTheClocksGetOneFromTheirTimeline() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v11-persons-over-time")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO signal (id, code, received_at, source, reporter_type, municipality_id, description, workflow, state, created_at)
                VALUES (1, 'S2024-0001', '2024-03-04T09:00:00Z', 'telefoon', 'inwoner', 4, 'x', 'gemeentelijke-meldroute', 'afgesloten',
                        '2024-03-04T09:00:00Z'),
                       (2, 'S2024-0002', '2024-03-04T09:00:00Z', 'telefoon', 'inwoner', 4, 'x', 'gemeentelijke-meldroute', 'onderzoek',
                        '2024-03-04T09:00:00Z');
                INSERT INTO timeline_event (subject_type, subject_id, kind, to_state, text, occurred_at) VALUES
                    ('signal', 1, 'transition', 'afgesloten', 'Besluit: geen vervolg.', '2024-04-01T08:00:00Z'),
                    ('signal', 1, 'transition', 'onderzoek', 'Heropend.', '2024-05-01T08:00:00Z'),
                    ('signal', 1, 'transition', 'afgesloten', 'Besluit: geen vervolg.', '2024-06-30T23:30:00Z'),
                    ('signal', 2, 'transition', 'afgesloten', 'Besluit: geen vervolg.', '2024-04-01T08:00:00Z');
                """)
        }
        try Schema.migrator.migrate(queue)
        try queue.read { (db: Database) throws -> Void in
            // 23:30 UTC on 30 June is 1 July in Amsterdam; the open signal gets no clock.
            #expect(try Row.fetchAll(db, sql: "SELECT subject_id, state, started_on FROM retention_clock")
                .map { "\($0[0] as Int64) \($0[1] as String) \($0[2] as String)" } == ["1 afgesloten 2024-07-01"])
        }
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

    @Test func aVersionThreeDatabaseKeepsItsMeetingsItemsAndActions() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("v3.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: Self.migrations[2])
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO signal (code, received_at, source, reporter_type, municipality_id, workflow, state, created_at)
                VALUES ('S2025-0001', '2025-03-04T09:00:00Z', 'telefoon', 'inwoner', 4, 'gemeentelijke-meldroute', 'onderzoek',
                        '2025-03-04T09:00:00Z');
                INSERT INTO meeting (kind, municipality_id, title, starts_at, location, status)
                VALUES ('lokaal_ondermijningsoverleg', 4, 'LOO Enschede', '2025-04-01T08:00:00Z', 'Stadhuis', 'gehouden');
                INSERT INTO agenda_item (meeting_id, position, subject_type, subject_id, title) VALUES (1, 1, 'signal', 1, 'Bespreking');
                INSERT INTO agenda_item (meeting_id, position, title) VALUES (1, 2, 'Rondvraag');
                INSERT INTO action_item (meeting_id, subject_type, subject_id, description, due_date, created_at)
                VALUES (1, 'signal', 1, 'Bellen', '2025-04-08', '2025-04-01T10:00:00Z');
                """)
        }
        try queue.close()

        let store = try Store.open(path: path)
        try store.read { (db: Database) throws -> Void in
            let meeting = try #require(try Row.fetchOne(db, sql: "SELECT * FROM meeting"))
            #expect(meeting["status"] as String == "gehouden")
            #expect(meeting["workflow"] as String == "overleg")
            #expect(meeting["title"] as String == "LOO Enschede")
            #expect(meeting["length_minutes"] as Int == 90)
            #expect(try String.fetchAll(db, sql: "SELECT title FROM agenda_item ORDER BY position") == ["Bespreking", "Rondvraag"])
            #expect(try Int.fetchOne(db, sql: "SELECT meeting_id FROM action_item") == 1)
            // The item about the signal counts as discussed: it is not waiting for a table.
            let request = try #require(try Row.fetchOne(db, sql: "SELECT * FROM discussion_request"))
            #expect(request["agenda_item_id"] as Int64? == 1)
            #expect(request["kind"] as String == "lokaal_ondermijningsoverleg")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
        // The old status check is gone: every state of the workflow can be stored.
        let pool = try DatabasePool(path: path)
        try pool.write { db in try db.execute(sql: "UPDATE meeting SET status = 'verslag_vastgesteld'") }
    }
}
