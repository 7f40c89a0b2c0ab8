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
    public var advice = AdviceState()
    public var administration = AdministrationState()
    /// What is open over the tab's pane, whatever the tab: a signal's or case's timeline, its persons
    /// (or one person). They stack: a person's signal opened from the person view shows its timeline
    /// over the person, and Esc goes back to the person. The last opened has the keys.
    public private(set) var records = OverlayStack<RecordView>()
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

    // Each kind as a property: set, it changes where it stands or goes on top; nil closes it.
    public var timeline: TimelinePane? {
        get { records.first { if case .timeline(let value) = $0 { value } else { nil } } }
        set { records.put(newValue.map(RecordView.timeline), kind: .timeline) }
    }
    public var persons: PersonsPane? {
        get { records.first { if case .persons(let value) = $0 { value } else { nil } } }
        set { records.put(newValue.map(RecordView.persons), kind: .persons) }
    }

    /// Closes every record view (the user goes to another tab's work).
    mutating func closeRecords() { records = OverlayStack() }

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

/// A view of one record open over the tab's pane.
public enum RecordView: OverlayEntry {
    case timeline(TimelinePane)
    case persons(PersonsPane)

    public enum Kind: Hashable, Sendable { case timeline, persons }

    public var kind: Kind {
        switch self {
        case .timeline: .timeline
        case .persons: .persons
        }
    }
}
