import Foundation
import GRDB
import Meldroute
import SchakelCore

extension Store: CaseListing, CaseOpening, TimelineKeeping, ChangeWatching {
    /// Opens a KMT case from a signal: the case, its persons, a line on both timelines (and, for an
    /// acute signal, the crisis marker) and the audit entry, in one transaction.
    public func openCase(fromSignal signalID: Int64, perpetratorTrack: Bool, summary: String, caseProcess: WorkflowEngine,
                         by user: User) throws(StoreFailure) -> (id: Int64, code: String) {
        let moment = now()
        let outcome = try write { db -> Result<(Int64, String), StoreFailure> in
            guard let signal = try Row.fetchOne(db, sql: "SELECT * FROM signal WHERE id = ?", arguments: [signalID]),
                  AccessPolicy.canOpenCase(user, fromSignalIn: signal["municipality_id"]) else {
                let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM signal WHERE id = ?)", arguments: [signalID])!
                try AuditLog.append(AuditRecord(.create, "case", "signal \(signalID)", result: exists ? .denied : .notFound),
                                    actor: user.login, origin: origin, at: moment, in: db)
                return .failure(.noAccess)
            }
            let signalCode: String = signal["code"]
            let created = try CaseCreation.insert(
                fromSignal: signal, at: moment, caseProcess: caseProcess, receivedLine: "Casus aangemaakt uit signaal \(signalCode).",
                authorID: user.id, summary: summary, perpetratorTrack: perpetratorTrack,
                processManagerID: user.role == .processManager ? user.id : nil, in: db)
            // A dadertafel case is not named where others may read.
            try db.execute(sql: """
                INSERT INTO timeline_event (subject_type, subject_id, kind, text, author_id, occurred_at)
                VALUES ('signal', ?, 'referral', ?, ?, ?)
                """, arguments: [signalID, perpetratorTrack ? "KMT-casus aangemaakt." : "KMT-casus \(created.code) aangemaakt.", user.id,
                                 AmsterdamTime.utcText(of: moment)])
            try AuditLog.append(AuditRecord(.create, "case", String(created.id), detail: "\(created.code) uit \(signalCode)"),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success((created.id, created.code))
        }
        let (id, code) = try outcome.get()
        return (id, code)
    }

    /// A page of the KMT cases the user may see, newest first. Pseudonymised rows carry no summary.
    /// Logged (and a refusal too) only when a person asked: see `readAudited`.
    public func casePage(_ request: PageRequest, limit: Int, for user: User,
                         _ occasion: ReadOccasion = .asked) throws(StoreFailure) -> Page<CaseSummary> {
        guard let query = CaseListQuery.make(request, limit: limit, for: user) else {
            try auditRefusal(AuditRecord(.list, "case", result: .denied, detail: "geen toegang tot casussen"), occasion, by: user)
            return Page(rows: [], hasMore: false)
        }
        return try readAudited(occasion, by: user) { db in
            let page = try query.page(in: db, limit: limit) { row in try Self.caseSummary(from: row, for: user) }
            return (page, AuditRecord(.list, "case", detail: "casussen\(request.auditNote), \(page.rows.count) regels"))
        }
    }

    static func caseSummary(from row: Row, for user: User) throws -> CaseSummary {
        let receivedText: String = row["received_at"]
        guard let received = AmsterdamTime.localTime(fromUTC: receivedText) else {
            throw StoreFailure.other("ongeldige datum '\(receivedText)'")
        }
        let visibility = AccessPolicy.caseVisibility(
            for: user, CaseAccessFacts(municipalityID: row["municipality_id"], perpetratorTrack: row["perpetrator_track"]))
        let id: Int64 = row["id"]
        return CaseSummary(
            id: id, key: ListKey(sortValue: receivedText, id: id), code: row["code"], receivedAt: received,
            municipality: row["municipality"], forms: ExploitationForms(rawValue: row["forms"]), state: row["state"],
            crisis: row["crisis"], acute: row["acute"] ?? false, minorInvolved: row["minor_involved"] ?? false,
            perpetratorTrack: row["perpetrator_track"],
            signalCode: visibility == .full ? row["signal_code"] : nil,
            summary: visibility == .full ? row["summary"] : "", visibility: visibility)
    }
}

/// The case list's SQL, with the access condition inside it so nothing invisible is ever counted.
enum CaseListQuery {
    static func make(_ request: PageRequest, limit: Int, for user: User) -> KeysetQuery? {
        guard let condition = AccessPolicy.caseCondition(for: user) else { return nil }
        return KeysetQuery.make(
            select: """
                c.id, c.code, c.received_at, c.municipality_id, m.name AS municipality, c.forms, c.state, c.crisis,
                c.perpetrator_track, c.summary, s.code AS signal_code, s.acute, s.minor_involved
                """,
            from: "kmt_case c JOIN municipality m ON m.id = c.municipality_id LEFT JOIN signal s ON s.id = c.signal_id",
            conditions: [condition.sql], arguments: StatementArguments(condition.arguments),
            sortColumn: "c.received_at", idColumn: "c.id", newestFirst: true, request: request, limit: limit)
    }
}
