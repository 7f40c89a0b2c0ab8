import GRDB

/// The second migration: the route's recorded data, KMT cases, the append-only timeline, meetings,
/// partners, referrals, drafts, saved filters, full-text search and the hash-chained audit log.
enum SchemaV2 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            -- What the workflow engine needs besides the state: values recorded per event (JSON).
            ALTER TABLE signal ADD COLUMN state_data TEXT NOT NULL DEFAULT '{}';
            ALTER TABLE signal ADD COLUMN created_by INTEGER REFERENCES app_user(id);
            ALTER TABLE signal ADD COLUMN updated_at TEXT;

            CREATE TABLE kmt_case (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                code TEXT NOT NULL UNIQUE,
                signal_id INTEGER REFERENCES signal(id),
                municipality_id INTEGER NOT NULL REFERENCES municipality(id),
                received_at TEXT NOT NULL,
                forms INTEGER NOT NULL DEFAULT 0,
                summary TEXT NOT NULL DEFAULT '',
                -- Perpetrator-approach cases belong to the dadertafel: procesmanagers only.
                perpetrator_track BOOLEAN NOT NULL DEFAULT 0,
                crisis BOOLEAN NOT NULL DEFAULT 0,
                workflow TEXT NOT NULL,
                state TEXT NOT NULL,
                state_data TEXT NOT NULL DEFAULT '{}',
                process_manager_id INTEGER REFERENCES app_user(id),
                created_at TEXT NOT NULL,
                updated_at TEXT,
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE INDEX kmt_case_list ON kmt_case(received_at, id);
            CREATE INDEX kmt_case_municipality ON kmt_case(municipality_id, received_at, id);

            CREATE TABLE case_person (
                case_id INTEGER NOT NULL REFERENCES kmt_case(id),
                person_id INTEGER NOT NULL REFERENCES person(id),
                role TEXT NOT NULL,
                PRIMARY KEY (case_id, person_id, role)
            );
            CREATE INDEX case_person_person ON case_person(person_id);

            -- Append-only: what happened to a signal or case, in order.
            CREATE TABLE timeline_event (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                subject_type TEXT NOT NULL CHECK (subject_type IN ('signal', 'case')),
                subject_id INTEGER NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('received', 'transition', 'note', 'contact', 'referral',
                                                   'meeting', 'decision', 'action')),
                workflow_event TEXT,
                from_state TEXT,
                to_state TEXT,
                text TEXT NOT NULL,
                data TEXT NOT NULL DEFAULT '{}',
                author_id INTEGER REFERENCES app_user(id),
                occurred_at TEXT NOT NULL
            );
            CREATE INDEX timeline_subject ON timeline_event(subject_type, subject_id, occurred_at, id);
            CREATE TRIGGER timeline_event_no_update BEFORE UPDATE ON timeline_event
                BEGIN SELECT RAISE(ABORT, 'de tijdlijn kan niet worden gewijzigd'); END;
            CREATE TRIGGER timeline_event_no_delete BEFORE DELETE ON timeline_event
                BEGIN SELECT RAISE(ABORT, 'de tijdlijn kan niet worden gewist'); END;

            CREATE TABLE meeting (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL CHECK (kind IN ('casustafel', 'dadertafel', 'lokaal_ondermijningsoverleg',
                                                   'integraal_casusoverleg', 'themagroep', 'werkoverleg_af')),
                municipality_id INTEGER REFERENCES municipality(id),
                title TEXT NOT NULL,
                starts_at TEXT NOT NULL,
                location TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT 'gepland' CHECK (status IN ('gepland', 'gehouden', 'vervallen')),
                minutes TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE INDEX meeting_list ON meeting(starts_at, id);

            CREATE TABLE agenda_item (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                meeting_id INTEGER NOT NULL REFERENCES meeting(id),
                position INTEGER NOT NULL,
                subject_type TEXT CHECK (subject_type IN ('signal', 'case')),
                subject_id INTEGER,
                title TEXT NOT NULL,
                notes TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL DEFAULT 1,
                UNIQUE (meeting_id, position)
            );

            CREATE TABLE action_item (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                meeting_id INTEGER REFERENCES meeting(id),
                subject_type TEXT CHECK (subject_type IN ('signal', 'case')),
                subject_id INTEGER,
                description TEXT NOT NULL,
                owner TEXT NOT NULL DEFAULT '',
                -- Every agreement has a date by which it is done (JJJJ-MM-DD).
                due_date TEXT NOT NULL,
                done_at TEXT,
                created_at TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1
            );
            -- Open actions by due date; done ones drop out of the index's interesting range.
            CREATE INDEX action_item_due ON action_item(done_at, due_date, id);

            CREATE TABLE partner (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL DEFAULT '',
                description TEXT NOT NULL DEFAULT '',
                phone TEXT NOT NULL DEFAULT '',
                email TEXT NOT NULL DEFAULT '',
                website TEXT NOT NULL DEFAULT '',
                address TEXT NOT NULL DEFAULT '',
                forms INTEGER NOT NULL DEFAULT 0,
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE TABLE partner_contact (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                partner_id INTEGER NOT NULL REFERENCES partner(id),
                name TEXT NOT NULL,
                role TEXT NOT NULL DEFAULT '',
                phone TEXT NOT NULL DEFAULT '',
                email TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL DEFAULT 1
            );

            CREATE TABLE referral (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                subject_type TEXT NOT NULL CHECK (subject_type IN ('signal', 'case')),
                subject_id INTEGER NOT NULL,
                partner_id INTEGER NOT NULL REFERENCES partner(id),
                referred_at TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT 'verwezen',
                author_id INTEGER REFERENCES app_user(id),
                version INTEGER NOT NULL DEFAULT 1
            );

            -- A form in progress, saved on every change; one per user, kind and subject.
            CREATE TABLE draft (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                user_id INTEGER NOT NULL REFERENCES app_user(id),
                kind TEXT NOT NULL,
                subject_key TEXT NOT NULL DEFAULT '',
                payload TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (user_id, kind, subject_key)
            );

            CREATE TABLE saved_filter (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                owner_id INTEGER NOT NULL REFERENCES app_user(id),
                name TEXT NOT NULL,
                definition TEXT NOT NULL,
                shared BOOLEAN NOT NULL DEFAULT 0,
                UNIQUE (owner_id, name)
            );

            -- Full-text search, Dutch diacritics folded (ç = c, ë = e), kept in sync by triggers.
            CREATE VIRTUAL TABLE signal_fts USING fts5(description, location, content='signal', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2');
            CREATE TRIGGER signal_fts_insert AFTER INSERT ON signal BEGIN
                INSERT INTO signal_fts(rowid, description, location) VALUES (new.id, new.description, new.location);
            END;
            CREATE TRIGGER signal_fts_delete AFTER DELETE ON signal BEGIN
                INSERT INTO signal_fts(signal_fts, rowid, description, location)
                    VALUES ('delete', old.id, old.description, old.location);
            END;
            CREATE TRIGGER signal_fts_update AFTER UPDATE OF description, location ON signal BEGIN
                INSERT INTO signal_fts(signal_fts, rowid, description, location)
                    VALUES ('delete', old.id, old.description, old.location);
                INSERT INTO signal_fts(rowid, description, location) VALUES (new.id, new.description, new.location);
            END;
            INSERT INTO signal_fts(signal_fts) VALUES ('rebuild');

            CREATE VIRTUAL TABLE timeline_fts USING fts5(text, content='timeline_event', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2');
            CREATE TRIGGER timeline_fts_insert AFTER INSERT ON timeline_event BEGIN
                INSERT INTO timeline_fts(rowid, text) VALUES (new.id, new.text);
            END;

            CREATE VIRTUAL TABLE partner_fts USING fts5(name, kind, description, content='partner', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2');
            CREATE TRIGGER partner_fts_insert AFTER INSERT ON partner BEGIN
                INSERT INTO partner_fts(rowid, name, kind, description) VALUES (new.id, new.name, new.kind, new.description);
            END;
            CREATE TRIGGER partner_fts_delete AFTER DELETE ON partner BEGIN
                INSERT INTO partner_fts(partner_fts, rowid, name, kind, description)
                    VALUES ('delete', old.id, old.name, old.kind, old.description);
            END;
            CREATE TRIGGER partner_fts_update AFTER UPDATE OF name, kind, description ON partner BEGIN
                INSERT INTO partner_fts(partner_fts, rowid, name, kind, description)
                    VALUES ('delete', old.id, old.name, old.kind, old.description);
                INSERT INTO partner_fts(rowid, name, kind, description) VALUES (new.id, new.name, new.kind, new.description);
            END;
            """)
        // Signals received before the timeline existed get their "received" line now.
        try db.execute(sql: """
            INSERT INTO timeline_event (subject_type, subject_id, kind, to_state, text, occurred_at)
            SELECT 'signal', id, 'received', state, 'Signaal ontvangen.', received_at FROM signal ORDER BY received_at, id
            """)
        try AuditSchema.create(db)
    }
}
