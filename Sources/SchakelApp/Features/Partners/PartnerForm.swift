import Meldroute
import SchakelCore
import TerminalKit

/// An organisation being added or changed: its fields as a form (so that the route's inputs,
/// layout and keys serve here too), checked as the store checks them before it is saved.
public struct PartnerForm: Hashable, Sendable, WholeForm {
    public var form: EventForm
    /// The organisation as it was loaded; nil for a new one.
    public let original: Partner?
    public var problem: String?
    public var isSaving = false

    static let areaWords = [("twente", "heel Twente"), ("landelijk", "landelijk")] + Municipality.twente.map { ($0.name, $0.name) }

    static func definition(_ label: String) -> EventDefinition {
        EventDefinition(id: "organisatie", label: label, fields: [
            FieldDefinition(id: "naam", label: "Naam", type: .text, maxLength: 200),
            FieldDefinition(id: "kort", label: "Korte naam", type: .text, isRequired: false, maxLength: 40),
            FieldDefinition(id: "soort", label: "Soort", type: .text, isRequired: false, maxLength: 100),
            FieldDefinition(id: "aanbod", label: "Aanbod", type: .text, isRequired: false, maxLength: 4000),
            FieldDefinition(id: "voor", label: "Voor", type: .multipleChoice, isRequired: false,
                            options: TargetGroup.allCases.map { ChoiceOption(id: $0.code, label: $0.label) }),
            FieldDefinition(id: "vormen", label: "Vormen", type: .multipleChoice, isRequired: false,
                            options: ExploitationForm.allCases.map { ChoiceOption(id: $0.code, label: $0.shortLabel) }),
            FieldDefinition(id: "domein", label: "Domein", type: .multipleChoice, isRequired: false,
                            options: PartnerDomain.allCases.map { ChoiceOption(id: $0.code, label: $0.label) }),
            FieldDefinition(id: "gebied", label: "Werkt in", type: .multipleChoice, isRequired: false,
                            options: areaWords.map { ChoiceOption(id: $0.0, label: $0.1) }),
            FieldDefinition(id: "telefoon", label: "Telefoon", type: .text, isRequired: false, maxLength: 50),
            FieldDefinition(id: "crisislijn", label: "Crisislijn", type: .text, isRequired: false, maxLength: 50),
            FieldDefinition(id: "crisis247", label: "Crisislijn dag en nacht", type: .boolean, isRequired: false),
            FieldDefinition(id: "email", label: "E-mail", type: .text, isRequired: false, maxLength: 200),
            FieldDefinition(id: "website", label: "Website", type: .text, isRequired: false, maxLength: 300),
            FieldDefinition(id: "adres", label: "Adres", type: .text, isRequired: false, maxLength: 300),
            FieldDefinition(id: "open", label: "Openingstijden", type: .text, isRequired: false, maxLength: 200),
        ])
    }

    init(_ partner: Partner?, today: CivilDate) {
        let shown = partner ?? Partner(name: "")
        var form = EventForm(Self.definition(partner.map { "\($0.name) wijzigen" } ?? "Nieuwe organisatie"),
                             now: LocalDateTime(date: today, hour: 0, minute: 0))
        let area: [String] = switch shown.area {
        case .twente: ["twente"]
        case .national: ["landelijk"]
        case .municipalities(let names): names
        }
        let values: [String: [String]] = [
            "naam": [shown.name], "kort": [shown.shortName], "soort": [shown.kind], "aanbod": [shown.offer],
            "voor": shown.targetGroups.members.map(\.code), "vormen": shown.forms.members.map(\.code),
            "domein": shown.domains.members.map(\.code), "gebied": area, "telefoon": [shown.phone], "crisislijn": [shown.crisisLine],
            "crisis247": [shown.crisisAlwaysReachable ? "ja" : "nee"], "email": [shown.email], "website": [shown.website],
            "adres": [shown.address], "open": [shown.openingHours],
        ]
        for (index, field) in form.event.fields.enumerated() { form.inputs[index].restore(values[field.id] ?? []) }
        form.resetChanges()
        self.form = form
        original = partner
    }

    /// The organisation the form holds, or what is wrong with it, in Dutch.
    func partner() -> Result<Partner, InputProblem> {
        let values: FieldValues
        switch form.values() {
        case .success(let found): values = found
        case .failure(let problem): return .failure(problem)
        }
        func chosen(_ id: String) -> [String] {
            if case .choices(let ids)? = values[id] { return ids }
            return []
        }
        var partner = original ?? Partner(name: "")
        partner.name = values.text("naam")
        partner.shortName = values.text("kort")
        partner.kind = values.text("soort")
        partner.offer = values.text("aanbod")
        partner.targetGroups = TargetGroups(codes: chosen("voor"))
        partner.forms = ExploitationForms(ExploitationForm.allCases.filter { chosen("vormen").contains($0.code) })
        partner.domains = PartnerDomains(codes: chosen("domein"))
        partner.area = PartnerArea(words: chosen("gebied"))
        partner.phone = values.text("telefoon")
        partner.crisisLine = values.text("crisislijn")
        if case .boolean(let on)? = values["crisis247"] { partner.crisisAlwaysReachable = on }
        partner.email = values.text("email")
        partner.website = values.text("website")
        partner.address = values.text("adres")
        partner.openingHours = values.text("open")
        if let problem = partner.problems.first { return .failure(InputProblem(problem.prefix(1).uppercased() + problem.dropFirst() + ".")) }
        return .success(partner)
    }
}
