/// A user's forms in progress, kept in the database so that a dropped connection loses nothing.
public protocol DraftKeeping: Sendable {
    func saveDraft(kind: String, subject: String, payload: String, for user: User) throws(StoreFailure)
    func draft(kind: String, subject: String, for user: User) throws(StoreFailure) -> String?
    func discardDraft(kind: String, subject: String, for user: User) throws(StoreFailure)
}

/// Everything a session's screens ask of the store.
public typealias SessionStore = SignalReading & SignalWriting & SignalRouting & DraftKeeping
