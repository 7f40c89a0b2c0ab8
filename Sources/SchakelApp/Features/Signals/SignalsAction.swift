import Meldroute
import SchakelCore
import TerminalKit

/// What happened in the Signalen pane, or to it.
public enum SignalsAction: Hashable, Sendable {
    // From the app: the session's moments.
    case started
    case idle
    case terminating
    case clockTicked(LocalDateTime, newDay: Bool)
    /// Another process (a colleague) saved something: what is on screen may be out of date.
    case otherProcessCommitted
    case terminalResized
    case keyPressed(Key)
    // Results of this pane's effects.
    case inboxPageLoaded(PageRequest, Page<SignalSummary>)
    case signalDetailLoaded(SignalDetail?)
    case loadFailed(String)
    /// The registration form may open; `now` is its default time of receipt, `draft` the user's
    /// unsaved registration from earlier, if any, which it opens with.
    case registrationOpened(now: LocalDateTime, draft: String?)
    case signalRegistered(RegisteredSignal, NewSignal)
    case registrationFailed(String)
    case searchResults(String, [SearchHit])
    case savedFiltersLoaded([SavedFilter])
    case filterSaved(name: String)
    case caseOpened(code: String)
    case routeStateLoaded(SignalRouteState, now: LocalDateTime)
    case routeEventRecorded(RecordedRouteEvent)
    /// A step was refused or could not be saved; the message is shown as it is.
    case routeEventFailed(String, isConflict: Bool)
    case draft(DraftResult)
    /// Known persons who may be the one entered in the registration form.
    case personMatchesFound(NewPerson, [PersonMatch])
    /// From another pane: a signal's persons changed (the open detail shows them again).
    case personsChanged(TimelineSubject)
    /// From tab 6: turn this consult into a signal (the registration form opens, filled in from it).
    case registerFromConsult(Consult)
    /// That form may open; `now` is its time of receipt.
    case registrationFromConsultOpened(Consult, now: LocalDateTime)
}

/// Work for the Signalen pane's runner; each result comes back as a `SignalsAction`.
public enum SignalsEffect: Hashable, Sendable {
    /// `.refresh` shows again what is open (audited as `ReadOccasion` says).
    case loadInboxPage(PageRequest, limit: Int, ReadOccasion = .asked)
    case loadSignalDetail(id: Int64, ReadOccasion = .asked)
    /// Read the clock (and the user's unsaved registration) and open the registration form.
    case openRegistration
    /// `from`: the consult it becomes, closed with it in the same transaction.
    case registerSignal(NewSignal, from: ConsultOrigin?)
    /// Read the clock and open the registration form filled in from a consult.
    case openRegistrationFromConsult(Consult)
    /// Look for known persons before a person goes into the registration form.
    case findPersonMatches(NewPerson)
    case openCase(signalID: Int64, perpetratorTrack: Bool)
    case search(String)
    case loadSavedFilters
    case saveFilter(name: String, SignalFilter, shared: Bool)
    case loadRouteState(signalID: Int64)
    case recordRouteEvent(signalID: Int64, event: String, fields: FieldValues, expectedVersion: Int)
    case draft(DraftEffect)
    /// For the app or another pane.
    case request(AppRequest)
}
