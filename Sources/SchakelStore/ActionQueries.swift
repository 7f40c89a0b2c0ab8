import Foundation
import GRDB
import Meldroute
import SchakelCore
import TextSafety

extension Store {
    /// Records an agreement about a signal or case the user may fully see, with a timeline line and
    /// an audit entry.
    @discardableResult
    public func addActionItem(about subject: TimelineSubject, description: String, owner: String, due: CivilDate,
                              by user: User) throws(StoreFailure) -> Int64 {
        let text = description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 2000 else { throw .other("een afspraak heeft een omschrijving van 1 tot 2000 tekens") }
        if let wrong = FieldCharacters.firstProblem([("Afspraak", text, false), ("Wie", owner, false)]) { throw .refused(wrong) }
        let moment = now()
        let outcome = try write { db -> Result<Int64, StoreFailure> in
            if let refusal = try refusalToWrite("action", on: subject, for: user, at: moment, in: db) { return .failure(refusal) }
            let utc = AmsterdamTime.utcText(of: moment)
            try db.execute(sql: """
                INSERT INTO action_item (subject_type, subject_id, description, owner, due_date, created_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [subject.typeName, subject.id, text, owner, due.iso, utc])
            let id = db.lastInsertedRowID
            try db.execute(sql: """
                INSERT INTO timeline_event (subject_type, subject_id, kind, text, author_id, occurred_at) VALUES (?, ?, 'action', ?, ?, ?)
                """, arguments: [subject.typeName, subject.id, "Afspraak: \(text) (\(owner.isEmpty ? "nog niemand" : owner), uiterlijk \(due.dutch))",
                                 user.id, utc])
            try AuditLog.append(AuditRecord(.create, "action", String(id), detail: "\(subject.typeName) \(subject.id)"),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success(id)
        }
        return try outcome.get()
    }

    /// Open agreements about what the user may fully see, soonest due first, paged by key.
    public func openActionItems(_ request: PageRequest, limit: Int, filter: ActionFilter,
                                for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> Page<ActionItem> {
        guard let query = ActionListQuery.make(request, limit: limit, filter: filter, for: user) else {
            try auditRefusal(AuditRecord(.list, "action", result: .denied, detail: "geen toegang tot afspraken"), occasion, by: user)
            return Page(rows: [], hasMore: false)
        }
        let fetch = { (db: Database) in
            try query.page(in: db, limit: limit) { row -> ActionItem in
                let id: Int64 = row["id"]
                let dueText: String = row["due_date"]
                guard let due = CivilDate(iso: dueText) else { throw StoreFailure.other("ongeldige datum '\(dueText)'") }
                let meetingStarts = (row["meeting_starts"] as String?).flatMap(AmsterdamTime.localTime(fromUTC:))
                let meeting = (row["meeting_kind"] as String?).flatMap(MeetingKind.init(rawValue:)).map { kind in
                    "\(kind.label) \(meetingStarts?.date.dutch ?? "")"
                }
                let subject = TimelineSubject(row: row)
                return ActionItem(id: id, key: ListKey(sortValue: dueText, id: id), description: row["description"],
                                  owner: row["owner"], due: due, subject: subject, subjectCode: row["subject_code"], version: row["version"],
                                  meetingID: row["meeting_id"], meeting: meeting)
            }
        }
        return try readAudited(occasion, by: user) { db in
            let page = try fetch(db)
            return (page, AuditRecord(.list, "action", detail: "afspraken\(request.auditNote), \(page.rows.count) regels"))
        }
    }
}

enum ActionListQuery {
    static func make(_ request: PageRequest, limit: Int, filter: ActionFilter, for user: User) -> KeysetQuery? {
        guard let visible = VisibleSubjects.condition(for: user),
              let (meetings, meetingArguments) = MeetingListQuery.condition(for: user) else { return nil }
        // About a signal or case: its need-to-know; from a meeting without one: the meeting's.
        var conditions = ["a.done_at IS NULL",
                          "((a.subject_type IS NOT NULL AND \(visible.sql)) OR (a.subject_type IS NULL AND g.id IS NOT NULL AND \(meetings)))"]
        var arguments = visible.arguments + meetingArguments
        let owner = filter.owner.trimmingCharacters(in: .whitespaces)
        if !owner.isEmpty {
            conditions.append("instr(lower(a.owner), lower(?)) > 0")
            arguments += [owner]
        }
        if let meetingID = filter.meetingID {
            conditions.append("a.meeting_id = ?")
            arguments += [meetingID]
        }
        return KeysetQuery.make(
            select: """
                a.id, a.description, a.owner, a.due_date, a.version, a.subject_type, a.subject_id, coalesce(s.code, c.code) AS subject_code, a.meeting_id,
                g.kind AS meeting_kind, g.starts_at AS meeting_starts
                """,
            from: """
                action_item a
                LEFT JOIN signal s ON a.subject_type = 'signal' AND s.id = a.subject_id
                LEFT JOIN kmt_case c ON a.subject_type = 'case' AND c.id = a.subject_id
                LEFT JOIN meeting g ON g.id = a.meeting_id
                """,
            conditions: conditions, arguments: arguments,
            sortColumn: "a.due_date", idColumn: "a.id", newestFirst: false, request: request, limit: limit)
    }
}
