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
}

/// Work for the runner: each result comes back as an action.
public enum AppEffect: Hashable, Sendable {
    case loadInboxPage(PageRequest, limit: Int)
    case loadSignalDetail(id: Int64)
    /// Forget the screen and draw it anew (Ctrl-L).
    case repaintScreen
}
