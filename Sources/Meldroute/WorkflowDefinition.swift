/// A workflow as loaded and validated from its file in `Resources/workflows/`: states, the
/// events that move an instance between them, deadlines and obligations.
public struct WorkflowDefinition: Hashable, Sendable {
    public let name: String
    public let label: String
    /// The state a new instance starts in.
    public let initialState: String
    /// In the order the file lists them, which is the order of the route.
    public let states: [StateDefinition]
    public let events: [EventDefinition]
    public let transitions: [TransitionDefinition]
    public let deadlines: [DeadlineDefinition]
    public let obligations: [ObligationDefinition]

    public init(name: String, label: String, initialState: String, states: [StateDefinition],
                events: [EventDefinition] = [], transitions: [TransitionDefinition] = [],
                deadlines: [DeadlineDefinition] = [], obligations: [ObligationDefinition] = []) {
        self.name = name
        self.label = label
        self.initialState = initialState
        self.states = states
        self.events = events
        self.transitions = transitions
        self.deadlines = deadlines
        self.obligations = obligations
    }

    public func state(_ id: String) -> StateDefinition? { states.first { $0.id == id } }
    public func event(_ id: String) -> EventDefinition? { events.first { $0.id == id } }

    /// The Dutch label of a state; an id the workflow does not know is shown as itself,
    /// marked, so that a stored state is never hidden.
    public func label(ofState id: String) -> String { state(id)?.label ?? "? \(id)" }

    /// The transition rows for `event` leaving `state`, in file order.
    public func transitions(from state: String, on event: String) -> [TransitionDefinition] {
        transitions.filter { $0.from == state && $0.event == event }
    }
}

/// Where in its file a definition was written, for messages.
public typealias SourceLine = Int?

/// A state of a workflow, e.g. `gemeld` in the municipal reporting route.
public struct StateDefinition: Hashable, Sendable {
    public let id: String
    /// What an officer reads, in Dutch.
    public let label: String
    /// A terminal state ends the route: nothing leaves it.
    public let isTerminal: Bool
    /// The work is done (for lists and counts), though a non-terminal closed state may be reopened.
    public let isClosed: Bool
    public let line: SourceLine

    public init(id: String, label: String, isTerminal: Bool, isClosed: Bool? = nil, line: SourceLine = nil) {
        self.id = id
        self.label = label
        self.isTerminal = isTerminal
        self.isClosed = isClosed ?? isTerminal
        self.line = line
    }
}

/// Something an officer records that may move an instance: "contact opgenomen", "besluit".
public struct EventDefinition: Hashable, Sendable {
    public let id: String
    public let label: String
    public let fields: [FieldDefinition]
    /// How the timeline files the event.
    public let timelineKind: TimelineKind
    public let line: SourceLine

    public init(id: String, label: String, fields: [FieldDefinition] = [], timelineKind: TimelineKind = .transition,
                line: SourceLine = nil) {
        self.id = id
        self.label = label
        self.fields = fields
        self.timelineKind = timelineKind
        self.line = line
    }

    public func field(_ id: String) -> FieldDefinition? { fields.first { $0.id == id } }
}

/// The kinds of timeline entry. The raw values are stored and are the words of the file.
public enum TimelineKind: String, Hashable, Sendable, CaseIterable {
    case received, transition, note, contact, referral, meeting, decision, action, person
    /// The tombstone of a record whose personal data were destroyed after its retention period.
    case destruction

    public var label: String {
        switch self {
        case .received: return "ontvangen"
        case .transition: return "stap"
        case .note: return "notitie"
        case .contact: return "contact"
        case .referral: return "verwijzing"
        case .meeting: return "overleg"
        case .decision: return "besluit"
        case .action: return "afspraak"
        case .person: return "betrokkene"
        case .destruction: return "vernietigd"
        }
    }

    /// What a workflow's step may write: not "received" (the first line), "person" (written by
    /// keeping the persons) nor "destruction" (written by destroying a record).
    public static var stepKinds: [TimelineKind] { allCases.filter { ![.received, .person, .destruction].contains($0) } }
}

/// The kinds of value an event's field holds. The raw values are the words of the file.
public enum FieldType: String, Hashable, Sendable, CaseIterable {
    case text = "tekst"
    case date = "datum"
    case dateTime = "datumtijd"
    case choice = "keuze"
    case multipleChoice = "meerkeuze"
    case boolean = "janee"

