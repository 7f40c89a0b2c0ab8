import Meldroute
import SchakelCore
import TerminalKit

/// What happened in the Overleggen tab, or to it.
public enum MeetingsAction: Hashable, Sendable {
    /// The tab came into view.
    case shown
    case keyPressed(Key)
    /// A page of the list; `fromDay` when it is the list's start at a day (today, after `t`).
    case pageLoaded(PageRequest, Page<Meeting>, fromDay: Bool)
    case agendaLoaded(meetingID: Int64, [AgendaItem])
    case waitingLoaded([WaitingDiscussion])
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
    case loadPage(MeetingsPageRequest, limit: Int)
    case loadAgenda(meetingID: Int64)
    case loadWaiting(limit: Int)
    case request(AppRequest)
}
