import GRDB

/// The sixth migration: the sociale kaart gets what officers look organisations up by (short
/// name, domains, target groups, area, crisis line) and what keeps it trusted (who checked it
/// when, archiving, which entries came from the shipped directory and which were changed here).
enum SchemaV6 {
    static let name = "v6-social-map"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE partner ADD COLUMN short_name TEXT NOT NULL DEFAULT '';
            ALTER TABLE partner ADD COLUMN domains INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE partner ADD COLUMN target_groups INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE partner ADD COLUMN area TEXT NOT NULL DEFAULT 'twente';
            ALTER TABLE partner ADD COLUMN opening_hours TEXT NOT NULL DEFAULT '';
            ALTER TABLE partner ADD COLUMN crisis_line TEXT NOT NULL DEFAULT '';
            ALTER TABLE partner ADD COLUMN crisis_24_7 INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE partner ADD COLUMN verified_on TEXT;
            ALTER TABLE partner ADD COLUMN verified_by TEXT NOT NULL DEFAULT '';
            ALTER TABLE partner ADD COLUMN archived_at TEXT;
            ALTER TABLE partner ADD COLUMN shipped_key TEXT;
            ALTER TABLE partner ADD COLUMN locally_edited INTEGER NOT NULL DEFAULT 0;
            CREATE UNIQUE INDEX partner_shipped_key ON partner(shipped_key) WHERE shipped_key IS NOT NULL;
            -- The list is in name order, capitals or not, and leaves archived organisations out.
            CREATE INDEX partner_list ON partner(archived_at, name COLLATE NOCASE, id);

            ALTER TABLE partner_contact ADD COLUMN verified_on TEXT;
            ALTER TABLE partner_contact ADD COLUMN verified_by TEXT NOT NULL DEFAULT '';
            ALTER TABLE partner_contact ADD COLUMN is_fictional INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE partner_contact ADD COLUMN archived_at TEXT;
            CREATE INDEX partner_contact_partner ON partner_contact(partner_id);

            -- Typed filtering covers the short name and what they offer too.
            DROP TRIGGER partner_fts_insert;
            DROP TRIGGER partner_fts_delete;
            DROP TRIGGER partner_fts_update;
            DROP TABLE partner_fts;
            CREATE VIRTUAL TABLE partner_fts USING fts5(name, short_name, kind, description, content='partner', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2');
            CREATE TRIGGER partner_fts_insert AFTER INSERT ON partner BEGIN
                INSERT INTO partner_fts(rowid, name, short_name, kind, description)
                    VALUES (new.id, new.name, new.short_name, new.kind, new.description);
            END;
            CREATE TRIGGER partner_fts_delete AFTER DELETE ON partner BEGIN
                INSERT INTO partner_fts(partner_fts, rowid, name, short_name, kind, description)
                    VALUES ('delete', old.id, old.name, old.short_name, old.kind, old.description);
            END;
            CREATE TRIGGER partner_fts_update AFTER UPDATE OF name, short_name, kind, description ON partner BEGIN
                INSERT INTO partner_fts(partner_fts, rowid, name, short_name, kind, description)
                    VALUES ('delete', old.id, old.name, old.short_name, old.kind, old.description);
                INSERT INTO partner_fts(rowid, name, short_name, kind, description)
                    VALUES (new.id, new.name, new.short_name, new.kind, new.description);
            END;
            INSERT INTO partner_fts(partner_fts) VALUES ('rebuild');
            """)
    }
}
