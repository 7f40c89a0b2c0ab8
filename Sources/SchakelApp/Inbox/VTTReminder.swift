import Meldroute
import SchakelCore

/// Which loaded signals still owe their VTT report (acute, or a minor involved, and not yet
/// recorded): the status line keeps saying so until it is recorded.
enum VTTReminder {
    static func codes(in inbox: InboxState, context: AppContext) -> [String]? {
        let engine = WorkflowEngine(context.workflow)
        let waiting = inbox.rows.filter { row in
            let signal = row.signal
            guard signal.acute || signal.minorInvolved else { return false }
            let instance = WorkflowInstance(state: signal.state, facts: CaseFacts(acute: signal.acute, minorInvolved: signal.minorInvolved),
                                            receivedAt: signal.receivedAt, recorded: signal.recordedDates)
            return !engine.outstandingObligations(for: instance).isEmpty
        }
        return waiting.map(\.signal.code)
    }
}