    /// In Dutch, for messages and the documentation the workflow command prints.
    public var label: String {
        switch self {
        case .text: return "tekst"
        case .date: return "datum (dd-mm-jjjj)"
        case .dateTime: return "datum en tijd"
        case .choice: return "één keuze"
        case .multipleChoice: return "een of meer keuzes"
        case .boolean: return "ja/nee"
        }
    }
}

/// One option of a choice field.
public struct ChoiceOption: Hashable, Sendable {
    public let id: String
    public let label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

/// A field an event asks for.
public struct FieldDefinition: Hashable, Sendable {
    public let id: String
    public let label: String
    public let type: FieldType
    public let isRequired: Bool
    public let options: [ChoiceOption]
    /// For text: the most characters accepted.
    public let maxLength: Int
    /// For dates: not before today / not after now.
    public let notInPast: Bool
    public let notInFuture: Bool
    public let line: SourceLine

    public static let defaultMaxLength = 4000

    public init(id: String, label: String, type: FieldType, isRequired: Bool = true, options: [ChoiceOption] = [],
                maxLength: Int = FieldDefinition.defaultMaxLength, notInPast: Bool = false, notInFuture: Bool = false,
                line: SourceLine = nil) {
        self.id = id
        self.label = label
        self.type = type
        self.isRequired = isRequired
        self.options = options
        self.maxLength = maxLength
        self.notInPast = notInPast
        self.notInFuture = notInFuture
        self.line = line
    }

    public func option(_ id: String) -> ChoiceOption? { options.first { $0.id == id } }
}

/// One row of the transition table: in state `from`, event `event` leads to `to` when every
/// guard holds, and asks the store to run the effects.
public struct TransitionDefinition: Hashable, Sendable {
    public let from: String
    public let event: String
    public let to: String
    public let guards: [String]
    public let effects: [String]
    /// The timeline line, with `{veld}` placeholders; nil for the default text.
    public let timelineTemplate: String?
    public let line: SourceLine

    public init(from: String, event: String, to: String, guards: [String] = [], effects: [String] = [],
                timelineTemplate: String? = nil, line: SourceLine = nil) {
        self.from = from
        self.event = event
        self.to = to
        self.guards = guards
        self.effects = effects
        self.timelineTemplate = timelineTemplate
        self.line = line
    }
}

/// When a deadline starts counting.
public enum DeadlineAnchor: Hashable, Sendable {
    /// The moment the signal or case was received.
    case received
    /// A date or date-time field recorded with an event, e.g. the review date.
    case field(event: String, field: String)
}

/// A due date: `workingDays` working days after the anchor, counted while the instance is in
/// one of `runningIn`. Zero working days means the same working day (or the next, when the anchor
/// is not a working day).
public struct DeadlineDefinition: Hashable, Sendable {
    public let id: String
    public let label: String
    public let anchor: DeadlineAnchor
    public let workingDays: Int
    public let runningIn: [String]
    /// A guard that must hold for the deadline to apply (e.g. `crisis`), or nil for always.
    public let condition: String?
    public let line: SourceLine

    public init(id: String, label: String, anchor: DeadlineAnchor, workingDays: Int, runningIn: [String],
                condition: String? = nil, line: SourceLine = nil) {
        self.id = id
        self.label = label
        self.anchor = anchor
        self.workingDays = workingDays
        self.runningIn = runningIn
        self.condition = condition
        self.line = line
    }
}

/// Something that must be recorded before any other event is accepted, when its condition holds:
/// "direct gemeld bij VTT" for an acute signal or one involving a minor.
public struct ObligationDefinition: Hashable, Sendable {
    public let id: String
    public let label: String
    /// Why, in a sentence, for the rejection text.
    public let explanation: String
    /// The guard under which the obligation applies.
    public let condition: String
    /// The event that records it.
    public let recordedBy: String
    public let line: SourceLine

    public init(id: String, label: String, explanation: String, condition: String, recordedBy: String,
                line: SourceLine = nil) {
        self.id = id
        self.label = label
        self.explanation = explanation
        self.condition = condition
        self.recordedBy = recordedBy
        self.line = line
    }
}
