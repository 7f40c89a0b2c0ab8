import Meldroute

/// A user's forms in progress, kept in the database so that a dropped connection loses nothing.
public protocol DraftKeeping: Sendable {
    func saveDraft(kind: String, subject: String, payload: String, for user: User) throws(StoreFailure)
    func draft(kind: String, subject: String, for user: User) throws(StoreFailure) -> String?
    func discardDraft(kind: String, subject: String, for user: User) throws(StoreFailure)
    /// The user's drafts of one kind, newest first.
    func drafts(kind: String, for user: User) throws(StoreFailure) -> [String]
}

/// What the Signalen pane asks of the store: the inbox, registering, the route, search, named
/// filters, drafts, and making a signal a KMT case.
public typealias SignalsStore = SignalReading & SignalWriting & SignalRouting & DraftKeeping & Searching & FilterKeeping
    & CaseOpening & ConsultKeeping

/// What the timelines of signals and cases ask of the store.
public typealias TimelineStore = TimelineKeeping & DraftKeeping

/// Everything a session's panes ask of the store; each pane's effect runner gets only its part.
public typealias SessionStore = SignalsStore & CaseListing & TimelineStore & ChangeWatching & MeetingsStore & PartnerDirectory
    & ReferralKeeping & UserAdministering & FigureCounting & PersonKeeping & RetentionKeeping & ActivityKeeping

/// What the Sociale kaart pane asks of the store: the directory, and referrals to it.
public typealias PartnersStore = PartnerDirectory & ReferralKeeping

/// What the Overleggen pane asks of the store: meetings and agendas, their steps, minutes and
/// action items, drafts of minutes, and exports to the export folder.
public typealias MeetingsStore = MeetingBrowsing & AgendaEditing & MeetingStepping & MinutesKeeping & DraftKeeping & ExportFiling

/// Seeing that another process committed.
public protocol ChangeWatching: Sendable {
    /// A number that changes when another process commits: cheap enough to ask twice a second.
    func dataVersion() throws(StoreFailure) -> Int
}

/// Full-text search over what the user may see in full.
public protocol Searching: Sendable {
    func search(_ text: String, in source: SearchHit.Source, after: Int64?, limit: Int,
                for user: User) throws(StoreFailure) -> Page<SearchHit>
}

/// The KMT cases a user may see, with the access policy applied.
public protocol CaseListing: Sendable {
    /// Logged when a person asked for the page (`.asked`); not when a colleague's commit shows it again.
    func casePage(_ request: PageRequest, limit: Int, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> Page<CaseSummary>
}

/// Making a signal a KMT case.
public protocol CaseOpening: Sendable {
    /// A case from an acute signal starts with the crisis marker of `caseProcess` set.
    func openCase(fromSignal signalID: Int64, perpetratorTrack: Bool, summary: String, caseProcess: WorkflowEngine,
                  by user: User) throws(StoreFailure) -> (id: Int64, code: String)
}

/// The timelines of signals and cases, with the access policy applied.
public protocol TimelineKeeping: Sendable {
    func timelinePage(of subject: TimelineSubject, kinds: Set<TimelineKind>, _ request: PageRequest, limit: Int,
                      for user: User) throws(StoreFailure) -> Page<TimelineEntry>
    func addNote(_ text: String, to subject: TimelineSubject, by user: User) throws(StoreFailure) -> Int64
}
