import GRDB

/// Advies en consult: a professional's question to the KMT or an AF, the advice given, and what came
/// of it. Who asked is kept by kind and organisation (a name only when a call back needs it); the
/// people it is about are never named. Its history is its own, append-only: a consult is not a
/// signal, and needs no timeline, persons or agenda. A consult turned into a signal names it
/// (`signal_id`, once), and the signal's first timeline line names the consult.
enum SchemaV15 {
    static let name = "v15-consults"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE consult (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                code TEXT NOT NULL UNIQUE,
                asked_at TEXT NOT NULL,
                asker_kind TEXT NOT NULL CHECK (asker_kind IN ('school', 'huisarts', 'wijkteam', 'jeugdzorg', 'zorg', 'politie',
                                                               'gemeente', 'werkgever', 'anders')),
                asker_organisation TEXT NOT NULL CHECK (length(asker_organisation) BETWEEN 1 AND 200),
                asker_name TEXT NOT NULL DEFAULT '' CHECK (length(asker_name) <= 100),
                municipality_id INTEGER NOT NULL REFERENCES municipality(id),
                forms INTEGER NOT NULL DEFAULT 0,
                question TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 4000),
                advice TEXT NOT NULL DEFAULT '' CHECK (length(advice) <= 4000),
                outcome TEXT CHECK (outcome IS NULL OR outcome IN ('geen_vervolg', 'doorverwezen', 'signaal')),
                referred_to TEXT NOT NULL DEFAULT '' CHECK (length(referred_to) <= 200),
                partner_id INTEGER REFERENCES partner(id),
                signal_id INTEGER UNIQUE REFERENCES signal(id),
                workflow TEXT NOT NULL,
                state TEXT NOT NULL,
                state_data TEXT NOT NULL DEFAULT '{}',
                -- The day its retention period began (closed, or turned into a signal); NULL while open.
                closed_on TEXT,
                created_by INTEGER REFERENCES app_user(id),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE INDEX consult_code_number ON consult(substr(code, 1, 5), CAST(substr(code, 7) AS INTEGER));
            CREATE INDEX consult_place ON consult(municipality_id, asked_at);
            CREATE INDEX consult_figures ON consult(asked_at, municipality_id, asker_kind, forms, outcome);

            CREATE TABLE consult_step (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                consult_id INTEGER NOT NULL REFERENCES consult(id),
                workflow_event TEXT,
                from_state TEXT,
                to_state TEXT,
                text TEXT NOT NULL,
                author_id INTEGER REFERENCES app_user(id),
                occurred_at TEXT NOT NULL
            );
            CREATE INDEX consult_step_consult ON consult_step(consult_id, id);
            CREATE TRIGGER consult_step_no_update BEFORE UPDATE ON consult_step
                BEGIN SELECT RAISE(ABORT, 'de geschiedenis van een consult kan niet worden gewijzigd'); END;
            CREATE TRIGGER consult_step_no_delete BEFORE DELETE ON consult_step
                BEGIN SELECT RAISE(ABORT, 'de geschiedenis van een consult kan niet worden gewist'); END;
            """)
    }
}
