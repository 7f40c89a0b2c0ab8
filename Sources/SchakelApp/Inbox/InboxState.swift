import SchakelCore
import Meldroute

/// How the nearest running deadline of a signal stands today, by the rules of its workflow.
public enum DeadlineStanding: Hashable, Sendable {
    /// No deadline runs in the signal's current step.
    case none
    /// `label` is due on `date`; `workingDaysLeft` 0 is today, negative is overdue.
    case due(label: String, date: CivilDate, workingDaysLeft: Int)

    public static func of(_ signal: SignalSummary, context: AppContext) -> DeadlineStanding {
        let instance = WorkflowInstance(
            state: signal.state, facts: CaseFacts(acute: signal.acute, minorInvolved: signal.minorInvolved),
            receivedAt: signal.receivedAt, recorded: signal.recordedDates)
        let deadlines = WorkflowEngine(context.workflow).deadlines(for: instance, calendar: context.calendar)
        guard let nearest = deadlines.min(by: { $0.due < $1.due }) else { return .none }
        return .due(label: nearest.label, date: nearest.due,
                    workingDaysLeft: context.calendar.workingDays(from: context.today, to: nearest.due))
    }

    public var isOverdue: Bool {
        if case .due(_, _, let left) = self { return left < 0 }
        return false
    }
}

/// A signal as the inbox lists it.
public struct InboxRow: Hashable, Sendable {
    public let signal: SignalSummary
    public let deadline: DeadlineStanding
}

/// A window of the inbox, newest first, over a list that may be far longer than memory should hold.
/// Rows are fetched by key around the selection; `rows` never exceeds `InboxState.capacity`.
public struct InboxState: Hashable, Sendable {
    /// Rows fetched per page.
    public static let pageSize = 100
    /// Most rows held at once; the far end is dropped as the window moves.
    public static let capacity = 3 * pageSize

    public var rows: [InboxRow] = []
    /// Index in `rows` of the selected row.
    public var selected = 0
    /// Index in `rows` of the first visible row.
    public var top = 0
    public var hasNewer = false
    public var hasOlder = false
    /// Whether the first page has arrived.
    public var isLoaded = false
    /// Selection movement still to make once the page being fetched arrives.
    public var pendingMove = 0
    /// After a reload: the signal to select again, if it is on the page.
    public var reselectID: Int64?
    /// The page on its way replaces the window instead of extending it (a reload in place).
    public var isReloading = false

    public init() {}

    public var selectedRow: InboxRow? { rows.indices.contains(selected) ? rows[selected] : nil }
}
