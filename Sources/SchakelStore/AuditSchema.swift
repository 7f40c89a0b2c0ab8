import GRDB

/// The audit log: one row per access, each carrying the SHA-256 of its content and of the row
/// before it. Triggers refuse UPDATE and DELETE; a one-row seal remembers the last entry, so that a
/// cut-off tail is noticed too.
enum AuditSchema {
    /// The hash the first entry chains to.
    static let genesisHash = String(repeating: "0", count: 64)

    /// The triggers whose absence is itself a sign of tampering.
    static let protectiveTriggers = [
        "audit_log_no_update", "audit_log_no_delete", "audit_log_seal", "audit_seal_forward_only", "audit_seal_no_delete",
        "timeline_event_no_update", "timeline_event_no_delete",
    ]

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                on_behalf_of TEXT NOT NULL DEFAULT '',
                action TEXT NOT NULL,
                object_type TEXT NOT NULL DEFAULT '',
                object_id TEXT NOT NULL DEFAULT '',
                result TEXT NOT NULL,
                origin TEXT NOT NULL DEFAULT '',
                detail TEXT NOT NULL DEFAULT '',
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'het auditlog kan niet worden gewijzigd'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'het auditlog kan niet worden gewist'); END;

            CREATE TABLE audit_seal (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                last_id INTEGER NOT NULL,
                last_hash TEXT NOT NULL
            );
            INSERT INTO audit_seal (id, last_id, last_hash) VALUES (1, 0, '\(genesisHash)');
            CREATE TRIGGER audit_log_seal AFTER INSERT ON audit_log
                BEGIN UPDATE audit_seal SET last_id = new.id, last_hash = new.hash; END;
            CREATE TRIGGER audit_seal_forward_only BEFORE UPDATE ON audit_seal WHEN new.last_id <= old.last_id
                BEGIN SELECT RAISE(ABORT, 'het zegel van het auditlog kan alleen vooruit'); END;
            CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal
                BEGIN SELECT RAISE(ABORT, 'het zegel van het auditlog kan niet worden gewist'); END;
            """)
    }
}
