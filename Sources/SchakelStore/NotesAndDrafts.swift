import Foundation
import GRDB
import SchakelCore
import TextSafety

extension Store: DraftKeeping {
    /// The longest note accepted, in characters.
    public static let maximumNoteLength = 20_000

    /// Adds a note to a signal's timeline, with its audit entry, in one transaction.
    @discardableResult
    public func addNote(_ text: String, toSignal id: Int64, by user: User) throws(StoreFailure) -> Int64 {
        try addNote(text, to: .signal(id), by: user)
    }

    /// Adds a note to the timeline of a signal or case the user sees in full.
    @discardableResult
    public func addNote(_ text: String, to subject: TimelineSubject, by user: User) throws(StoreFailure) -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .other("een lege notitie wordt niet opgeslagen") }
        guard trimmed.count <= Self.maximumNoteLength else {
            throw .other("de notitie is te lang (\(trimmed.count) tekens, hooguit \(Self.maximumNoteLength))")
        }
        if let wrong = FieldCharacters.firstProblem([("Notitie", trimmed, true)]) { throw .refused(wrong) }
        let moment = now()
        let outcome = try write { db -> Result<Int64, StoreFailure> in
            if let refusal = try refusalToWrite("note", on: subject, for: user, at: moment, in: db) { return .failure(refusal) }
            try db.execute(sql: """
                INSERT INTO timeline_event (subject_type, subject_id, kind, text, author_id, occurred_at)
                VALUES (?, ?, 'note', ?, ?, ?)
                """, arguments: [subject.typeName, subject.id, trimmed, user.id, AmsterdamTime.utcText(of: moment)])
            let noteID = db.lastInsertedRowID
            try AuditLog.append(AuditRecord(.create, "note", String(noteID), detail: "\(subject.typeName) \(subject.id)"),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success(noteID)
        }
        return try outcome.get()
    }

    /// Saves the user's form in progress, replacing the previous version of the same draft.
    public func saveDraft(kind: String, subject: String = "", payload: String, for user: User) throws(StoreFailure) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO draft (user_id, kind, subject_key, payload, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (user_id, kind, subject_key) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at
                """, arguments: [user.id, kind, subject, payload, AmsterdamTime.utcText(of: now())])
        }
    }

    /// The user's own draft, if any: nobody else's drafts are ever returned.
    public func draft(kind: String, subject: String = "", for user: User) throws(StoreFailure) -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT payload FROM draft WHERE user_id = ? AND kind = ? AND subject_key = ?",
                                arguments: [user.id, kind, subject])
        }
    }

    /// The user's own drafts of one kind, newest first.
    public func drafts(kind: String, for user: User) throws(StoreFailure) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM draft WHERE user_id = ? AND kind = ? ORDER BY updated_at DESC, id DESC",
                                arguments: [user.id, kind])
        }
    }

    public func discardDraft(kind: String, subject: String = "", for user: User) throws(StoreFailure) {
        try write { db in
            try db.execute(sql: "DELETE FROM draft WHERE user_id = ? AND kind = ? AND subject_key = ?",
                           arguments: [user.id, kind, subject])
        }
    }

    /// A number that changes whenever another process commits to the database: cheap to poll.
    /// Asked on the one writer connection, whose own commits do not change it, so that only
    /// other processes' (and other Store instances') commits show.
    public func dataVersion() throws(StoreFailure) -> Int {
        do {
            return try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw StoreErrors.translate(error, path: path)
        }
    }
}
