import Yams

/// Reads a workflow definition from YAML text and validates it. Every problem is reported with
/// its file and line; a file with any problem gives no workflow.
public enum WorkflowLoader {
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the file's name, for messages.
    public static func load(yaml text: String, file: String) throws(WorkflowFileProblems) -> WorkflowDefinition {
        try DataFileYAML.refuseForbiddenCharacters(in: text, file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw WorkflowFileProblems([WorkflowFileError(file: file, line: nil, message: "het bestand is leeg")])
            }
            root = node
        } catch let problems as WorkflowFileProblems {
            throw problems
        } catch let error as YamlError {
            throw WorkflowFileProblems([WorkflowFileError(file: file, line: line(of: error), message: "geen geldige YAML: \(error)")])
        } catch {
            throw WorkflowFileProblems([WorkflowFileError(file: file, line: nil, message: "geen geldige YAML: \(error)")])
        }
        let reader = WorkflowReader(file: file)
        let parsed = reader.workflow(root)
        if let parsed, reader.problems.isEmpty {
            reader.problems += WorkflowValidator.problems(in: parsed).map {
                WorkflowFileError(file: file, line: $0.line, message: $0.message)
            }
        }
        guard let parsed, reader.problems.isEmpty else { throw WorkflowFileProblems(reader.problems) }
        return parsed
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }
}

extension Node {
    /// One-based line in the file, when known.
    var line: Int? { mark.map { $0.line } }
}

/// Turns YAML nodes into definitions, collecting every problem of shape rather than stopping at
/// the first. Meaning (unknown states, reachability, ...) is the validator's job.
final class WorkflowReader {
    let file: String
    var problems: [WorkflowFileError] = []

    init(file: String) { self.file = file }

    func problem(_ node: Node?, _ message: String) {
        problems.append(WorkflowFileError(file: file, line: node?.line, message: message))
    }

    func workflow(_ root: Node) -> WorkflowDefinition? {
        guard let map = mapping(root, what: "het bestand", keys: [
            "naam", "label", "begin", "toestanden", "gebeurtenissen", "overgangen", "termijnen", "verplichtingen",
        ]) else { return nil }
        let name = requiredString(map, "naam", in: root)
        let label = requiredString(map, "label", in: root)
        let initial = requiredString(map, "begin", in: root)
        let states = list(map, "toestanden", in: root, required: true).compactMap(state)
        let events = list(map, "gebeurtenissen", in: root, required: true).compactMap(event)
        let transitions = list(map, "overgangen", in: root, required: true).flatMap(transitions)
        let deadlines = list(map, "termijnen", in: root, required: false).compactMap(deadline)
        let obligations = list(map, "verplichtingen", in: root, required: false).compactMap(obligation)
        guard let name, let label, let initial else { return nil }
        return WorkflowDefinition(name: name, label: label, initialState: initial, states: states, events: events,
                                  transitions: transitions, deadlines: deadlines, obligations: obligations)
    }

    private func state(_ node: Node) -> StateDefinition? {
        guard let map = mapping(node, what: "een toestand", keys: ["id", "label", "eind", "gesloten"]) else { return nil }
        guard let id = requiredString(map, "id", in: node), let label = requiredString(map, "label", in: node) else { return nil }
        let terminal = bool(map, "eind", default: false)
        return StateDefinition(id: id, label: label, isTerminal: terminal,
                               isClosed: terminal || bool(map, "gesloten", default: false), line: node.line)
    }

    private func event(_ node: Node) -> EventDefinition? {
        guard let map = mapping(node, what: "een gebeurtenis", keys: ["id", "label", "velden", "tijdlijn_soort"]) else { return nil }
        guard let id = requiredString(map, "id", in: node), let label = requiredString(map, "label", in: node) else { return nil }
        let fields = list(map, "velden", in: node, required: false).compactMap(field)
        var kind = TimelineKind.transition
        if let kindNode = map["tijdlijn_soort"] {
            if let text = kindNode.string, let parsed = TimelineKind(rawValue: text), TimelineKind.stepKinds.contains(parsed) {
                kind = parsed
            } else {
                problem(kindNode, "onbekende tijdlijn_soort '\(kindNode.string ?? "")' (kies uit: "
                        + TimelineKind.stepKinds.map(\.rawValue).joined(separator: ", ") + ")")
            }
        }
        return EventDefinition(id: id, label: label, fields: fields, timelineKind: kind, line: node.line)
    }

