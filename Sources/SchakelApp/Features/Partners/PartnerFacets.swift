import Meldroute
import SchakelCore
import TerminalKit

/// The facets of the sociale kaart as a form, so that the route's choices, their layout and their
/// keys serve here too: domain, target group, form of exploitation, municipality, 24/7, to check.
enum PartnerFacets {
    static let definition = EventDefinition(id: "facetten", label: "Filter op de sociale kaart", fields: [
        FieldDefinition(id: "doelgroepen", label: "Voor", type: .multipleChoice, isRequired: false,
                        options: TargetGroup.allCases.map { ChoiceOption(id: $0.code, label: $0.label) }),
        FieldDefinition(id: "gemeente", label: "Werkt in", type: .choice, isRequired: false,
                        options: Municipality.twente.map { ChoiceOption(id: $0.name, label: $0.name) }),
        FieldDefinition(id: "vormen", label: "Vorm van uitbuiting", type: .multipleChoice, isRequired: false,
                        options: ExploitationForm.allCases.map { ChoiceOption(id: $0.code, label: $0.shortLabel) }),
        FieldDefinition(id: "domeinen", label: "Domein", type: .multipleChoice, isRequired: false,
                        options: PartnerDomain.allCases.map { ChoiceOption(id: $0.code, label: $0.label) }),
        FieldDefinition(id: "crisis", label: "Dag en nacht bereikbaar", type: .boolean, isRequired: false),
        FieldDefinition(id: "controle", label: "Alleen te controleren", type: .boolean, isRequired: false),
    ])

    /// The form, filled in from the filter in force.
    static func form(for filter: PartnerFilter, today: CivilDate) -> EventForm {
        var form = EventForm(definition, now: LocalDateTime(date: today, hour: 0, minute: 0))
        let values: [String: [String]] = [
            "doelgroepen": filter.targetGroups.members.map(\.code), "gemeente": [filter.municipality ?? ""],
            "vormen": filter.forms.members.map(\.code), "domeinen": filter.domains.members.map(\.code),
            "crisis": [filter.alwaysReachableOnly ? "ja" : "nee"], "controle": [filter.needsCheckingOnly ? "ja" : "nee"],
        ]
        for (index, field) in definition.fields.enumerated() { form.inputs[index].restore(values[field.id] ?? []) }
        form.resetChanges()
        return form
    }

    /// The filter the form says, with the typed text kept.
    static func filter(from form: EventForm, text: String) -> PartnerFilter {
        guard case .success(let values) = form.values() else { return PartnerFilter(text: text) }
        func chosen(_ id: String) -> [String] {
            if case .choices(let ids)? = values[id] { return ids }
            return []
        }
        func on(_ id: String) -> Bool {
            if case .boolean(let value)? = values[id] { return value }
            return false
        }
        let municipality = values.text("gemeente")
        return PartnerFilter(text: text, domains: PartnerDomains(codes: chosen("domeinen")),
                             targetGroups: TargetGroups(codes: chosen("doelgroepen")),
                             forms: ExploitationForms(ExploitationForm.allCases.filter { chosen("vormen").contains($0.code) }),
                             municipality: municipality.isEmpty ? nil : municipality, alwaysReachableOnly: on("crisis"),
                             needsCheckingOnly: on("controle"))
    }
}
