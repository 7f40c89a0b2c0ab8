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
public struct InboxRow: ListRow {
    public let signal: SignalSummary
    public let deadline: DeadlineStanding
    /// Acute or with a minor, and the VTT report not yet recorded.
    public var owesVTTReport = false

    public var listKey: ListKey { signal.key }
}

/// The inbox: a window over the signals the user may see, newest first.
public typealias InboxState = PagedList<InboxRow>
