/// The rules a workflow must keep, checked on load: every name refers to something that exists,
/// every state can be reached and can reach an end, and the transition table is unambiguous.
enum WorkflowValidator {
    struct Problem: Hashable {
        let line: Int?
        let message: String
    }

    static func problems(in workflow: WorkflowDefinition) -> [Problem] {
        var problems: [Problem] = []
        func report(_ line: Int?, _ message: String) { problems.append(Problem(line: line, message: message)) }

        let stateIDs = Set(workflow.states.map(\.id))
        let eventIDs = Set(workflow.events.map(\.id))

        reportDuplicates(workflow.states.map { ($0.id, $0.line) }, kind: "toestand", report)
        reportDuplicates(workflow.events.map { ($0.id, $0.line) }, kind: "gebeurtenis", report)
        reportDuplicates(workflow.deadlines.map { ($0.id, $0.line) }, kind: "termijn", report)
        reportDuplicates(workflow.obligations.map { ($0.id, $0.line) }, kind: "verplichting", report)
        for event in workflow.events {
            reportDuplicates(event.fields.map { ($0.id, $0.line) }, kind: "veld in '\(event.id)'", report)
            for field in event.fields {
                let isChoice = field.type == .choice || field.type == .multipleChoice
                if isChoice && field.options.isEmpty { report(field.line, "keuzeveld '\(field.id)' heeft geen keuzes") }
                if !isChoice && !field.options.isEmpty { report(field.line, "veld '\(field.id)' is geen keuzeveld maar heeft keuzes") }
                reportDuplicates(field.options.map { ($0.id, field.line) }, kind: "keuze in '\(field.id)'", report)
            }
        }

        if !stateIDs.contains(workflow.initialState) {
            report(nil, "begintoestand '\(workflow.initialState)' bestaat niet")
        }

        for row in workflow.transitions {
            if !stateIDs.contains(row.from) { report(row.line, "onbekende toestand '\(row.from)' in 'van'") }
            if !stateIDs.contains(row.to) { report(row.line, "onbekende toestand '\(row.to)' in 'naar'") }
            guard let event = workflow.event(row.event) else {
                report(row.line, "onbekende gebeurtenis '\(row.event)'")
                continue
            }
            for name in row.guards {
                guard let guardRule = Guard.named(name) else {
                    report(row.line, "onbekende voorwaarde '\(name)' (bekend: \(Guard.all.map(\.name).joined(separator: ", ")))")
                    continue
                }
                for read in guardRule.readsFields where event.field(read.id)?.type != read.type {
                    report(row.line, "voorwaarde '\(name)' leest veld '\(read.id)' (\(read.type.rawValue)), "
                           + "maar gebeurtenis '\(event.id)' heeft dat veld niet")
                }
            }
            for name in row.effects where Effect.named(name) == nil {
                report(row.line, "onbekend gevolg '\(name)' (bekend: \(Effect.all.map(\.name).joined(separator: ", ")))")
            }
            if let template = row.timelineTemplate {
                for placeholder in TimelineText.placeholders(in: template) where event.field(placeholder) == nil {
                    report(row.line, "tijdlijntekst noemt '{\(placeholder)}', maar gebeurtenis '\(event.id)' heeft dat veld niet")
                }
            }
            if let state = workflow.state(row.from), state.isTerminal {
                report(row.line, "eindtoestand '\(row.from)' heeft een uitgaande overgang ('\(row.event)')")
            }
        }

        // Two rows for the same state and event must be told apart by their guards.
        var seen: [String: [TransitionDefinition]] = [:]
        for row in workflow.transitions {
            let key = row.from + "\u{0}" + row.event
            for earlier in seen[key, default: []] where earlier.guards.isEmpty || row.guards.isEmpty
                || Set(earlier.guards) == Set(row.guards) {
                report(row.line, "dubbele overgang: '\(row.event)' vanuit '\(row.from)' staat er al (regel "
                       + "\(earlier.line.map(String.init) ?? "?")) zonder voorwaarde die ze onderscheidt")
            }
            seen[key, default: []].append(row)
        }

        for deadline in workflow.deadlines {
            for state in deadline.runningIn where !stateIDs.contains(state) {
                report(deadline.line, "onbekende toestand '\(state)' in 'loopt_in' van termijn '\(deadline.id)'")
            }
            if case .field(let eventID, let fieldID) = deadline.anchor {
                if let event = workflow.event(eventID) {
                    if let field = event.field(fieldID) {
                        if field.type != .date && field.type != .dateTime {
                            report(deadline.line, "termijn '\(deadline.id)' telt vanaf '\(eventID).\(fieldID)', maar dat is geen datumveld")
                        }
                    } else {
                        report(deadline.line, "gebeurtenis '\(eventID)' heeft geen veld '\(fieldID)'")
                    }
                } else {
                    report(deadline.line, "onbekende gebeurtenis '\(eventID)' in 'vanaf' van termijn '\(deadline.id)'")
                }
            }
            if let condition = deadline.condition { checkFactGuard(condition, line: deadline.line, report) }
        }

        for obligation in workflow.obligations {
            checkFactGuard(obligation.condition, line: obligation.line, report)
            if !eventIDs.contains(obligation.recordedBy) {
                report(obligation.line, "onbekende gebeurtenis '\(obligation.recordedBy)' in 'vastgelegd_met'")
                continue
            }
            // An outstanding obligation blocks everything else, so it must be recordable everywhere.
            for state in workflow.states where !state.isTerminal
                && workflow.transitions(from: state.id, on: obligation.recordedBy).isEmpty {
                report(obligation.line, "verplichting '\(obligation.id)' kan in toestand '\(state.id)' niet worden "
                       + "vastgelegd: '\(obligation.recordedBy)' heeft daar geen overgang")
            }
        }

        guard stateIDs.contains(workflow.initialState) else { return problems }
        let reachable = reach(from: [workflow.initialState], workflow.transitions.map { ($0.from, $0.to) })
        for state in workflow.states where !reachable.contains(state.id) {
            report(state.line, "toestand '\(state.id)' is vanuit '\(workflow.initialState)' niet te bereiken")
        }
        let ending = reach(from: workflow.states.filter(\.isTerminal).map(\.id), workflow.transitions.map { ($0.to, $0.from) })
        for state in workflow.states where !state.isTerminal && !ending.contains(state.id) {
            report(state.line, "vanuit toestand '\(state.id)' is geen eindtoestand te bereiken")
        }
        return problems
    }

    /// Deadlines and obligations are judged without an event, so their guards may not read fields.
    private static func checkFactGuard(_ name: String, line: Int?, _ report: (Int?, String) -> Void) {
        guard let guardRule = Guard.named(name) else {
            report(line, "onbekende voorwaarde '\(name)' in 'wanneer'")
            return
        }
        if !guardRule.readsFields.isEmpty {
            report(line, "voorwaarde '\(name)' leest velden van een gebeurtenis en kan hier niet dienen")
        }
    }

    private static func reportDuplicates(_ items: [(String, Int?)], kind: String, _ report: (Int?, String) -> Void) {
        var seen: Set<String> = []
        for (id, line) in items where !seen.insert(id).inserted {
            report(line, "\(kind) '\(id)' staat er twee keer in")
        }
    }

    /// Every node reachable from `starts` along `edges`.
    private static func reach(from starts: [String], _ edges: [(String, String)]) -> Set<String> {
        var next: [String: [String]] = [:]
        for (from, to) in edges { next[from, default: []].append(to) }
        var seen = Set(starts)
        var queue = starts
        while let node = queue.popLast() {
            for target in next[node, default: []] where seen.insert(target).inserted { queue.append(target) }
        }
        return seen
    }
}
