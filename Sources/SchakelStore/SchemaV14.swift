import GRDB

/// Activities of deskundigheidsbevordering and preventie: trainings, voorlichting, lessons,
/// campaigns. No personal data but the login that registered one. The kind and the audience are
/// ids of `Resources/activiteiten/soorten.yaml` (data, so the store checks their shape only).
enum SchemaV14 {
    static let name = "v14-activities"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE activity (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 32),
                theme TEXT NOT NULL CHECK (theme IN ('algemeen', 'seksueel', 'arbeid', 'crimineel', 'orgaan')),
                audience TEXT NOT NULL CHECK (length(audience) BETWEEN 1 AND 32),
                -- NULL: for the whole region.
                municipality_id INTEGER REFERENCES municipality(id),
                held_on TEXT NOT NULL,
                given_by TEXT NOT NULL CHECK (given_by IN ('kmt', 'af', 'partner')),
                status TEXT NOT NULL CHECK (status IN ('gepland', 'gehouden', 'afgelast')),
                participants INTEGER CHECK (participants IS NULL OR participants >= 0),
                note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
                registered_by TEXT NOT NULL,
                registered_at TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE INDEX activity_date ON activity(held_on, status);
            """)
    }
}
