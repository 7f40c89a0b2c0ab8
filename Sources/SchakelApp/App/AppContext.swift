import Meldroute
import SchakelCore

/// What a session works with: who is working, by which rules, and which day it is (the one
/// thing that changes: at midnight, Europe/Amsterdam, while the session runs).
public struct AppContext: Hashable, Sendable {
    public let user: User
    public internal(set) var today: CivilDate
    public let calendar: WorkingDayCalendar
    public let workflow: WorkflowDefinition
    /// The KMT work process: cases follow it, and a step on a signal may start one.
    public let caseWorkflow: WorkflowDefinition
    /// The `overleg` workflow, which meetings follow; it names their statuses.
    public let meetingWorkflow: WorkflowDefinition?
    /// The recurring meetings: each one's standing agenda items.
    public let meetingSeries: [MeetingSeriesDefinition]
    /// The rules of "wie bel ik voor…", from `Resources/socialekaart/wie-bel-ik.yaml`.
    public let callRules: [CallRule]
    /// The sociale kaart shipped with this version, offered to a database that has an older one.
    public let shippedDirectory: ShippedDirectory?
    /// Lines of the help overlay, from `Resources/help/`.
    public let helpLines: [String]
    /// Shown in the header when the database is a demo.
    public let isDemo: Bool
    /// Shown in the header when the database could only be opened read-only.
    public let isReadOnly: Bool
    /// After how many minutes without a key the screen locks.
    public let idleLockMinutes: Int
    /// The login before this one, shown in the header at start.
    public let previousLogin: PreviousLogin?
    /// The estimate tab 5 lays the signals beside.
    public let victimEstimate: VictimEstimate?
    /// The login's locale cannot show block characters: charts are drawn with `#`.
    public let asciiCharts: Bool
    /// How long finished records are kept: the destruction list of tab 7 is made under these.
    public let retention: RetentionRules?
    /// The kinds of activity and their audiences, from `Resources/activiteiten/soorten.yaml`.
    public let activityVocabulary: ActivityVocabulary?
    /// Advies en consult, which consults follow (`Resources/workflows/advies-en-consult.yaml`).
    public let consultWorkflow: WorkflowDefinition?

    public init(user: User, today: CivilDate, calendar: WorkingDayCalendar, workflow: WorkflowDefinition,
                caseWorkflow: WorkflowDefinition, meetingWorkflow: WorkflowDefinition? = nil,
                meetingSeries: [MeetingSeriesDefinition] = [], callRules: [CallRule] = [], shippedDirectory: ShippedDirectory? = nil,
                helpLines: [String], isDemo: Bool, isReadOnly: Bool = false, idleLockMinutes: Int = IdleLock.defaultMinutes,
                previousLogin: PreviousLogin? = nil, victimEstimate: VictimEstimate? = nil, asciiCharts: Bool = false,
                retention: RetentionRules? = nil, activityVocabulary: ActivityVocabulary? = nil,
                consultWorkflow: WorkflowDefinition? = nil) {
        self.consultWorkflow = consultWorkflow
        self.retention = retention
        self.activityVocabulary = activityVocabulary
        self.victimEstimate = victimEstimate
        self.asciiCharts = asciiCharts
        self.idleLockMinutes = idleLockMinutes
        self.previousLogin = previousLogin
        self.callRules = callRules
        self.shippedDirectory = shippedDirectory
        self.user = user
        self.today = today
        self.calendar = calendar
        self.workflow = workflow
        self.helpLines = helpLines
        self.isDemo = isDemo
        self.isReadOnly = isReadOnly
        self.caseWorkflow = caseWorkflow
        self.meetingWorkflow = meetingWorkflow
        self.meetingSeries = meetingSeries
    }

    /// The standing items of the series `id`, if it has any.
    public func standingItems(ofSeries id: String?) -> [String] {
        meetingSeries.first { $0.id == id }?.standingItems ?? []
    }

    /// A meeting's status as its workflow names it.
    public func meetingStatusLabel(_ status: String) -> String {
        meetingWorkflow?.label(ofState: status) ?? status
    }

    /// The workflows, as the store runs them.
    public var workflows: Workflows {
        Workflows(signalRoute: WorkflowEngine(workflow), caseProcess: WorkflowEngine(caseWorkflow), consult: consultWorkflow.map(WorkflowEngine.init))
    }
}
