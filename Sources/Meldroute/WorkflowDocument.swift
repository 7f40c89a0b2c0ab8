/// A workflow written out for people: a Markdown description, or a Mermaid or Graphviz diagram.
public enum WorkflowDocument {
    public enum Format: String, CaseIterable, Sendable {
        case markdown, mermaid, dot
    }

    public static func render(_ workflow: WorkflowDefinition, as format: Format) -> String {
        switch format {
        case .markdown: return markdown(workflow)
        case .mermaid: return mermaid(workflow)
        case .dot: return dot(workflow)
        }
    }

    static func markdown(_ workflow: WorkflowDefinition) -> String {
        var lines = ["# \(workflow.label) (`\(workflow.name)`)", "", "Begint in ‘\(workflow.label(ofState: workflow.initialState))’.", ""]
        lines += ["## Toestanden", "", "| id | naam | soort |", "|---|---|---|"]
        for state in workflow.states {
            let kind = state.isTerminal ? "eind" : state.isClosed ? "gesloten (kan heropend)" : "open"
            lines.append("| `\(state.id)` | \(state.label) | \(kind) |")
        }
        lines += ["", "## Overgangen", "", "| van | gebeurtenis | naar | voorwaarden | gevolgen |", "|---|---|---|---|---|"]
        for row in workflow.transitions {
            let event = workflow.event(row.event)?.label ?? row.event
            let to = row.to == row.from ? "(blijft)" : workflow.label(ofState: row.to)
            lines.append("| \(workflow.label(ofState: row.from)) | \(event) | \(to) | \(names(row.guards)) | \(names(row.effects)) |")
        }
        lines += ["", "## Gebeurtenissen en hun velden", ""]
        for event in workflow.events {
            lines.append("- **\(event.label)** (`\(event.id)`)")
            for field in event.fields {
                var notes = [field.type.label, field.isRequired ? "verplicht" : "niet verplicht"]
                if field.notInPast { notes.append("niet in het verleden") }
                if field.notInFuture { notes.append("niet in de toekomst") }
                if field.type == .text { notes.append("hooguit \(field.maxLength) tekens") }
                var line = "  - \(field.label) (`\(field.id)`): " + notes.joined(separator: ", ")
                if !field.options.isEmpty { line += "; keuzes: " + field.options.map(\.label).joined(separator: " · ") }
                lines.append(line)
            }
        }
        if !workflow.deadlines.isEmpty {
            lines += ["", "## Termijnen", ""]
            for deadline in workflow.deadlines {
                let start: String
                switch deadline.anchor {
                case .received: start = "de ontvangst"
                case .field(let event, let field):
                    start = "‘" + (workflow.event(event)?.field(field)?.label ?? field) + "’"
                }
                let days = deadline.workingDays == 0 ? "dezelfde werkdag als" : "\(deadline.workingDays) werkdagen na"
                let states = deadline.runningIn.map { workflow.label(ofState: $0) }.joined(separator: ", ")
                let condition = deadline.condition.map { ", als `\($0)`" } ?? ""
                lines.append("- **\(deadline.label)**: \(days) \(start); loopt in \(states)\(condition)")
            }
        }
        if !workflow.obligations.isEmpty {
            lines += ["", "## Verplichtingen", ""]
            for obligation in workflow.obligations {
                let event = workflow.event(obligation.recordedBy)?.label ?? obligation.recordedBy
                lines.append("- **\(obligation.label)** als `\(obligation.condition)`; vastgelegd met ‘\(event)’. "
                             + obligation.explanation)
            }
        }
        let usedGuards = Guard.all.filter { rule in
            workflow.transitions.contains { $0.guards.contains(rule.name) }
                || workflow.deadlines.contains { $0.condition == rule.name }
                || workflow.obligations.contains { $0.condition == rule.name }
        }
        if !usedGuards.isEmpty {
            lines += ["", "## Voorwaarden", ""] + usedGuards.map { "- `\($0.name)`: \($0.description)" }
        }
        let usedEffects = Effect.all.filter { effect in workflow.transitions.contains { $0.effects.contains(effect.name) } }
        if !usedEffects.isEmpty {
            lines += ["", "## Gevolgen", ""] + usedEffects.map { "- `\($0.name)`: \($0.description)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func mermaid(_ workflow: WorkflowDefinition) -> String {
        var lines = ["stateDiagram-v2", "    [*] --> \(workflow.initialState)"]
        for state in workflow.states {
            lines.append("    \(state.id) : \(mermaidText(state.label))")
        }
        for row in workflow.transitions {
            let event = workflow.event(row.event)?.label ?? row.event
            let guards = row.guards.isEmpty ? "" : " [\(row.guards.joined(separator: ", "))]"
            lines.append("    \(row.from) --> \(row.to) : \(mermaidText(event + guards))")
        }
        for state in workflow.states where state.isTerminal {
            lines.append("    \(state.id) --> [*]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func dot(_ workflow: WorkflowDefinition) -> String {
        var lines = ["digraph \"\(dotText(workflow.name))\" {", "    rankdir=LR;", "    node [shape=box, style=rounded];",
                     "    start [shape=point];", "    start -> \"\(dotText(workflow.initialState))\";"]
        for state in workflow.states {
            let shape = state.isTerminal ? ", peripheries=2" : state.isClosed ? ", style=\"rounded,dashed\"" : ""
            lines.append("    \"\(dotText(state.id))\" [label=\"\(dotText(state.label))\"\(shape)];")
        }
        for row in workflow.transitions {
            let event = workflow.event(row.event)?.label ?? row.event
            let guards = row.guards.isEmpty ? "" : "\\n[\(dotText(row.guards.joined(separator: ", ")))]"
            lines.append("    \"\(dotText(row.from))\" -> \"\(dotText(row.to))\" [label=\"\(dotText(event))\(guards)\"];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func names(_ items: [String]) -> String {
        items.isEmpty ? "—" : items.map { "`\($0)`" }.joined(separator: ", ")
    }

    /// Mermaid ends a label at a line break and reads `;` and `#` specially.
    private static func mermaidText(_ text: String) -> String {
        String(text.map { "\n;#".contains($0) ? " " : $0 })
    }

    private static func dotText(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }
}
