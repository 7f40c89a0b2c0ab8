/// What is wrong with one field's value.
public struct FieldProblem: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case missing
        case unknown
        case invalid(String)
    }

    public let field: String
    public let label: String
    public let kind: Kind

    public var message: String {
        switch kind {
        case .missing: return "\(label) ontbreekt"
        case .unknown: return "onbekend veld '\(field)'"
        case .invalid(let reason): return "\(label): \(reason)"
        }
    }
}

/// A guard that did not hold, with its reason.
public struct GuardFailure: Hashable, Sendable {
    public let guardName: String
    public let reason: String
}

/// Why an event was not accepted. Nothing changes when an event is rejected.
public enum Rejection: Error, Hashable, Sendable {
    case unknownEvent(String)
    case notAllowedInState(event: String, eventLabel: String, state: String, stateLabel: String)
    case obligationOutstanding(ObligationDefinition)
    case guardFailed([GuardFailure])
    case invalidFields([FieldProblem])

    /// The rejection as the officer reads it.
    public var message: String {
        switch self {
        case .unknownEvent(let id):
            return "Onbekende stap '\(id)'."
        case .notAllowedInState(_, let eventLabel, _, let stateLabel):
            return "‘\(eventLabel)’ is niet mogelijk in de toestand ‘\(stateLabel)’."
        case .obligationOutstanding(let obligation):
            return "Eerst vastleggen: \(obligation.label). \(obligation.explanation)"
        case .guardFailed(let failures):
            return "Niet mogelijk: " + failures.map(\.reason).joined(separator: "; of: ") + "."
        case .invalidFields(let problems):
            return "Niet opgeslagen: " + problems.map(\.message).joined(separator: "; ") + "."
        }
    }
}
