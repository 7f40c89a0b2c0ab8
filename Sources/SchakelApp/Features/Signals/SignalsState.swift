import SchakelCore
import TerminalKit

/// The Signalen pane: the inbox, and what opens over it (a signal, the registration form and its
/// receipt, the route steps, the filter, search, the offer of an unsaved registration).
public struct SignalsState: Hashable, Sendable {
    public var inbox = InboxState()
    /// What the inbox shows, within what the user may see.
    public var filter = SignalFilter()
    /// Which loaded signals still owe their VTT report, as the status line says it; worked out
    /// when a page of the inbox loads, not for every frame.
    public var vttReminder: String?
    /// What is open over the inbox: they really stack (a signal opened from the search results, its
    /// route steps over it). The last has the keys; each kind is there once.
    public private(set) var stack = OverlayStack<OnTop>()

    public init() {}

    /// What can be open over the inbox.
    public enum OnTop: OverlayEntry {
        /// Full-text search (`/`).
        case search(SearchPane)
        /// The signal opened with Enter, read-only.
        case detail(SignalDetailState)
        /// The route actions of a signal (`a`).
        case route(RouteDialog)
        /// The form to register a signal (`n`).
        case registration(RegistrationForm)
        /// Shown after a signal was registered: its code and the acknowledgement for the reporter.
        case receipt(RegistrationReceipt)
        /// The filter being set (`f`).
        case filterPanel(FilterPanel)
        /// A registration left unsaved by an earlier session, offered at start.
        case draftOffer(DraftOffer)
        /// A signal waiting for the answer to "make it a KMT case?" (`c` in its detail).
        case caseOffer(signalID: Int64)

        public enum Kind: Hashable, Sendable { case search, detail, route, registration, receipt, filterPanel, draftOffer, caseOffer }

        public var kind: Kind {
            switch self {
            case .search: .search
            case .detail: .detail
            case .route: .route
            case .registration: .registration
            case .receipt: .receipt
            case .filterPanel: .filterPanel
            case .draftOffer: .draftOffer
            case .caseOffer: .caseOffer
            }
        }
    }

    /// What has the keys: the last opened, or nil for the inbox.
    public var onTop: OnTop? { stack.top }

    /// Whether something is open over the inbox (so that keys are this pane's, not the tabs').
    public var hasOverlay: Bool { !stack.isEmpty }

    // Each kind as a property: set, it changes where it stands or goes on top; nil closes it.
    public var search: SearchPane? {
        get { stack.first { if case .search(let value) = $0 { value } else { nil } } }
        set { stack.put(newValue.map(OnTop.search), kind: .search) }
    }
    public var detail: SignalDetailState? {
        get { stack.first { if case .detail(let value) = $0 { value } else { nil } } }
        set { stack.put(newValue.map(OnTop.detail), kind: .detail) }
    }
    public var route: RouteDialog? {
        get { stack.first { if case .route(let value) = $0 { value } else { nil } } }
        set { stack.put(newValue.map(OnTop.route), kind: .route) }
    }
    public var registration: RegistrationForm? {
        get { stack.first { if case .registration(let value) = $0 { value } else { nil } } }
        set { stack.put(newValue.map(OnTop.registration), kind: .registration) }
    }
    public var receipt: RegistrationReceipt? {
        get { stack.first { if case .receipt(let value) = $0 { value } else { nil } } }
        set { stack.put(newValue.map(OnTop.receipt), kind: .receipt) }
    }
    public var filterPanel: FilterPanel? {
        get { stack.first { if case .filterPanel(let value) = $0 { value } else { nil } } }
        set { stack.put(newValue.map(OnTop.filterPanel), kind: .filterPanel) }
    }
    public var draftOffer: DraftOffer? {
        get { stack.first { if case .draftOffer(let value) = $0 { value } else { nil } } }
        set { stack.put(newValue.map(OnTop.draftOffer), kind: .draftOffer) }
    }
    public var caseOfferSignalID: Int64? {
        get { stack.first { if case .caseOffer(let value) = $0 { value } else { nil } } }
        set { stack.put(newValue.map { OnTop.caseOffer(signalID: $0) }, kind: .caseOffer) }
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
