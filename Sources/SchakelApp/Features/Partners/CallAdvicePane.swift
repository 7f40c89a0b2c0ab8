import Meldroute
import SchakelCore
import TerminalKit

/// "Wie bel ik voor…" (`w`): the situation as a form, then whom to call first and why.
public struct CallAdvicePane: Hashable, Sendable {
    /// The situation being filled in; nil while the advice is shown.
    public var form: EventForm?
    public var situation: CallSituation
    /// Nil while it is being worked out.
    public var lines: [CallAdvice.Line]?
    public var selected = 0

    static let definition = EventDefinition(id: "wie-bel-ik", label: "Wie bel ik voor…", fields: [
        FieldDefinition(id: "leeftijd", label: "Betrokkene is", type: .choice,
                        options: [ChoiceOption(id: "volwassen", label: "volwassen"), ChoiceOption(id: "minderjarig", label: "minderjarig")]),
        FieldDefinition(id: "vormen", label: "Vorm van uitbuiting", type: .multipleChoice, isRequired: false,
                        options: ExploitationForm.allCases.map { ChoiceOption(id: $0.code, label: $0.label) }),
        FieldDefinition(id: "acuut", label: "Acuut gevaar", type: .boolean, isRequired: false),
        FieldDefinition(id: "gemeente", label: "Gemeente", type: .choice, isRequired: false,
                        options: Municipality.twente.map { ChoiceOption(id: $0.name, label: $0.name) }),
    ])

    /// The form, filled in with `situation`.
    init(asking situation: CallSituation, today: CivilDate) {
        var form = EventForm(Self.definition, now: LocalDateTime(date: today, hour: 0, minute: 0))
        let values: [String: [String]] = [
            "leeftijd": [situation.minor ? "minderjarig" : "volwassen"], "vormen": situation.forms.members.map(\.code),
            "acuut": [situation.acute ? "ja" : "nee"], "gemeente": [situation.municipality ?? ""],
        ]
        for (index, field) in Self.definition.fields.enumerated() { form.inputs[index].restore(values[field.id] ?? []) }
        self.form = form
        self.situation = situation
    }

    /// The situation the form says.
    static func situation(from form: EventForm) -> CallSituation {
        guard case .success(let values) = form.values() else { return CallSituation() }
        var forms: [String] = []
        if case .choices(let chosen)? = values["vormen"] { forms = chosen }
        var acute = false
        if case .boolean(let value)? = values["acuut"] { acute = value }
        let municipality = values.text("gemeente")
        return CallSituation(minor: values.text("leeftijd") == "minderjarig",
                             forms: ExploitationForms(ExploitationForm.allCases.filter { forms.contains($0.code) }), acute: acute,
                             municipality: municipality.isEmpty ? nil : municipality)
    }

    public var selectedLine: CallAdvice.Line? { lines.flatMap { $0.indices.contains(selected) ? $0[selected] : nil } }
}
