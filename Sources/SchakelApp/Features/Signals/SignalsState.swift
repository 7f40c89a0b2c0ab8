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
    /// What is open over the inbox, the first opened first: they really stack (a signal opened from
    /// the search results, its route steps over it). The last has the keys; each kind is there once.
    public private(set) var stack: [OnTop] = []

    public init() {}

    /// What can be open over the inbox.
    public enum OnTop: Hashable, Sendable {
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

        /// Which kind it is, whatever it holds.
        var kind: Int {
            switch self {
            case .search: 0
            case .detail: 1
            case .route: 2
            case .registration: 3
            case .receipt: 4
            case .filterPanel: 5
            case .draftOffer: 6
            case .caseOffer: 7
            }
        }
    }

    /// What has the keys: the last opened, or nil for the inbox.
    public var onTop: OnTop? { stack.last }

    /// Whether something is open over the inbox (so that keys are this pane's, not the tabs').
    public var hasOverlay: Bool { !stack.isEmpty }

    /// Each kind as a property: setting one that is open changes it where it stands, setting one that
    /// is not puts it on top, setting nil closes it.
    private mutating func put(_ entry: OnTop?, kind: Int) {
        let index = stack.firstIndex { $0.kind == kind }
        switch (index, entry) {
        case let (index?, entry?): stack[index] = entry
        case let (index?, nil): stack.remove(at: index)
        case let (nil, entry?): stack.append(entry)
        case (nil, nil): break
        }
    }

    public var search: SearchPane? {
        get { for case .search(let value) in stack { return value }; return nil }
        set { put(newValue.map(OnTop.search), kind: 0) }
    }
    public var detail: SignalDetailState? {
        get { for case .detail(let value) in stack { return value }; return nil }
        set { put(newValue.map(OnTop.detail), kind: 1) }
    }
    public var route: RouteDialog? {
        get { for case .route(let value) in stack { return value }; return nil }
        set { put(newValue.map(OnTop.route), kind: 2) }
    }
    public var registration: RegistrationForm? {
        get { for case .registration(let value) in stack { return value }; return nil }
        set { put(newValue.map(OnTop.registration), kind: 3) }
    }
    public var receipt: RegistrationReceipt? {
        get { for case .receipt(let value) in stack { return value }; return nil }
        set { put(newValue.map(OnTop.receipt), kind: 4) }
    }
    public var filterPanel: FilterPanel? {
        get { for case .filterPanel(let value) in stack { return value }; return nil }
        set { put(newValue.map(OnTop.filterPanel), kind: 5) }
    }
    public var draftOffer: DraftOffer? {
        get { for case .draftOffer(let value) in stack { return value }; return nil }
        set { put(newValue.map(OnTop.draftOffer), kind: 6) }
    }
    public var caseOfferSignalID: Int64? {
        get { for case .caseOffer(let value) in stack { return value }; return nil }
        set { put(newValue.map { OnTop.caseOffer(signalID: $0) }, kind: 7) }
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
