import GRDB
import SchakelCore

/// The database schema, as named, append-only migrations. Never edit a registered migration:
/// add a new one.
enum Schema {
    /// `PRAGMA application_id` of every Schakel database ('SCHK').
    static let applicationID: Int32 = 0x5343_484B

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-municipalities-users-signals") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "municipality") { t in
                t.primaryKey("id", .integer)
                t.column("name", .text).notNull().unique()
            }
            for municipality in Municipality.twente {
                try db.execute(sql: "INSERT INTO municipality (id, name) VALUES (?, ?)",
                               arguments: [municipality.id, municipality.name])
            }
            try db.create(table: "app_user") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("login", .text).notNull().unique()
                t.column("display_name", .text).notNull()
                t.column("role", .text).notNull()
                    .check(sql: "role IN ('af', 'procesmanager', 'zorgcoordinator', 'procesondersteuner', 'beheerder')")
                t.column("municipality_id", .integer).references("municipality")
                t.column("active", .boolean).notNull().defaults(to: true)
            }
            try db.create(table: "signal") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("code", .text).notNull().unique()
                // UTC, ISO 8601 with a Z: sorts as text in time order.
                t.column("received_at", .text).notNull()
                t.column("source", .text).notNull()
                t.column("reporter_type", .text).notNull()
                t.column("reporter_name", .text).notNull().defaults(to: "")
                t.column("reporter_organisation", .text).notNull().defaults(to: "")
                t.column("reporter_contact", .text).notNull().defaults(to: "")
                t.column("municipality_id", .integer).notNull().references("municipality")
                t.column("forms", .integer).notNull().defaults(to: 0)
                t.column("description", .text).notNull().defaults(to: "")
                t.column("location", .text).notNull().defaults(to: "")
                t.column("acute", .boolean).notNull().defaults(to: false)
                t.column("minor_involved", .boolean).notNull().defaults(to: false)
                t.column("workflow", .text).notNull()
                t.column("state", .text).notNull()
                t.column("created_at", .text).notNull()
                t.column("version", .integer).notNull().defaults(to: 1)
            }
            // The inbox pages by (received_at, id), per municipality for AFs and over the region for the KMT.
            try db.create(index: "signal_inbox_region", on: "signal", columns: ["received_at", "id"])
            try db.create(index: "signal_inbox_municipality", on: "signal", columns: ["municipality_id", "received_at", "id"])
            try db.create(table: "person") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("pseudonym", .text).notNull().unique()
                t.column("initials", .text).notNull()
                t.column("birth_year", .integer)
                t.column("given_name", .text).notNull().defaults(to: "")
                t.column("family_name", .text).notNull().defaults(to: "")
            }
            try db.create(table: "signal_person") { t in
                t.column("signal_id", .integer).notNull().references("signal", onDelete: .cascade)
                t.column("person_id", .integer).notNull().references("person")
                t.column("role", .text).notNull()
                t.primaryKey(["signal_id", "person_id", "role"])
            }
            try db.create(index: "signal_person_person", on: "signal_person", columns: ["person_id"])
        }
        migrator.registerMigration("v2-route-cases-meetings-partners-audit", migrate: SchemaV2.migrate)
        migrator.registerMigration("v3-code-number-indexes") { db in
            // The next code of a year is found from these, not by reading every signal or case.
            try db.execute(sql: """
                CREATE INDEX signal_code_number ON signal(substr(code, 1, 5), CAST(substr(code, 7) AS INTEGER));
                CREATE INDEX kmt_case_code_number ON kmt_case(substr(code, 1, 5), CAST(substr(code, 7) AS INTEGER));
                """)
        }
        migrator.registerMigration(SchemaV4.name, migrate: SchemaV4.migrate)
        migrator.registerMigration("v5-agenda-change-marks") { db in
            // Who changed a meeting or its agenda last, when and how: what a colleague whose save
            // came second is told.
            try db.execute(sql: """
                ALTER TABLE meeting ADD COLUMN changed_by INTEGER REFERENCES app_user(id);
                ALTER TABLE meeting ADD COLUMN changed_at TEXT;
                ALTER TABLE meeting ADD COLUMN change TEXT NOT NULL DEFAULT '';
                """)
        }
        migrator.registerMigration(SchemaV6.name, migrate: SchemaV6.migrate)
        migrator.registerMigration("v7-referral-contacts") { db in
            // A referral names the person it went to, and an organisation's referrals are listed by date.
            try db.execute(sql: """
                ALTER TABLE referral ADD COLUMN contact_id INTEGER REFERENCES partner_contact(id);
                CREATE INDEX referral_partner ON referral(partner_id, referred_at);
                """)
        }
        migrator.registerMigration("v8-figure-indexes") { db in
            // Tab 5 finds each signal's first decision without reading its other timeline lines, and
            // counts the region's signals by what they are without reading the signals themselves.
            // (`kind` is in the partial index as well, or SQLite reads each row to check it.)
            try db.execute(sql: """
                CREATE INDEX timeline_decision ON timeline_event(subject_type, subject_id, occurred_at, kind) WHERE kind = 'decision';
                CREATE INDEX signal_figures ON signal(received_at, municipality_id, source, reporter_type, state, acute, minor_involved, forms);
                """)
        }
        migrator.registerMigration("v9-case-origins") { db in
            // The zorgcoördinator sees the signals victim-track cases came from: found from the signal.
            try db.execute(sql: "CREATE INDEX kmt_case_signal ON kmt_case(signal_id, perpetrator_track)")
        }
        migrator.registerMigration(SchemaV10.name, migrate: SchemaV10.migrate)
        migrator.registerMigration(SchemaV11.name, migrate: SchemaV11.migrate)
        migrator.registerMigration(SchemaV12.name, migrate: SchemaV12.migrate)
        migrator.registerMigration(SchemaV13.name, migrate: SchemaV13.migrate)
        migrator.registerMigration(SchemaV14.name, migrate: SchemaV14.migrate)
        migrator.registerMigration(SchemaV15.name, migrate: SchemaV15.migrate)
        return migrator
    }
}
