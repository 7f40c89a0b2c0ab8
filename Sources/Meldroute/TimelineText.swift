import Foundation

/// The Dutch timeline line of a transition, from its template with `{veld}` placeholders.
enum TimelineText {
    /// The field ids a template names, in order.
    static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in template {
            if character == "{" {
                current = ""
            } else if character == "}", let name = current {
                if !name.isEmpty { names.append(name) }
                current = nil
            } else if current != nil {
                current!.append(character)
            }
        }
        return names
    }

    static func render(_ row: TransitionDefinition, event: EventDefinition, fields: FieldValues,
                       workflow: WorkflowDefinition) -> String {
        guard let template = row.timelineTemplate else {
            let move = row.from == row.to ? "" : " (\(workflow.label(ofState: row.from)) → \(workflow.label(ofState: row.to)))"
            return event.label + move
        }
        var text = template
        for name in placeholders(in: template) {
            // An optional field left empty leaves nothing behind.
            let value = event.field(name).flatMap { field in fields[name].map { format($0, field: field) } } ?? ""
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    static func format(_ value: FieldValue, field: FieldDefinition) -> String {
        switch value {
        case .text(let text): return text
        case .date(let date): return date.dutch
        case .dateTime(let moment): return moment.dutch
        case .choice(let id): return field.option(id)?.label ?? id
        case .choices(let ids): return ids.map { field.option($0)?.label ?? $0 }.joined(separator: ", ")
        case .boolean(let flag): return flag ? "ja" : "nee"
        }
    }
}
