/// A state of a workflow, e.g. `gemeld` in the municipal reporting route.
public struct StateDefinition: Hashable, Sendable {
    public let id: String
    /// What an officer reads, in Dutch.
    public let label: String
    /// A terminal state ends the route (it may still be reopened by an event).
    public let isTerminal: Bool

    public init(id: String, label: String, isTerminal: Bool) {
        self.id = id
        self.label = label
        self.isTerminal = isTerminal
    }
}

/// A workflow as loaded from its file in `Resources/workflows/`.
/// (Events, transitions, guards and deadlines join the states in the Meldroute engine.)
public struct WorkflowDefinition: Hashable, Sendable {
    public let name: String
    public let label: String
    /// In the order the file lists them, which is the order of the route.
    public let states: [StateDefinition]

    public init(name: String, label: String, states: [StateDefinition]) {
        self.name = name
        self.label = label
        self.states = states
    }

    public func state(_ id: String) -> StateDefinition? { states.first { $0.id == id } }

    /// The Dutch label of a state; an id the workflow does not know is shown as itself,
    /// marked, so that a stored state is never hidden.
    public func label(ofState id: String) -> String { state(id)?.label ?? "? \(id)" }
}