    private func field(_ node: Node) -> FieldDefinition? {
        guard let map = mapping(node, what: "een veld", keys: [
            "id", "label", "type", "verplicht", "keuzes", "max", "niet_in_verleden", "niet_in_toekomst",
        ]) else { return nil }
        guard let id = requiredString(map, "id", in: node), let label = requiredString(map, "label", in: node),
              let typeName = requiredString(map, "type", in: node) else { return nil }
        guard let type = FieldType(rawValue: typeName) else {
            problem(map["type"], "onbekend veldtype '\(typeName)' (kies uit: "
                    + FieldType.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            return nil
        }
        let options = list(map, "keuzes", in: node, required: false).compactMap { option -> ChoiceOption? in
            guard let optionMap = mapping(option, what: "een keuze", keys: ["id", "label"]),
                  let id = requiredString(optionMap, "id", in: option),
                  let label = requiredString(optionMap, "label", in: option) else { return nil }
            return ChoiceOption(id: id, label: label)
        }
        var maxLength = FieldDefinition.defaultMaxLength
        if let maxNode = map["max"] {
            if let value = maxNode.int, value > 0 { maxLength = value } else { problem(maxNode, "'max' moet een positief geheel getal zijn") }
        }
        return FieldDefinition(id: id, label: label, type: type, isRequired: bool(map, "verplicht", default: true),
                               options: options, maxLength: maxLength, notInPast: bool(map, "niet_in_verleden", default: false),
                               notInFuture: bool(map, "niet_in_toekomst", default: false), line: node.line)
    }

    /// One row per state in `van`, which may be a single state or a list.
    private func transitions(_ node: Node) -> [TransitionDefinition] {
        guard let map = mapping(node, what: "een overgang", keys: [
            "van", "gebeurtenis", "naar", "voorwaarden", "gevolgen", "tijdlijn",
        ]) else { return [] }
        let from = stringList(map, "van", in: node, required: true)
        guard let event = requiredString(map, "gebeurtenis", in: node) else { return [] }
        // Without 'naar' the event records something and the instance stays where it is.
        let to = map["naar"] == nil ? nil : requiredString(map, "naar", in: node)
        if map["naar"] != nil && to == nil { return [] }
        let guards = stringList(map, "voorwaarden", in: node, required: false)
        let effects = stringList(map, "gevolgen", in: node, required: false)
        let template = map["tijdlijn"].flatMap { node -> String? in
            guard let text = node.string, !text.isEmpty else { problem(node, "'tijdlijn' moet tekst zijn"); return nil }
            return text
        }
        return from.map {
            TransitionDefinition(from: $0, event: event, to: to ?? $0, guards: guards, effects: effects,
                                 timelineTemplate: template, line: node.line)
        }
    }

    private func deadline(_ node: Node) -> DeadlineDefinition? {
        guard let map = mapping(node, what: "een termijn", keys: ["id", "label", "vanaf", "werkdagen", "loopt_in", "wanneer"])
        else { return nil }
        guard let id = requiredString(map, "id", in: node), let label = requiredString(map, "label", in: node),
              let anchorText = requiredString(map, "vanaf", in: node) else { return nil }
        let anchor: DeadlineAnchor
        if anchorText == "ontvangst" {
            anchor = .received
        } else {
            let parts = anchorText.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                problem(map["vanaf"], "'vanaf' is 'ontvangst' of 'gebeurtenis.veld', niet '\(anchorText)'")
                return nil
            }
            anchor = .field(event: String(parts[0]), field: String(parts[1]))
        }
        guard let days = map["werkdagen"]?.int, days >= 0 else {
            problem(map["werkdagen"] ?? node, "'werkdagen' ontbreekt of is geen geheel getal van 0 of meer")
            return nil
        }
        let runningIn = stringList(map, "loopt_in", in: node, required: true)
        let condition = map["wanneer"].flatMap { $0.string }
        return DeadlineDefinition(id: id, label: label, anchor: anchor, workingDays: days, runningIn: runningIn,
                                  condition: condition, line: node.line)
    }

    private func obligation(_ node: Node) -> ObligationDefinition? {
        guard let map = mapping(node, what: "een verplichting", keys: ["id", "label", "toelichting", "wanneer", "vastgelegd_met"])
        else { return nil }
        guard let id = requiredString(map, "id", in: node), let label = requiredString(map, "label", in: node),
              let explanation = requiredString(map, "toelichting", in: node),
              let condition = requiredString(map, "wanneer", in: node),
              let recordedBy = requiredString(map, "vastgelegd_met", in: node) else { return nil }
        return ObligationDefinition(id: id, label: label, explanation: explanation, condition: condition,
                                    recordedBy: recordedBy, line: node.line)
    }

    // MARK: - Shapes

    private func mapping(_ node: Node, what: String, keys: Set<String>) -> Node.Mapping? {
        guard let map = node.mapping else {
            problem(node, "\(what) moet sleutels met waarden hebben")
            return nil
        }
        for (key, _) in map {
            if let name = key.string, !keys.contains(name) {
                problem(key, "onbekende sleutel '\(name)' in \(what) (verwacht: \(keys.sorted().joined(separator: ", ")))")
            }
        }
        return map
    }

    private func requiredString(_ map: Node.Mapping, _ key: String, in parent: Node) -> String? {
        guard let value = map[key]?.string, !value.isEmpty else {
            problem(map[key] ?? parent, "'\(key)' ontbreekt of is leeg")
            return nil
        }
        return value
    }

    private func bool(_ map: Node.Mapping, _ key: String, default value: Bool) -> Bool {
        guard let node = map[key] else { return value }
        guard let flag = node.bool else {
            problem(node, "'\(key)' moet true of false zijn")
            return value
        }
        return flag
    }

    private func list(_ map: Node.Mapping, _ key: String, in parent: Node, required: Bool) -> [Node] {
        guard let node = map[key] else {
            if required { problem(parent, "'\(key)' ontbreekt") }
            return []
        }
        guard let items = node.sequence else {
            problem(node, "'\(key)' moet een lijst zijn")
            return []
        }
        if required && items.isEmpty { problem(node, "'\(key)' is leeg") }
        return Array(items)
    }

    /// A single word or a list of words.
    private func stringList(_ map: Node.Mapping, _ key: String, in parent: Node, required: Bool) -> [String] {
        guard let node = map[key] else {
            if required { problem(parent, "'\(key)' ontbreekt") }
            return []
        }
        if let single = node.string, node.sequence == nil { return single.isEmpty ? [] : [single] }
        guard let items = node.sequence else {
            problem(node, "'\(key)' moet een woord of een lijst van woorden zijn")
            return []
        }
        return items.compactMap { item in
            guard let text = item.string, !text.isEmpty else { problem(item, "'\(key)' bevat een lege of ongeldige waarde"); return nil }
            return text
        }
    }
}
