import Foundation
import Meldroute
import TerminalKit

/// A route step's form in progress, as it is kept between sessions: which step, on which signal,
/// and what was typed in each field.
struct StepDraft: JSONDraft, Hashable {
    var event: String
    var eventLabel: String
    var code: String
    /// Each field's input as text parts (date and time are two), by field id.
    var values: [String: [String]]
    var field: Int

    init(_ form: EventForm, code: String) {
        event = form.event.id
        eventLabel = form.event.label
        self.code = code
        values = Dictionary(uniqueKeysWithValues: zip(form.event.fields.map(\.id), form.inputs.map(\.draftText)))
        field = form.field
    }

    /// The form of `definition` with what was typed put back; fields the workflow no longer has
    /// are left out, new ones start empty.
    func form(of definition: EventDefinition, now: LocalDateTime) -> EventForm {
        var form = EventForm(definition, now: now)
        for (index, field) in definition.fields.enumerated() {
            if let parts = values[field.id] { form.inputs[index].restore(parts) }
        }
        form.field = min(max(0, field), max(0, form.inputs.count - 1))
        form.markRestored()
        return form
    }
}

extension FieldInput {
    /// What the input holds, as text: what a draft keeps and what a change is measured by.
    var draftText: [String] {
        switch self {
        case .text(let field): return [field.text]
        case .date(let input): return [input.text]
        case .dateTime(let date, let time): return [date.text, time.text]
        case .choice(let list): return [list.selected?.id ?? ""]
        case .choices(let list): return list.chosenOptions.map(\.id)
        case .boolean(let toggle): return [toggle.isOn ? "ja" : "nee"]
        }
    }

    /// Puts back what `parts` says the input held.
    mutating func restore(_ parts: [String]) {
        let first = parts.first ?? ""
        switch self {
        case .text(var field):
            field.set(first)
            self = .text(field)
        case .date: self = .date(DateInput(first))
        case .dateTime: self = .dateTime(DateInput(first), TimeInput(parts.count > 1 ? parts[1] : ""))
        case .choice(let list): self = .choice(SelectList(list.options, selected: first))
        case .choices(let list): self = .choices(MultiSelectList(list.options, chosen: Set(parts)))
        case .boolean: self = .boolean(Toggle(first == "ja"))
        }
    }
}
