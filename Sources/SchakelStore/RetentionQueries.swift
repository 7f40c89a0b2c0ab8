import Crypto
import Foundation
import GRDB
import Meldroute
import SchakelCore

/// What has passed its retention period, and the beheerder's confirmation that the periods are the
/// ones the privacy officer set.
extension Store {
    static let retentionConfirmationSetting = "retention_rules_confirmed"

    /// The records whose period under `rules` has passed on `today`, oldest first: signals and
    /// cases by their running clock, the minutes of meetings held. A signal that became a KMT case
    /// waits for its case: it is listed only when the case is due as well. For a beheerder or a
    /// procesmanager (the two who propose and approve a destruction); audited, refused otherwise.
    public func retentionDue(under rules: RetentionRules, today: CivilDate, for user: User) throws(StoreFailure) -> [RetentionDue] {
        guard AccessPolicy.canKeepRetention(user) else {
            try audit(AuditRecord(.list, "retention", result: .denied, detail: "vernietigingslijst"), by: user)
            throw .noAccess
        }
        return try audited(by: user) { db in
            let due = try Self.dueRecords(under: rules, today: today, in: db)
            return (due, AuditRecord(.list, "retention", detail: "vernietigingslijst, \(due.count) regels"))
        }
    }

    static func dueRecords(under rules: RetentionRules, today: CivilDate, in db: Database) throws -> [RetentionDue] {
        try dueEntries(under: rules, today: today, in: db).map(\.due)
    }

    /// A record that is due, with the clock it is due under (none for a meeting's minutes).
    struct DueEntry {
        let due: RetentionDue
        let clockID: Int64?
    }

    /// What is due, leaving out what was destroyed already: a clock destroyed under, a meeting's
    /// minutes destroyed.
    static func dueEntries(under rules: RetentionRules, today: CivilDate, in db: Database) throws -> [DueEntry] {
        var due: [DueEntry] = []
        let clocks = try Row.fetchAll(db, sql: """
            SELECT r.id AS clock, r.subject_type, r.subject_id, r.workflow, r.state, r.started_on, coalesce(s.code, c.code) AS code,
                   (SELECT k.id FROM kmt_case k WHERE r.subject_type = 'signal' AND k.signal_id = r.subject_id) AS case_id
            FROM retention_clock r
            LEFT JOIN signal s ON r.subject_type = 'signal' AND s.id = r.subject_id
            LEFT JOIN kmt_case c ON r.subject_type = 'case' AND c.id = r.subject_id
            WHERE r.stopped_on IS NULL
              AND NOT EXISTS (SELECT 1 FROM destruction_item d WHERE d.clock_id = r.id AND d.destroyed_on IS NOT NULL)
            ORDER BY r.started_on, r.id
            """)
        var waitingForCase: [(DueEntry, Int64)] = []
        for row in clocks {
            guard let rule = rules.rule(workflow: row["workflow"], state: row["state"]),
                  let started = CivilDate(iso: row["started_on"]), let code: String = row["code"], !(today < rule.due(from: started)) else { continue }
            let id: Int64 = row["subject_id"]
            let isCase = (row["subject_type"] as String) == "case"
            let entry = DueEntry(due: RetentionDue(record: isCase ? .kmtCase(id) : .signal(id), code: code, closedOn: started, rule: rule),
                                 clockID: row["clock"])
            if let caseID: Int64 = row["case_id"] { waitingForCase.append((entry, caseID)) } else { due.append(entry) }
        }
        let dueCases = Set(due.compactMap { if case .kmtCase(let id) = $0.due.record { id } else { nil } })
        due += waitingForCase.filter { dueCases.contains($0.1) }.map(\.0)
        if let rule = rules.minutesRule {
            let meetings = try Row.fetchAll(db, sql: """
                SELECT id, title, starts_at FROM meeting m WHERE status = 'gehouden'
                  AND NOT EXISTS (SELECT 1 FROM destruction_item d WHERE d.subject_type = 'meeting' AND d.subject_id = m.id
                                  AND d.destroyed_on IS NOT NULL)
                ORDER BY starts_at, id
                """)
            for row in meetings {
                guard let held = AmsterdamTime.localTime(fromUTC: row["starts_at"])?.date, !(today < rule.due(from: held)) else { continue }
                due.append(DueEntry(due: RetentionDue(record: .meeting(row["id"]), code: "\(row["title"] as String) \(held.dutch)",
                                                      closedOn: held, rule: rule), clockID: nil))
            }
        }
        return due.sorted { ($0.due.closedOn, $0.due.code) < ($1.due.closedOn, $1.due.code) }
    }

    /// What the rules say, as a short fingerprint: a confirmation holds for these periods only.
    public static func fingerprint(of rules: RetentionRules) -> String {
        let text = rules.rules.map { "\($0.outcome.rawValue)|\($0.workflow ?? "")|\($0.state ?? "")|\($0.months)" }.joined(separator: "\n")
        return String(SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined().prefix(16))
    }

    /// Records that a beheerder confirmed `rules` as the privacy officer set them (audited); refused
    /// while the file still calls them provisional.
    public func confirmRetentionRules(_ rules: RetentionRules, by user: User) throws(StoreFailure) {
        let fingerprint = Self.fingerprint(of: rules)
        guard AccessPolicy.canManageSettings(user) else {
            try audit(AuditRecord(.update, "setting", Self.retentionConfirmationSetting, result: .denied, detail: fingerprint), by: user)
            throw AccessPolicy.settingsRefusal(for: user)
        }
        guard !rules.isProvisional else {
            throw .refused("Het bestand zegt nog 'voorlopig: ja'. Zet dat op 'nee' zodra de FG de termijnen heeft vastgesteld, en bevestig dan.")
        }
        try audited(by: user) { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                           arguments: [Self.retentionConfirmationSetting, fingerprint])
            return ((), AuditRecord(.update, "setting", Self.retentionConfirmationSetting, detail: "bewaartermijnen bevestigd: \(fingerprint)"))
        }
    }

    /// Whether a beheerder confirmed exactly these rules.
    public func retentionRulesConfirmed(_ rules: RetentionRules) throws(StoreFailure) -> Bool {
        try setting(Self.retentionConfirmationSetting) == Self.fingerprint(of: rules)
    }
}
