import Meldroute

/// A signal or case as its workflow sees it: the instance and the version a change must start from.
public struct SignalRouteState: Hashable, Sendable {
    public let signalID: Int64
    public let code: String
    public let instance: WorkflowInstance
    public let version: Int

    public init(signalID: Int64, code: String, instance: WorkflowInstance, version: Int) {
        self.signalID = signalID
        self.code = code
        self.instance = instance
        self.version = version
    }
}

/// What recording a route event stored.
public struct RecordedRouteEvent: Hashable, Sendable {
    public let transition: FiredTransition
    public let version: Int
    public let timelineEventID: Int64

    public init(transition: FiredTransition, version: Int, timelineEventID: Int64) {
        self.transition = transition
        self.version = version
        self.timelineEventID = timelineEventID
    }
}

/// The two workflows Schakel runs: a signal's municipal route, and the KMT's process for a case
/// (which a step on a signal may start).
public struct Workflows: Sendable {
    public let signalRoute: WorkflowEngine
    public let caseProcess: WorkflowEngine
    /// Advies en consult; nil where no consult is made (a tool that never registers one).
    public let consult: WorkflowEngine?

    public init(signalRoute: WorkflowEngine, caseProcess: WorkflowEngine, consult: WorkflowEngine? = nil) {
        self.signalRoute = signalRoute
        self.caseProcess = caseProcess
        self.consult = consult
    }
}

/// Moving signals along their route, with the access policy applied for the acting user.
public protocol SignalRouting: Sendable {
    func signalRouteState(id: Int64, for user: User) throws(StoreFailure) -> SignalRouteState
    func recordRouteEvent(_ eventID: String, fields: FieldValues, onSignal id: Int64, expectedVersion: Int,
                          workflows: Workflows, by user: User) throws(StoreFailure) -> RecordedRouteEvent
}
