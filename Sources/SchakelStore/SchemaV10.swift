import GRDB

/// The timeline takes lines about persons ("Betrokkene toegevoegd: P-00412, slachtoffer"): its
/// `kind` check gains 'person'. SQLite cannot change a check, so the table is built anew with every
/// line, id and time kept, and its indexes, its append-only triggers and its search trigger again.
enum SchemaV10 {
    static let name = "v10-timeline-person-lines"

    static let kinds = ["received", "transition", "note", "contact", "referral", "meeting", "decision", "action", "person"]

    static func migrate(_ db: Database) throws {
        let kindList = kinds.map { "'\($0)'" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE timeline_event_v10 (
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
            INSERT INTO timeline_event_v10 (id, subject_type, subject_id, kind, workflow_event, from_state, to_state, text, data,
                                            author_id, occurred_at)
                SELECT id, subject_type, subject_id, kind, workflow_event, from_state, to_state, text, data, author_id, occurred_at
                FROM timeline_event;
            DROP TRIGGER timeline_event_no_delete;
            DROP TABLE timeline_event;
            ALTER TABLE timeline_event_v10 RENAME TO timeline_event;
            CREATE INDEX timeline_subject ON timeline_event(subject_type, subject_id, occurred_at, id);
            CREATE INDEX timeline_decision ON timeline_event(subject_type, subject_id, occurred_at, kind) WHERE kind = 'decision';
            CREATE TRIGGER timeline_event_no_update BEFORE UPDATE ON timeline_event
                BEGIN SELECT RAISE(ABORT, 'de tijdlijn kan niet worden gewijzigd'); END;
            CREATE TRIGGER timeline_event_no_delete BEFORE DELETE ON timeline_event
                BEGIN SELECT RAISE(ABORT, 'de tijdlijn kan niet worden gewist'); END;
            CREATE TRIGGER timeline_fts_insert AFTER INSERT ON timeline_event BEGIN
                INSERT INTO timeline_fts(rowid, text) VALUES (new.id, new.text);
            END;
            """)
    }
}
