import GRDB

/// Destruction lists: what a beheerder proposed and a procesmanager approved, per record with
/// the retention clock it was due under and its fate. The timeline takes the tombstone line
/// ('destruction') — SQLite cannot change a check, so the table is built anew as v10 did — and its
/// append-only trigger lets one change through: the text and data of the lines of a record that is
/// being destroyed, named in `destruction_gate` for the length of that record's transaction.
enum SchemaV13 {
    static let name = "v13-destruction"

    static let kinds = SchemaV10.kinds + ["destruction"]

    static func migrate(_ db: Database) throws {
        let kindList = kinds.map { "'\($0)'" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE destruction_list (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                status TEXT NOT NULL CHECK (status IN ('voorgesteld', 'goedgekeurd', 'vervangen')),
                proposed_by TEXT NOT NULL,
                proposed_on TEXT NOT NULL,
                approved_by TEXT,
                approved_on TEXT,
                -- The periods the list was made under (`Store.fingerprint(of:)`).
                rules TEXT NOT NULL
            );
            CREATE TABLE destruction_item (
                list_id INTEGER NOT NULL REFERENCES destruction_list(id),
                subject_type TEXT NOT NULL CHECK (subject_type IN ('signal', 'case', 'meeting')),
                subject_id INTEGER NOT NULL,
                -- The clock it was due under (none for a meeting's minutes).
                clock_id INTEGER REFERENCES retention_clock(id),
                code TEXT NOT NULL,
                closed_on TEXT NOT NULL,
                -- The rule it was due under, as the list showed it.
                outcome TEXT NOT NULL,
                rule_label TEXT NOT NULL,
                months INTEGER NOT NULL,
                destroyed_on TEXT,
                dropped_reason TEXT,
                PRIMARY KEY (list_id, subject_type, subject_id)
            );
            CREATE INDEX destruction_item_subject ON destruction_item(subject_type, subject_id);

            CREATE TABLE destruction_gate (
                subject_type TEXT NOT NULL,
                subject_id INTEGER NOT NULL,
                PRIMARY KEY (subject_type, subject_id)
            ) WITHOUT ROWID;

            CREATE TABLE timeline_event_v13 (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                subject_type TEXT NOT NULL CHECK (subject_type IN ('signal', 'case')),
                subject_id INTEGER NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN (\(kindList))),
                workflow_event TEXT,
                from_state TEXT,
                to_state TEXT,
                text TEXT NOT NULL,
                data TEXT NOT NULL DEFAULT '{}',
                author_id INTEGER REFERENCES app_user(id),
                occurred_at TEXT NOT NULL
            );
            INSERT INTO timeline_event_v13 (id, subject_type, subject_id, kind, workflow_event, from_state, to_state, text, data,
                                            author_id, occurred_at)
                SELECT id, subject_type, subject_id, kind, workflow_event, from_state, to_state, text, data, author_id, occurred_at
                FROM timeline_event;
            DROP TRIGGER timeline_event_no_delete;
            DROP TABLE timeline_event;
            ALTER TABLE timeline_event_v13 RENAME TO timeline_event;
            CREATE INDEX timeline_subject ON timeline_event(subject_type, subject_id, occurred_at, id);
            CREATE INDEX timeline_decision ON timeline_event(subject_type, subject_id, occurred_at, kind) WHERE kind = 'decision';
            CREATE TRIGGER timeline_event_no_update BEFORE UPDATE ON timeline_event
                WHEN NOT EXISTS (SELECT 1 FROM destruction_gate g WHERE g.subject_type = old.subject_type AND g.subject_id = old.subject_id)
                    OR new.id IS NOT old.id OR new.subject_type IS NOT old.subject_type OR new.subject_id IS NOT old.subject_id
                    OR new.kind IS NOT old.kind OR new.workflow_event IS NOT old.workflow_event OR new.from_state IS NOT old.from_state
                    OR new.to_state IS NOT old.to_state OR new.author_id IS NOT old.author_id OR new.occurred_at IS NOT old.occurred_at
                BEGIN SELECT RAISE(ABORT, 'de tijdlijn kan niet worden gewijzigd'); END;
            CREATE TRIGGER timeline_event_no_delete BEFORE DELETE ON timeline_event
                BEGIN SELECT RAISE(ABORT, 'de tijdlijn kan niet worden gewist'); END;
            CREATE TRIGGER timeline_fts_insert AFTER INSERT ON timeline_event BEGIN
                INSERT INTO timeline_fts(rowid, text) VALUES (new.id, new.text);
            END;
            """)
    }
}
