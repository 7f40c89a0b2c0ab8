import Yams

/// What a kept record came to, which decides how long its personal data are kept. The words are
/// those of `Resources/bewaren/bewaartermijnen.yaml`.
public enum RetentionOutcome: String, CaseIterable, Hashable, Sendable {
    /// A signal closed at the decision without a follow-up step.
    case signalClosed = "signaal-zonder-vervolg"
    /// A signal passed on at the decision (follow-up steps set out).
    case signalPassedOn = "signaal-doorgezet"
    /// A KMT case closed.
    case caseClosed = "casus-afgesloten"
    /// An advice or consult of the KMT, once those are records of their own.
    case consult
    /// The minutes of a meeting, counted from the meeting's day.
    case minutes = "verslag"

    /// Whether the rule names the workflow state that starts its clock (all but the minutes).
    public var isRouteOutcome: Bool { self != .minutes }
}

/// One retention period: for what outcome (a route state reached with `bewaartermijn_starten`,
/// or a meeting's minutes), how many months.
public struct RetentionRule: Hashable, Sendable {
    public let outcome: RetentionOutcome
    public let label: String
    /// The workflow and the state its clock starts in; nil for the minutes.
    public let workflow: String?
    public let state: String?
    public let months: Int
    public let line: Int?

    public init(outcome: RetentionOutcome, label: String, workflow: String?, state: String?, months: Int, line: Int? = nil) {
        self.outcome = outcome
        self.label = label
        self.workflow = workflow
        self.state = state
        self.months = months
        self.line = line
    }

    /// The first day the record may be destroyed: `months` after its clock started.
    public func due(from started: CivilDate) -> CivilDate { started.adding(months: months) }
}

/// The retention periods, and whether they are still the shipped placeholders.
public struct RetentionRules: Hashable, Sendable {
    public let rules: [RetentionRule]
    /// The file says its periods are placeholders the privacy officer has yet to set.
    public let isProvisional: Bool

    public init(rules: [RetentionRule], isProvisional: Bool) {
        self.rules = rules
        self.isProvisional = isProvisional
    }

    /// The rule for a record whose clock started when its route reached `state` of `workflow`.
    public func rule(workflow: String, state: String) -> RetentionRule? {
        rules.first { $0.workflow == workflow && $0.state == state }
    }

    public var minutesRule: RetentionRule? { rules.first { $0.outcome == .minutes } }
}

/// Reads `Resources/bewaren/bewaartermijnen.yaml`, reporting every problem with its file and line.
public enum RetentionFile {
    /// - Parameter workflows: the states of each workflow Schakel runs, by workflow name.
    public static func parse(yaml text: String, file: String, workflows: [String: Set<String>]) throws(WorkflowFileProblems) -> RetentionRules {
        var problems: [WorkflowFileError] = []
        func problem(_ node: Node?, _ message: String) {
            problems.append(WorkflowFileError(file: file, line: node?.line, message: message))
        }
        let root = try DataFileYAML.root(of: text, file: file)
        guard let mapping = root?.mapping, let items = mapping["termijnen"]?.sequence else {
            throw WorkflowFileProblems([WorkflowFileError(file: file, line: root?.line, message: "verwacht een lijst 'termijnen'")])
        }
        let provisional: Bool? = switch mapping["voorlopig"]?.string?.lowercased() {
        case "ja"?, "true"?: true
        case "nee"?, "false"?: false
        default: nil
        }
        if provisional == nil { problem(mapping["voorlopig"] ?? root, "'voorlopig' ontbreekt of is geen ja/nee") }
        var rules: [RetentionRule] = []
        var seen: [String: Int] = [:]
        for item in items {
            guard let fields = item.mapping else {
                problem(item, "een termijn is een lijst van sleutels en waarden")
                continue
            }
            let outcomeWord = fields["uitkomst"]?.string
            let outcome = outcomeWord.flatMap(RetentionOutcome.init(rawValue:))
            if outcome == nil {
                problem(fields["uitkomst"] ?? item, "onbekende uitkomst '\(outcomeWord ?? "")'; bekend: "
                        + RetentionOutcome.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let label = fields["label"]?.string ?? ""
            if label.isEmpty { problem(item, "'label' ontbreekt") }
            let months = fields["maanden"]?.int
            if months == nil || !(1...1200).contains(months!) { problem(fields["maanden"] ?? item, "'maanden' is geen getal van 1 tot 1200") }
            let workflow = fields["workflow"]?.string, state = fields["status"]?.string
            if let outcome, outcome.isRouteOutcome {
                if let workflow, let states = workflows[workflow] {
                    if let state, !states.contains(state) {
                        problem(fields["status"], "workflow '\(workflow)' kent geen status '\(state)'")
                    } else if state == nil {
                        problem(item, "'status' ontbreekt: in welke status gaat de termijn lopen?")
                    }
                } else {
                    problem(fields["workflow"] ?? item, "onbekende workflow '\(workflow ?? "")'; bekend: "
                            + workflows.keys.sorted().joined(separator: ", "))
                }
            } else if outcome == .minutes && (workflow != nil || state != nil) {
                problem(fields["workflow"] ?? fields["status"], "een verslag telt vanaf de dag van het overleg: geen workflow of status")
            }
            let key = "\(workflow ?? "")/\(state ?? "")/\(outcome == .minutes ? "verslag" : "")"
            if let earlier = seen[key] {
                problem(item, outcome == .minutes ? "het verslag heeft al een termijn (regel \(earlier))"
                        : "status '\(state ?? "")' van '\(workflow ?? "")' heeft al een termijn (regel \(earlier))")
            } else {
                seen[key] = item.line ?? 0
            }
            guard let outcome, let months, !label.isEmpty else { continue }
            rules.append(RetentionRule(outcome: outcome, label: label, workflow: outcome.isRouteOutcome ? workflow : nil,
                                       state: outcome.isRouteOutcome ? state : nil, months: months, line: item.line))
        }
        guard problems.isEmpty else { throw WorkflowFileProblems(problems) }
        return RetentionRules(rules: rules, isProvisional: provisional ?? true)
    }
}
