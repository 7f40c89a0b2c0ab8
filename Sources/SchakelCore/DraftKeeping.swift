import Meldroute

/// A user's forms in progress, kept in the database so that a dropped connection loses nothing.
public protocol DraftKeeping: Sendable {
    func saveDraft(kind: String, subject: String, payload: String, for user: User) throws(StoreFailure)
    func draft(kind: String, subject: String, for user: User) throws(StoreFailure) -> String?
    func discardDraft(kind: String, subject: String, for user: User) throws(StoreFailure)
    /// The user's drafts of one kind, newest first.
    func drafts(kind: String, for user: User) throws(StoreFailure) -> [String]
}

/// Everything a session's screens ask of the store.
public typealias SessionStore = SignalReading & SignalWriting & SignalRouting & DraftKeeping & CaseWork & Searching
    & FilterKeeping

/// Full-text search over what the user may see in full.
public protocol Searching: Sendable {
    func search(_ text: String, in source: SearchHit.Source, after: Int64?, limit: Int,
                for user: User) throws(StoreFailure) -> Page<SearchHit>
}

/// KMT cases and the timelines of signals and cases, with the access policy applied.
public protocol CaseWork: Sendable {
    func casePage(_ request: PageRequest, limit: Int, for user: User) throws(StoreFailure) -> Page<CaseSummary>
    func timelinePage(of subject: TimelineSubject, kinds: Set<TimelineKind>, _ request: PageRequest, limit: Int,
                      for user: User) throws(StoreFailure) -> Page<TimelineEntry>
    func addNote(_ text: String, to subject: TimelineSubject, by user: User) throws(StoreFailure) -> Int64
    /// A case from an acute signal starts with the crisis marker of `caseProcess` set.
    func openCase(fromSignal signalID: Int64, perpetratorTrack: Bool, summary: String, caseProcess: WorkflowEngine,
                  by user: User) throws(StoreFailure) -> (id: Int64, code: String)
}
