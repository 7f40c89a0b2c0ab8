import GRDB
import SchakelCore

/// One person, one code: the forms of a name the match offer compares (kept beside the name, as
/// `PersonNameKey` makes them), the tombstone of a code merged into another (`merged_into`), the
/// merges themselves (with the links they moved, so that one can be undone), and the search over
/// persons' names, diacritics folded as the other searches fold them.
enum SchemaV11 {
    static let name = "v11-persons-over-time"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE person ADD COLUMN family_key TEXT NOT NULL DEFAULT '';
            ALTER TABLE person ADD COLUMN initials_key TEXT NOT NULL DEFAULT '';
            ALTER TABLE person ADD COLUMN merged_into INTEGER REFERENCES person(id);

            CREATE TABLE person_merge (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                survivor_id INTEGER NOT NULL REFERENCES person(id),
                absorbed_id INTEGER NOT NULL REFERENCES person(id),
                reason TEXT NOT NULL,
                merged_by INTEGER REFERENCES app_user(id),
                merged_at TEXT NOT NULL,
                undone_at TEXT
            );
            CREATE INDEX person_merge_survivor ON person_merge(survivor_id);
            -- The links as a merge found them: the absorbed person's, moved to the survivor (and whether
            -- the survivor already had that one), and the survivor's own. Undoing puts them back, as
            -- long as the survivor's links are still exactly these.
            CREATE TABLE person_merge_link (
                merge_id INTEGER NOT NULL REFERENCES person_merge(id),
                side TEXT NOT NULL CHECK (side IN ('moved', 'kept')),
                subject_type TEXT NOT NULL CHECK (subject_type IN ('signal', 'case')),
                subject_id INTEGER NOT NULL,
                role TEXT NOT NULL,
                already_there BOOLEAN NOT NULL DEFAULT 0
            );
            CREATE INDEX person_merge_link_merge ON person_merge_link(merge_id);
            CREATE INDEX case_person_case ON case_person(case_id);

            CREATE VIRTUAL TABLE person_fts USING fts5(given_name, family_name, content='person', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2');
            CREATE TRIGGER person_fts_insert AFTER INSERT ON person BEGIN
                INSERT INTO person_fts(rowid, given_name, family_name) VALUES (new.id, new.given_name, new.family_name);
            END;
            CREATE TRIGGER person_fts_delete AFTER DELETE ON person BEGIN
                INSERT INTO person_fts(person_fts, rowid, given_name, family_name)
                    VALUES ('delete', old.id, old.given_name, old.family_name);
            END;
            CREATE TRIGGER person_fts_update AFTER UPDATE OF given_name, family_name ON person BEGIN
                INSERT INTO person_fts(person_fts, rowid, given_name, family_name)
                    VALUES ('delete', old.id, old.given_name, old.family_name);
                INSERT INTO person_fts(rowid, given_name, family_name) VALUES (new.id, new.given_name, new.family_name);
            END;
            INSERT INTO person_fts(person_fts) VALUES ('rebuild');
            """)
        let update = try db.makeStatement(sql: "UPDATE person SET family_key = ?, initials_key = ? WHERE id = ?")
        for row in try Row.fetchAll(db, sql: "SELECT id, initials, family_name FROM person") {
            try update.execute(arguments: [PersonNameKey.family(row["family_name"]), PersonNameKey.initials(row["initials"]), row["id"] as Int64])
        }
        try db.execute(sql: """
            CREATE INDEX person_family_key ON person(family_key) WHERE family_key <> '';
            CREATE INDEX person_initials_year ON person(initials_key, birth_year) WHERE birth_year IS NOT NULL;
            """)
    }
}
