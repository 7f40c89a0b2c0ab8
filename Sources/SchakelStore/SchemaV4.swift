import GRDB

/// The fourth migration: meetings follow the `overleg` workflow and come from series; agendas get
/// what a table needs (question, bringing organisation, minutes allotted, standing items, minutes
/// per item, who is invited to what); signals and cases wait for a table in `discussion_request`.
enum SchemaV4 {
    static let name = "v4-meeting-series-agenda-minutes"

    static func migrate(_ db: Database) throws {
        // The status check of v2 knew three states; the workflow file now names them, so the table
        // is rebuilt without it (SQLite cannot drop a CHECK). Foreign keys are off while migrating.
        try db.execute(sql: """
            CREATE TABLE meeting_new (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL CHECK (kind IN ('casustafel', 'dadertafel', 'lokaal_ondermijningsoverleg',
                                                   'integraal_casusoverleg', 'themagroep', 'werkoverleg_af')),
                municipality_id INTEGER REFERENCES municipality(id),
                title TEXT NOT NULL,
                starts_at TEXT NOT NULL,
                length_minutes INTEGER NOT NULL DEFAULT 90 CHECK (length_minutes BETWEEN 15 AND 600),
                location TEXT NOT NULL DEFAULT '',
                chair TEXT NOT NULL DEFAULT '',
                organiser TEXT NOT NULL DEFAULT '',
                -- The series it was planned from, and which of its meetings it is: planning twice adds nothing.
                series TEXT,
                occurrence TEXT UNIQUE,
                -- The state in the `overleg` workflow, and the data its steps recorded.
                workflow TEXT NOT NULL DEFAULT 'overleg',
                status TEXT NOT NULL DEFAULT 'gepland',
                state_data TEXT NOT NULL DEFAULT '{}',
                minutes TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL DEFAULT 1,
                -- RFC 5545 SEQUENCE: rises whenever what a calendar shows of the meeting changes.
                calendar_sequence INTEGER NOT NULL DEFAULT 0
            );
            INSERT INTO meeting_new (id, kind, municipality_id, title, starts_at, location, status, minutes, version)
                SELECT id, kind, municipality_id, title, starts_at, location, status, minutes, version FROM meeting;
            DROP TABLE meeting;
            ALTER TABLE meeting_new RENAME TO meeting;
            CREATE INDEX meeting_list ON meeting(starts_at, id);
            CREATE INDEX meeting_next ON meeting(kind, status, starts_at);

            -- Who is invited to a meeting: organisations by name, as the partner directory names them.
            CREATE TABLE meeting_invitee (
                meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                organisation TEXT NOT NULL,
                PRIMARY KEY (meeting_id, organisation)
            ) WITHOUT ROWID;

            ALTER TABLE agenda_item ADD COLUMN question TEXT NOT NULL DEFAULT '';
            ALTER TABLE agenda_item ADD COLUMN brought_by TEXT NOT NULL DEFAULT '';
            ALTER TABLE agenda_item ADD COLUMN minutes_allotted INTEGER NOT NULL DEFAULT 10;
            ALTER TABLE agenda_item ADD COLUMN standing INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE agenda_item ADD COLUMN summary TEXT NOT NULL DEFAULT '';
            ALTER TABLE agenda_item ADD COLUMN decisions TEXT NOT NULL DEFAULT '';

            -- Besides the organisation that brings it, who else is invited to an item (for their agenda).
            CREATE TABLE agenda_item_invitee (
                agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
                organisation TEXT NOT NULL,
                PRIMARY KEY (agenda_item_id, organisation)
            ) WITHOUT ROWID;

            ALTER TABLE action_item ADD COLUMN agenda_item_id INTEGER REFERENCES agenda_item(id);

            -- A signal or case that must go to a table of a kind: waiting while agenda_item_id is empty.
            CREATE TABLE discussion_request (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                subject_type TEXT NOT NULL CHECK (subject_type IN ('signal', 'case')),
                subject_id INTEGER NOT NULL,
                kind TEXT NOT NULL,
                municipality_id INTEGER REFERENCES municipality(id),
                reason TEXT NOT NULL DEFAULT '',
                requested_at TEXT NOT NULL,
                requested_by INTEGER REFERENCES app_user(id),
                agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL
            );
            CREATE INDEX discussion_request_waiting ON discussion_request(kind, agenda_item_id, requested_at, id);
            CREATE INDEX discussion_request_subject ON discussion_request(subject_type, subject_id);
            CREATE INDEX discussion_request_item ON discussion_request(agenda_item_id);
            """)
        // Meetings already on the agenda keep their items: each subject item counts as discussed.
        try db.execute(sql: """
            INSERT INTO discussion_request (subject_type, subject_id, kind, municipality_id, requested_at, agenda_item_id)
            SELECT a.subject_type, a.subject_id, g.kind, g.municipality_id, g.starts_at, a.id
            FROM agenda_item a JOIN meeting g ON g.id = a.meeting_id WHERE a.subject_type IS NOT NULL
            """)
    }
}
