import Meldroute
import SchakelCore

/// Which signals still owe their VTT report (acute, or a minor involved, and not yet recorded):
/// the status line keeps saying so until it is recorded. Judged once per row as its page loads.
enum VTTReminder {
    static func owesReport(_ signal: SignalSummary, engine: WorkflowEngine) -> Bool {
        guard signal.acute || signal.minorInvolved else { return false }
        let instance = WorkflowInstance(state: signal.state, facts: CaseFacts(acute: signal.acute, minorInvolved: signal.minorInvolved),
                                        receivedAt: signal.receivedAt, recorded: signal.recordedDates)
        return !engine.outstandingObligations(for: instance).isEmpty
    }

    /// The reminder for the rows loaded, or nil when none owes the report.
    static func text(for inbox: InboxState) -> String? {
        let waiting = inbox.rows.filter(\.owesVTTReport).map(\.signal.code)
        return waiting.isEmpty ? nil : " ! VTT-melding nog vastleggen (\(waiting.count)): " + waiting.joined(separator: ", ")
    }
}
