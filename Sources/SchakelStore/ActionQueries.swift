import Foundation
import GRDB
import Meldroute
import SchakelCore

extension Store {
    /// Records an agreement about a signal or case the user may fully see, with a timeline line and
    /// an audit entry.
    @discardableResult
    public func addActionItem(about subject: TimelineSubject, description: String, owner: String, due: CivilDate,
                              by user: User) throws(StoreFailure) -> Int64 {
        let text = description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 2000 else { throw .other("een afspraak heeft een omschrijving van 1 tot 2000 tekens") }
        let moment = now()
        let outcome = try write { db -> Result<Int64, StoreFailure> in
            let visibility = try Self.visibility(of: subject, for: user, in: db)
            guard visibility == .full else {
                try AuditLog.append(AuditRecord(.create, "action", "\(subject.typeName) \(subject.id)",
                                                result: visibility == nil ? .notFound : .denied),
                                    actor: user.login, origin: origin, at: moment, in: db)
                return .failure(.noAccess)
            }
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
    public func openActionItems(_ request: PageRequest, limit: Int, for user: User) throws(StoreFailure) -> Page<ActionItem> {
        guard let query = ActionListQuery.make(request, limit: limit, for: user) else { return Page(rows: [], hasMore: false) }
        let fetch = { (db: Database) in
            try query.page(in: db, limit: limit) { row -> ActionItem in
                let id: Int64 = row["id"]
                let dueText: String = row["due_date"]
                guard let due = CivilDate(iso: dueText) else { throw StoreFailure.other("ongeldige datum '\(dueText)'") }
                return ActionItem(id: id, key: ListKey(sortValue: dueText, id: id), description: row["description"],
                                         owner: row["owner"], due: due, subjectCode: row["subject_code"], version: row["version"])
            }
        }
        switch request {
        case .first, .last:
            return try audited(by: user) { db in
                let page = try fetch(db)
                return (page, AuditRecord(.list, "action", detail: "afspraken, \(page.rows.count) regels"))
            }
        case .after, .before:
            return try read(fetch)
        }
    }
}

enum ActionListQuery {
    static func make(_ request: PageRequest, limit: Int, for user: User) -> KeysetQuery? {
        guard let visible = VisibleSubjects.condition(for: user) else { return nil }
        return KeysetQuery.make(
            select: "a.id, a.description, a.owner, a.due_date, a.version, coalesce(s.code, c.code) AS subject_code",
            from: """
                action_item a
                LEFT JOIN signal s ON a.subject_type = 'signal' AND s.id = a.subject_id
                LEFT JOIN kmt_case c ON a.subject_type = 'case' AND c.id = a.subject_id
                """,
            conditions: ["a.done_at IS NULL", visible.sql], arguments: visible.arguments,
            sortColumn: "a.due_date", idColumn: "a.id", newestFirst: false, request: request, limit: limit)
    }
}
