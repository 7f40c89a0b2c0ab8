import Foundation
import GRDB
import Meldroute
import SchakelCore

extension Store {
    /// A page of a signal's or case's timeline, oldest first, optionally only some kinds. A
    /// pseudonymised view shows kinds, times and authors without text.
    public func timelinePage(of subject: TimelineSubject, kinds: Set<TimelineKind> = [], _ request: PageRequest,
                             limit: Int, for user: User) throws(StoreFailure) -> Page<TimelineEntry> {
        let query = TimelineQuery.make(subject, kinds: kinds, request, limit: limit)
        let fetch = { (db: Database, visibility: Visibility) in
            try query.page(in: db, limit: limit) { row in try Self.timelineEntry(from: row, visibility: visibility) }
        }
        // Every page is a person's key (timelines are not refreshed): opening it, paging on, or being refused.
        let outcome = try audited(by: user) { db -> (Result<Page<TimelineEntry>, StoreFailure>, AuditRecord) in
            let visibility = try Self.visibility(of: subject, for: user, in: db)
            guard let visibility, visibility != .none else {
                return (.failure(.noAccess), AuditRecord(.read, subject.typeName, String(subject.id),
                                                         result: visibility == nil ? .notFound : .denied, detail: "tijdlijn"))
            }
            return (.success(try fetch(db, visibility)),
                    AuditRecord(.read, subject.typeName, String(subject.id), detail: "tijdlijn\(request.auditNote)"))
        }
        return try outcome.get()
    }

    /// Whether signal `id` is in the user's scope: the lists' own SQL (`SignalScopeSQL`), for one signal.
    static func signalInScope(_ id: Int64, for user: User, in db: Database) throws -> Bool {
        guard let scope = SignalScopeSQL.condition(AccessPolicy.signalScope(for: user)) else { return false }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM signal s WHERE s.id = ? AND \(scope.sql))",
                                 arguments: StatementArguments([id] + scope.ids)) ?? false
    }

    /// How much of a signal or case the user may see; nil when it does not exist.
    static func visibility(of subject: TimelineSubject, for user: User, in db: Database) throws -> Visibility? {
        switch subject {
        case .signal(let id):
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM signal WHERE id = ?)", arguments: [id])! else { return nil }
            return try signalInScope(id, for: user, in: db) ? .full : Visibility.none
        case .kmtCase(let id):
            guard let row = try Row.fetchOne(db, sql: "SELECT municipality_id, perpetrator_track FROM kmt_case WHERE id = ?",
                                             arguments: [id]) else { return nil }
            return AccessPolicy.caseVisibility(
                for: user, CaseAccessFacts(municipalityID: row["municipality_id"], perpetratorTrack: row["perpetrator_track"]))
        }
    }

    /// Nil when the user may write on the subject's timeline (sees it in full); else the refusal,
    /// audited as creating `objectType` on it (`not_found` when it does not exist).
    func refusalToWrite(_ objectType: String, on subject: TimelineSubject, for user: User, at moment: Date,
                        in db: Database) throws -> StoreFailure? {
        let visibility = try Self.visibility(of: subject, for: user, in: db)
        guard visibility != .full else { return nil }
        try AuditLog.append(AuditRecord(.create, objectType, "\(subject.typeName) \(subject.id)", result: visibility == nil ? .notFound : .denied),
                            actor: user.login, origin: origin, at: moment, in: db)
        return .noAccess
    }

    /// A row of `TimelineQuery`, read by column index: id, kind, occurred_at, text, author.
    static func timelineEntry(from row: Row, visibility: Visibility) throws -> TimelineEntry {
        let occurredText: String = row[2]
        guard let occurred = AmsterdamTime.localTime(fromUTC: occurredText) else {
            throw StoreFailure.other("ongeldige datum '\(occurredText)'")
        }
        let id: Int64 = row[0]
        return TimelineEntry(
            id: id, key: ListKey(sortValue: occurredText, id: id), kind: TimelineKind(rawValue: row[1]) ?? .note,
            occurredAt: occurred, author: row[4], text: visibility == .full ? row[3] : "")
    }
}

enum TimelineQuery {
    static func make(_ subject: TimelineSubject, kinds: Set<TimelineKind>, _ request: PageRequest, limit: Int) -> KeysetQuery {
        var conditions = ["t.subject_type = ?", "t.subject_id = ?"]
        var arguments: StatementArguments = [subject.typeName, subject.id]
        if !kinds.isEmpty {
            let sorted = kinds.map(\.rawValue).sorted()
            conditions.append("t.kind IN (" + sorted.map { _ in "?" }.joined(separator: ", ") + ")")
            arguments += StatementArguments(sorted)
        }
        return KeysetQuery.make(
            select: "t.id, t.kind, t.occurred_at, t.text, coalesce(u.display_name, '') AS author",
            from: "timeline_event t LEFT JOIN app_user u ON u.id = t.author_id",
            conditions: conditions, arguments: arguments,
            sortColumn: "t.occurred_at", idColumn: "t.id", newestFirst: false, request: request, limit: limit)
    }
}
