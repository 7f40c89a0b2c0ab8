/// A value entered for an event's field.
public enum FieldValue: Hashable, Sendable {
    case text(String)
    case date(CivilDate)
    case dateTime(LocalDateTime)
    case choice(String)
    case choices([String])
    case boolean(Bool)

    /// The field type this value belongs to.
    public var type: FieldType {
        switch self {
        case .text: return .text
        case .date: return .date
        case .dateTime: return .dateTime
        case .choice: return .choice
        case .choices: return .multipleChoice
        case .boolean: return .boolean
        }
    }

    /// Whether the value counts as not filled in: empty text, no choices.
    public var isEmpty: Bool {
        switch self {
        case .text(let text): return text.allSatisfy(\.isWhitespace)
        case .choice(let id): return id.isEmpty
        case .choices(let ids): return ids.isEmpty
        case .date, .dateTime, .boolean: return false
        }
    }
}

/// The values entered with one event, by field id.
public typealias FieldValues = [String: FieldValue]

extension Dictionary where Key == String, Value == FieldValue {
    /// A text field's text, or a single choice's id; empty when the field was left empty.
    public func text(_ id: String) -> String {
        switch self[id] {
        case .text(let text)?: return text
        case .choice(let choice)?: return choice
        default: return ""
        }
    }
}

/// What is known about the signal or case that guards and obligations ask about.
public struct CaseFacts: Hashable, Sendable {
    public var acute: Bool
    public var minorInvolved: Bool
    public var crisis: Bool

    public init(acute: Bool = false, minorInvolved: Bool = false, crisis: Bool = false) {
        self.acute = acute
        self.minorInvolved = minorInvolved
        self.crisis = crisis
    }
}

/// One signal or case as the engine sees it: where it is in the workflow and what has been
/// recorded. The store keeps it; the engine only computes the next one.
public struct WorkflowInstance: Hashable, Sendable {
    public var state: String
    public var facts: CaseFacts
    public var receivedAt: LocalDateTime
    /// The values last recorded with each event fired so far, by event id.
    public var recorded: [String: FieldValues]

    public init(state: String, facts: CaseFacts, receivedAt: LocalDateTime, recorded: [String: FieldValues] = [:]) {
        self.state = state
        self.facts = facts
        self.receivedAt = receivedAt
        self.recorded = recorded
    }

    /// Whether `event` has been fired at least once.
    public func hasRecorded(_ event: String) -> Bool { recorded[event] != nil }
}
