import GRDB
import Meldroute
import SchakelCore

/// The waiting list: signals and cases marked for a table and on no agenda yet.
extension Store {
    public func waitingForDiscussion(limit: Int, for user: User,
                                     _ occasion: ReadOccasion) throws(StoreFailure) -> [WaitingDiscussion] {
        guard let (condition, arguments) = MeetingListQuery.condition(for: user, kind: "r.kind", municipality: "r.municipality_id")
        else {
            try auditRefusal(AuditRecord(.list, "discussion_request", result: .denied, detail: "geen toegang tot overleggen"), occasion,
                             by: user)
            return []
        }
        return try readAudited(occasion, by: user) { db in
            // The meetings' access rule applies to the table asked for, by its kind and municipality.
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.id, r.subject_type, r.subject_id, r.kind, r.reason, r.requested_at,
                       coalesce(s.code, c.code) AS code, m.name AS municipality, coalesce(s.forms, c.forms) AS forms,
                       \(SubjectSQL.pseudonyms(of: "r")) AS persons
                FROM discussion_request r
                LEFT JOIN signal s ON r.subject_type = 'signal' AND s.id = r.subject_id
                LEFT JOIN kmt_case c ON r.subject_type = 'case' AND c.id = r.subject_id
                LEFT JOIN municipality m ON m.id = coalesce(s.municipality_id, c.municipality_id)
                WHERE r.agenda_item_id IS NULL AND \(condition)
                ORDER BY r.requested_at, r.id LIMIT ?
                """, arguments: arguments + [limit])
            var waiting: [WaitingDiscussion] = []
            for row in rows {
                let subject: TimelineSubject = row["subject_type"] == "case" ? .kmtCase(row["subject_id"]) : .signal(row["subject_id"])
                // Need-to-know of the signal or case itself, on top of the table's.
                guard let visibility = try Self.visibility(of: subject, for: user, in: db), visibility != .none,
                      let kind = MeetingKind(rawValue: row["kind"]), let requested = AmsterdamTime.localTime(fromUTC: row["requested_at"])
                else { continue }
                waiting.append(WaitingDiscussion(
                    id: row["id"], subject: subject, code: row["code"] ?? "?", kind: kind, municipality: row["municipality"] ?? "",
                    forms: ExploitationForms(rawValue: row["forms"] ?? 0), persons: SubjectSQL.words(row["persons"]),
                    reason: visibility == .full ? row["reason"] : "", requestedAt: requested))
            }
            return (waiting, AuditRecord(.list, "discussion_request", detail: "wacht op bespreking, \(waiting.count) regels"))
        }
    }
}

/// Keeping the waiting list in step with the agendas.
enum DiscussionRows {
    /// An agenda item about `subject` was added to meeting `meetingID`: the subject's waiting request
    /// for that kind of table is met by it (or, when it was not waiting, one is recorded as met).
    static func itemAdded(_ itemID: Int64, about subject: TimelineSubject, toMeeting meetingID: Int64, at utc: String,
                          by userID: Int64?, in db: Database) throws {
        let meeting = try Row.fetchOne(db, sql: "SELECT kind, municipality_id FROM meeting WHERE id = ?", arguments: [meetingID])!
        let kind: String = meeting["kind"]
        let waiting = try Int64.fetchOne(db, sql: """
            SELECT id FROM discussion_request
            WHERE subject_type = ? AND subject_id = ? AND kind = ? AND agenda_item_id IS NULL ORDER BY requested_at, id LIMIT 1
            """, arguments: [subject.typeName, subject.id, kind])
        if let waiting {
            try db.execute(sql: "UPDATE discussion_request SET agenda_item_id = ? WHERE id = ?", arguments: [itemID, waiting])
        } else {
            try db.execute(sql: """
                INSERT INTO discussion_request (subject_type, subject_id, kind, municipality_id, requested_at, requested_by, agenda_item_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [subject.typeName, subject.id, kind, meeting["municipality_id"] as Int64?, utc, userID, itemID])
        }
    }
}

/// SQL shared by lists that show a signal or case the way an agenda may.
enum SubjectSQL {
    /// The pseudonym codes of the persons of the subject in `alias.subject_type` / `alias.subject_id`,
    /// space-separated, sorted.
    static func pseudonyms(of alias: String) -> String {
        """
        (SELECT group_concat(p.pseudonym, ' ') FROM (
             SELECT DISTINCT pe.pseudonym FROM signal_person sp JOIN person pe ON pe.id = sp.person_id
             WHERE \(alias).subject_type = 'signal' AND sp.signal_id = \(alias).subject_id
             UNION SELECT DISTINCT pe.pseudonym FROM case_person cp JOIN person pe ON pe.id = cp.person_id
             WHERE \(alias).subject_type = 'case' AND cp.case_id = \(alias).subject_id ORDER BY 1) p)
        """
    }

    static func words(_ text: String?) -> [String] { (text ?? "").split(separator: " ").map(String.init) }
}
