import Meldroute
import SchakelCore
import TerminalKit

/// A consult being registered, in under a minute: who asks (kind, organisation, a name only when a
/// call back needs it), the municipality, the forms it concerns, when, the question and — given at
/// once, as on most calls — the advice. The people it is about are never asked for.
public struct ConsultForm: Hashable, Sendable, WholeForm {
    public var form: EventForm
    public var problem: String?
    public var isSaving = false
    /// Typed in since its draft was last kept.
    public var isDraftDirty = false

    static func definition(user: User) -> EventDefinition {
        let places = (user.municipality.map { [$0] } ?? Municipality.twente).map { ChoiceOption(id: $0.name, label: $0.name) }
        let fields = [
            FieldDefinition(id: "vrager", label: "Vrager", type: .choice, options: AskerKind.allCases.map { ChoiceOption(id: $0.rawValue, label: $0.label) }),
            FieldDefinition(id: "organisatie", label: "Organisatie vrager", type: .text, maxLength: NewConsult.Limit.organisation),
            FieldDefinition(id: "naam", label: "Naam vrager (als nodig)", type: .text, isRequired: false, maxLength: NewConsult.Limit.name),
            FieldDefinition(id: "gemeente", label: "Gemeente", type: .choice, options: places),
            FieldDefinition(id: "vormen", label: "Vormen", type: .multipleChoice, isRequired: false,
                            options: ExploitationForm.allCases.map { ChoiceOption(id: $0.code, label: $0.formLabel) }),
            FieldDefinition(id: "moment", label: "Gevraagd op", type: .dateTime, notInFuture: true),
            FieldDefinition(id: "vraag", label: "Vraag (geen namen)", type: .text, maxLength: NewConsult.Limit.question),
            FieldDefinition(id: "advies", label: "Gegeven advies (of later)", type: .text, isRequired: false, maxLength: NewConsult.Limit.advice),
        ]
        return EventDefinition(id: "consult", label: "Nieuw consult (advies en consult)", fields: fields)
    }

    /// A new consult asked now, in the user's municipality (the first for the KMT), by a school.
    init(user: User, now: LocalDateTime) {
        form = EventForm(Self.definition(user: user), now: now)
    }

    /// The form as its draft brought it back.
    init(restoring draft: FormDraft, user: User, now: LocalDateTime) {
        form = draft.form(of: Self.definition(user: user), now: now)
    }

    /// What the form holds as a consult, or what is wrong with it, in Dutch.
    func consult(now: LocalDateTime) -> Result<NewConsult, InputProblem> {
        let values: FieldValues
        switch form.values() {
        case .success(let found): values = found
        case .failure(let problem): return .failure(problem)
        }
        guard let municipality = Municipality.twente.first(where: { $0.name == values.text("gemeente") }) else {
            return .failure(InputProblem("Kies een gemeente."))
        }
        var asked = now
        if case .dateTime(let moment)? = values["moment"] { asked = moment }
        var forms: [ExploitationForm] = []
        if case .choices(let codes)? = values["vormen"] { forms = ExploitationForm.allCases.filter { codes.contains($0.code) } }
        let consult = NewConsult(askedAt: asked, askerKind: AskerKind(rawValue: values.text("vrager")) ?? .other,
                                 askerOrganisation: values.text("organisatie"), askerName: values.text("naam"), municipality: municipality,
                                 forms: ExploitationForms(forms), question: values.text("vraag"), advice: values.text("advies"))
        if let problem = consult.problem(now: now) { return .failure(InputProblem(problem)) }
        return .success(consult)
    }
}

/// An event of the consult workflow being fired on an opened consult (advice, closing, reopening):
/// the event's own fields from the workflow, over the consult it changes.
public struct ConsultEventForm: Hashable, Sendable, WholeForm {
    public var form: EventForm
    public var problem: String?
    public var isSaving = false
    /// The consult it changes, as it was opened (its version is what the store checks), and back to.
    public let returnTo: OpenConsult
    public var consult: Consult { returnTo.consult }

    init(_ event: EventDefinition, on open: OpenConsult, now: LocalDateTime) {
        let consult = open.consult
        var form = EventForm(event, now: now)
        // Advice given again (after a call back) starts from the advice as it stands.
        if let index = event.fields.firstIndex(where: { $0.id == "advies" }), !consult.advice.isEmpty {
            form.inputs[index].restore([consult.advice])
            form.resetChanges()
        }
        self.form = form
        returnTo = open
    }
}

/// An opened consult, with the steps its workflow allows from where it stands, by letter.
public struct OpenConsult: Hashable, Sendable {
    public let consult: Consult
    public let steps: [ConsultStepKey]

    init(_ consult: Consult, steps: [ConsultStepKey]) {
        self.consult = consult
        self.steps = steps
    }
}

/// A step of the consult workflow and the letter that takes it.
public struct ConsultStepKey: Hashable, Sendable {
    public let key: Character
    public let event: EventDefinition
}
