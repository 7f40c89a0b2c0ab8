import GRDB

/// Retention clocks: the day a signal's or case's route reached a state with the effect
/// `bewaartermijn_starten`, in which workflow and state (the rules file says for how long), and
/// the day `bewaartermijn_stoppen` stopped it. Records finished before clocks existed get one from
/// their timeline: the last step into the state they are in, for the shipped workflows' finished
/// states (`afgesloten`, `doorgezet` of the meldroute; `afgesloten` of the KMT's process).
enum SchemaV12 {
    static let name = "v12-retention-clocks"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE retention_clock (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                subject_type TEXT NOT NULL CHECK (subject_type IN ('signal', 'case')),
                subject_id INTEGER NOT NULL,
                workflow TEXT NOT NULL,
                state TEXT NOT NULL,
                started_on TEXT NOT NULL,
                stopped_on TEXT
            );
            CREATE INDEX retention_clock_subject ON retention_clock(subject_type, subject_id);
            """)
        let finished = try Row.fetchAll(db, sql: """
            SELECT 'signal' AS type, s.id, s.workflow, s.state,
                   (SELECT max(t.occurred_at) FROM timeline_event t
                    WHERE t.subject_type = 'signal' AND t.subject_id = s.id AND t.to_state = s.state) AS reached
            FROM signal s WHERE s.workflow = 'gemeentelijke-meldroute' AND s.state IN ('afgesloten', 'doorgezet')
            UNION ALL
            SELECT 'case', c.id, c.workflow, c.state,
                   (SELECT max(t.occurred_at) FROM timeline_event t
                    WHERE t.subject_type = 'case' AND t.subject_id = c.id AND t.to_state = c.state)
            FROM kmt_case c WHERE c.workflow = 'kmt-werkproces' AND c.state = 'afgesloten'
            """)
        for row in finished {
            guard let reached: String = row["reached"], let day = AmsterdamTime.localTime(fromUTC: reached)?.date else { continue }
            try db.execute(sql: """
                INSERT INTO retention_clock (subject_type, subject_id, workflow, state, started_on) VALUES (?, ?, ?, ?, ?)
                """, arguments: [row["type"] as String, row["id"] as Int64, row["workflow"] as String, row["state"] as String, day.iso])
        }
    }
}
