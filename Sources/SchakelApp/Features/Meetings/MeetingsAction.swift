import Meldroute
import SchakelCore
import TerminalKit

/// What happened in the Overleggen tab, or to it.
public enum MeetingsAction: Hashable, Sendable {
    /// The tab came into view.
    case shown
    case keyPressed(Key)
    /// No key for a moment: keep drafts.
    case idle
    /// The session ends: keep every form that holds anything.
    case terminating
    case draft(DraftResult)
    /// A page of the list; `fromDay` when it is the list's start at a day (today, after `t`).
    case pageLoaded(PageRequest, Page<Meeting>, fromDay: Bool)
    /// The meeting as it is now (nil: gone, or no longer for the user) and its agenda.
    case agendaLoaded(meetingID: Int64, Meeting?, [AgendaItem])
    case agendaChanged(meetingID: Int64)
    /// Nothing was changed: why, in Dutch; after a colleague's change the agenda is fetched again.
    case agendaChangeFailed(meetingID: Int64, String, isConflict: Bool)
    case waitingLoaded([WaitingDiscussion])
    /// A document was written to this path, or not, for the reason given in Dutch.
    case exported(path: String)
    case exportFailed(String)
    /// A page of open action items, fetched with `filter`.
    case actionsLoaded(PageRequest, ActionFilter, Page<ActionItem>)
    case actionCompleted
    /// Nothing was marked done: why, in Dutch; the list is fetched again.
    case actionFailed(String)
    case loadFailed(String)
    /// A colleague's process committed: the list and an open agenda are fetched again.
    case otherProcessCommitted
}

/// Which page of meetings to fetch.
public enum MeetingsPageRequest: Hashable, Sendable {
    /// The meetings from the start of that day on.
    case from(CivilDate)
    case page(PageRequest)
}

/// Work for the Overleggen tab's runner; each result comes back as a `MeetingsAction`.
public enum MeetingsEffect: Hashable, Sendable {
    /// `.refresh` shows again what is open (audited as `ReadOccasion` says).
    case loadPage(MeetingsPageRequest, limit: Int, ReadOccasion = .asked)
    case loadAgenda(meetingID: Int64, ReadOccasion = .asked)
    case loadWaiting(limit: Int, ReadOccasion = .asked)
    case changeAgenda(AgendaChange, meetingID: Int64, expectedVersion: Int)
    /// A step of the `overleg` workflow (agenda vaststellen, gehouden, ...).
    case recordMeetingEvent(String, FieldValues, meetingID: Int64, expectedVersion: Int)
    case recordMinutes(MinutesEntry, itemID: Int64, meetingID: Int64, expectedVersion: Int)
    case loadActions(PageRequest, ActionFilter, limit: Int, ReadOccasion = .asked)
    case completeAction(id: Int64, expectedVersion: Int)
    case draft(DraftEffect)
    case export(MeetingDocumentKind, meetingID: Int64)
    case request(AppRequest)
}

/// One change to an agenda, as the store is asked to make it.
public enum AgendaChange: Hashable, Sendable {
    case add(AgendaItemDraft, about: TimelineSubject?)
    case standing([String])
    case update(itemID: Int64, AgendaItemDraft)
    case move(itemID: Int64, by: Int)
    case remove(itemID: Int64)
}
