import Testing
import TestSupport
@testable import Meldroute

let now = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 10, minute: 30)

/// A value the field accepts at `now`.
func sampleValue(_ field: FieldDefinition) -> FieldValue {
    switch field.type {
    case .text: return .text("Toelichting bij \(field.id)")
    case .date: return .date(now.date)
    case .dateTime: return .dateTime(now)
    case .choice: return .choice(field.options[0].id)
    case .multipleChoice: return .choices([field.options[0].id])
    case .boolean: return .boolean(true)
    }
}

/// Values for every required field, plus what the row's guards ask for.
func validFields(for event: EventDefinition, satisfying guards: [String] = []) -> FieldValues {
    var values: FieldValues = [:]
    for field in event.fields where field.isRequired { values[field.id] = sampleValue(field) }
    if guards.contains("vervolgstap_gekozen") { values["vervolgstappen"] = .choices(["kmt_vtt", "ondermijningsoverleg"]) }
    if guards.contains("geen_vervolgstap_met_reden") { values["reden_geen_vervolg"] = .choice("geen_aanwijzingen") }
    return values
}

/// A new instance of the workflow in `state`, received today.
func instance(_ state: String, facts: CaseFacts = CaseFacts(), recorded: [String: FieldValues] = [:]) -> WorkflowInstance {
    WorkflowInstance(state: state, facts: facts, receivedAt: now, recorded: recorded)
}

extension Result {
    var success: Success? { if case .success(let value) = self { return value } else { return nil } }
    var failure: Failure? { if case .failure(let error) = self { return error } else { return nil } }
}

/// One row of a shipped workflow's transition table, as a test argument.
struct TransitionCase: CustomTestStringConvertible, Sendable {
    let workflow: String
    let index: Int
    let row: TransitionDefinition

    var testDescription: String { "\(workflow): \(row.from) —\(row.event)→ \(row.to) \(row.guards)" }

    static func all(_ name: String) -> [TransitionCase] {
        let workflow = try! shippedWorkflow(name)
        return workflow.transitions.enumerated().map { TransitionCase(workflow: name, index: $0.offset, row: $0.element) }
    }
}
