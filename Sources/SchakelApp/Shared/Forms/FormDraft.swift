import Foundation
import Meldroute
import TerminalKit

/// A form in progress, as it is kept between sessions: which form (a route step, an item's minutes),
/// what it is about (a signal's code, an agenda item), and what was typed in each field.
struct FormDraft: JSONDraft, Hashable {
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
