import Meldroute
import SchakelCore

/// What a session works with: who is working, by which rules, and which day it is (the one
/// thing that changes: at midnight, Europe/Amsterdam, while the session runs).
public struct AppContext: Hashable, Sendable {
    public let user: User
    public internal(set) var today: CivilDate
    public let calendar: WorkingDayCalendar
    public let workflow: WorkflowDefinition
    /// The KMT work process, for the Casussen tab (its step names).
    public let caseWorkflow: WorkflowDefinition?
    /// Lines of the help overlay, from `Resources/help/`.
    public let helpLines: [String]
    /// Shown in the header when the database is a demo.
    public let isDemo: Bool
    /// Shown in the header when the database could only be opened read-only.
    public let isReadOnly: Bool

    public init(user: User, today: CivilDate, calendar: WorkingDayCalendar, workflow: WorkflowDefinition,
                helpLines: [String], isDemo: Bool, isReadOnly: Bool = false, caseWorkflow: WorkflowDefinition? = nil) {
        self.user = user
        self.today = today
        self.calendar = calendar
        self.workflow = workflow
        self.helpLines = helpLines
        self.isDemo = isDemo
        self.isReadOnly = isReadOnly
        self.caseWorkflow = caseWorkflow
    }
}
