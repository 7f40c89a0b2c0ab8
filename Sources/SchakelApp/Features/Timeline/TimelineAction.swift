import Meldroute
import SchakelCore
import TerminalKit

/// What happened to the timeline shown over a pane (a signal's, from its detail; a case's, from
/// the case list or a search).
public enum TimelineAction: Hashable, Sendable {
    case open(TimelineSubject, code: String)
    case idle
    case terminating
    case keyPressed(Key)
    case pageLoaded(TimelineSubject, PageRequest, Page<TimelineEntry>)
    case loadFailed(String)
    case noteAdded
    case noteFailed(String)
    /// Lines were written on this subject's timeline from elsewhere (a person added or changed by
    /// this user): read it again from its end.
    case linesAdded(TimelineSubject)
    case draft(DraftResult)
}

/// Work for the timeline's runner; each result comes back as a `TimelineAction`.
public enum TimelineEffect: Hashable, Sendable {
    case loadPage(TimelineSubject, kinds: Set<TimelineKind>, PageRequest, limit: Int)
    case addNote(TimelineSubject, String)
    case draft(DraftEffect)
    /// For the app or another pane.
    case request(AppRequest)
}
