import SchakelCore
import TerminalKit

/// The Signalen pane: the inbox, and what opens over it (a signal, the registration form and its
/// receipt, the route steps, the filter, search, the offer of an unsaved registration).
public struct SignalsState: Hashable, Sendable {
    public var inbox = InboxState()
    /// The signal opened with Enter, read-only.
    public var detail: SignalDetailState?
    /// The form to register a signal, when open (`n`).
    public var registration: RegistrationForm?
    /// A registration left unsaved by an earlier session, offered at start.
    public var draftOffer: DraftOffer?
    /// What the inbox shows, within what the user may see.
    public var filter = SignalFilter()
    /// Full-text search (`/`), when open.
    public var search: SearchPane?
    /// The filter being set (`f`), when open.
    public var filterPanel: FilterPanel?
    /// A signal waiting for the answer to "make it a KMT case?" (`c` in its detail).
    public var caseOfferSignalID: Int64?
    /// The route actions of a signal, when open (`a`).
    public var route: RouteDialog?
    /// Shown after a signal was registered: its code and the acknowledgement for the reporter.
    public var receipt: RegistrationReceipt?
    /// Which loaded signals still owe their VTT report, as the status line says it; worked out
    /// when a page of the inbox loads, not for every frame.
    public var vttReminder: String?

    public init() {}

    /// Whether something is open over the inbox (so that keys are this pane's, not the tabs').
    public var hasOverlay: Bool {
        detail != nil || registration != nil || draftOffer != nil || search != nil || filterPanel != nil
            || caseOfferSignalID != nil || route != nil || receipt != nil
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
