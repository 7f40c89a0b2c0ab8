import Meldroute
import SchakelCore
import TerminalKit

/// What happened. Named for the event, not for what should follow.
public enum AppAction: Hashable, Sendable {
    case started
    case keyPressed(Key)
    case terminalResized(Size)
    case terminationRequested
    case inboxPageLoaded(PageRequest, Page<SignalSummary>)
    case signalDetailLoaded(SignalDetail?)
    case loadFailed(String)
    /// The registration form may open; `now` is its default time of receipt, `draft` the user's
    /// unsaved registration from earlier, if any, which it opens with.
    case registrationOpened(now: LocalDateTime, draft: String?)
    case signalRegistered(RegisteredSignal, NewSignal)
    case registrationFailed(String)
    /// Another process (a colleague) saved something: what is on screen may be out of date.
    case otherProcessCommitted
    /// No key for a moment.
    case idle
    /// The clock showed a new minute (read on the idle timer); at midnight the day turns over.
    case clockTicked(LocalDateTime)
    /// The user's unsaved form of this key from earlier, if one was left.
    case draftFound(DraftKey, String?)
    /// All the user's unsaved forms of one kind (the route steps, at start).
    case draftsFound(kind: String, [String])
    case casePageLoaded(PageRequest, Page<CaseSummary>)
    case timelinePageLoaded(TimelineSubject, PageRequest, Page<TimelineEntry>)
    case searchResults(String, [SearchHit])
    case savedFiltersLoaded([SavedFilter])
    case filterSaved(name: String)
    case noteAdded
    case noteFailed(String)
    case caseOpened(code: String)
    case routeStateLoaded(SignalRouteState, now: LocalDateTime)
    case routeEventRecorded(RecordedRouteEvent)
    /// A step was refused or could not be saved; the message is shown as it is.
    case routeEventFailed(String, isConflict: Bool)
}

/// Work for the runner: each result comes back as an action.
public enum AppEffect: Hashable, Sendable {
    case loadInboxPage(PageRequest, limit: Int)
    case loadSignalDetail(id: Int64)
    /// Read the clock (and the user's unsaved registration) and open the registration form.
    case openRegistration
    case loadCasePage(PageRequest, limit: Int)
    case loadTimelinePage(TimelineSubject, kinds: Set<TimelineKind>, PageRequest, limit: Int)
    case addNote(TimelineSubject, String)
    case openCase(signalID: Int64, perpetratorTrack: Bool)
    case search(String)
    case loadSavedFilters
    case saveFilter(name: String, SignalFilter, shared: Bool)
    case loadDraft(DraftKey)
    case loadDrafts(kind: String)
    case saveDraft(DraftKey, payload: String)
    case discardDraft(DraftKey)
    case registerSignal(NewSignal)
    case loadRouteState(signalID: Int64)
    case recordRouteEvent(signalID: Int64, event: String, fields: FieldValues, expectedVersion: Int)
    /// Forget the screen and draw it anew (Ctrl-L).
    case repaintScreen
}
