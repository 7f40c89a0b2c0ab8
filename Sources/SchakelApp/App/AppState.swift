import SchakelCore
import TerminalKit

/// The tabs of the main screen, numbered as their keys.
public enum Tab: Int, CaseIterable, Hashable, Sendable {
    case signals = 1
    case cases
    case meetings
    case partners
    case figures

    public var label: String {
        switch self {
        case .signals: return "Signalen"
        case .cases: return "Casussen"
        case .meetings: return "Overleggen"
        case .partners: return "Sociale kaart"
        case .figures: return "Cijfers"
        }
    }

    /// Whether the pane exists yet; the others say so plainly.
    public var isBuilt: Bool { self == .signals || self == .cases }
}

/// A message in the status line.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// Everything the screen shows. Changed only by `AppReducer.reduce`.
public struct AppState: Hashable, Sendable {
    /// Changed only when the day turns over (`clockTicked`).
    public internal(set) var context: AppContext
    public var size: Size
    public var tab: Tab = .signals
    public var inbox = InboxState()
    /// The signal opened with Enter, read-only.
    public var detail: SignalDetailState?
    /// The form to register a signal, when open (`n`).
    public var registration: RegistrationForm?
    /// A registration left unsaved by an earlier session, offered at start.
    public var draftOffer: DraftOffer?
    /// What the inbox shows, within what the user may see.
    public var signalFilter = SignalFilter()
    /// Full-text search (`/`), when open.
    public var search: SearchPane?
    /// The filter being set (`f`), when open.
    public var filterPanel: FilterPanel?
    /// The Casussen tab's list.
    public var cases = CaseListState()
    /// The timeline of a signal (`t` in its detail) or of a case (Enter in the case list).
    public var timeline: TimelinePane?
    /// A signal waiting for the answer to "make it a KMT case?" (`c` in its detail).
    public var caseOfferSignalID: Int64?
    /// The route actions of a signal, when open (`a`).
    public var route: RouteDialog?
    /// Shown after a signal was registered: its code and the acknowledgement for the reporter.
    public var receipt: RegistrationReceipt?
    public var isShowingHelp = false
    /// First line of the help shown.
    public var helpScroll = 0
    public var status: StatusMessage?
    /// Which loaded signals still owe their VTT report, as the status line says it; worked out
    /// when a page of the inbox loads, not for every frame.
    public var vttReminder: String?
    public var isRunning = true

    public init(context: AppContext, size: Size) {
        self.context = context
        self.size = size
    }
}

public struct SignalDetailState: Hashable, Sendable {
    public var detail: SignalDetail
    /// First line of the detail text shown.
    public var scroll: Int = 0
    /// Words to mark, when opened from a search.
    public var highlight: [String] = []

    public init(detail: SignalDetail, scroll: Int = 0, highlight: [String] = []) {
        self.detail = detail
        self.scroll = scroll
        self.highlight = highlight
    }
}

/// What the officer sees right after registering: the code, the acknowledgement text to send,
/// and whether the VTT report is still owed.
public struct RegistrationReceipt: Hashable, Sendable {
    public let code: String
    public let acknowledgement: String
    public let needsVTTReport: Bool
    public var scroll = 0

    public init(code: String, acknowledgement: String, needsVTTReport: Bool) {
        self.code = code
        self.acknowledgement = acknowledgement
        self.needsVTTReport = needsVTTReport
    }
}
