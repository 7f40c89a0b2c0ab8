import SchakelCore

/// How the contact deadline of a signal stands today.
public enum ContactDeadline: Hashable, Sendable {
    /// Contact has been made, or the signal is past that step.
    case notApplicable
    /// Working days left until the deadline; 0 is today, negative is overdue.
    case workingDaysLeft(Int)

    /// The AF contacts the reporter within 3 working days of receipt (interne meldroute, step 2).
    public static let workingDays = 3

    public static func of(_ signal: SignalSummary, today: CivilDate, calendar: WorkingDayCalendar) -> ContactDeadline {
        guard signal.state == "gemeld" else { return .notApplicable }
        let due = calendar.addWorkingDays(workingDays, to: signal.receivedAt.date)
        return .workingDaysLeft(calendar.workingDays(from: today, to: due))
    }

    public var isOverdue: Bool {
        if case .workingDaysLeft(let left) = self { return left < 0 }
        return false
    }
}

/// A signal as the inbox lists it.
public struct InboxRow: Hashable, Sendable {
    public let signal: SignalSummary
    public let deadline: ContactDeadline
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

    public init() {}

    public var selectedRow: InboxRow? { rows.indices.contains(selected) ? rows[selected] : nil }
}
