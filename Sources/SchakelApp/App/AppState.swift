import SchakelCore
import TerminalKit

/// Everything the screen shows: what every pane shares (`shell`), which tab is up, each
/// feature's state, and the help overlay. Changed only by `AppReducer.reduce`.
public struct AppState: Hashable, Sendable {
    public var shell: Shell
    public var tab: Tab = .signals
    public var signals = SignalsState()
    public var cases = CasesState()
    public var meetings = MeetingsState()
    public var partners = PartnersState()
    public var figures = FiguresState()
    public var administration = AdministrationState()
    /// The timeline of a signal or a case, over the pane it was opened from.
    public var timeline: TimelinePane?
    public var isShowingHelp = false
    /// First line of the help shown.
    public var helpScroll = 0
    public var isRunning = true
    /// The idle and panic lock.
    public var screenLock = ScreenLock()
    /// The previous login is in the header until the first key.
    public var showsPreviousLogin = true

    public init(context: AppContext, size: Size) {
        shell = Shell(context: context, size: size)
    }

    public var context: AppContext { shell.context }
    public var size: Size {
        get { shell.size }
        set { shell.size = newValue }
    }
    public var status: StatusMessage? {
        get { shell.status }
        set { shell.status = newValue }
    }
}
