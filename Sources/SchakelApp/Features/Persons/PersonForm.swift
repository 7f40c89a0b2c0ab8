import Meldroute
import SchakelCore
import TerminalKit

/// A person's form, for a signal or case: a person added (as at registration), a role changed, or
/// the data corrected — the last two with the reason, which the timeline keeps.
public struct PersonForm: Hashable, Sendable, WholeForm {
    public enum Purpose: Hashable, Sendable {
        case add
        case changeRole(SubjectPerson)
        case correct(SubjectPerson)
    }

    public let purpose: Purpose
    public let subject: TimelineSubject
    public var form: EventForm
    public var problem: String?
    public var isSaving = false
    /// Typed in since its draft was last kept.
    public var isDraftDirty = false

    init(_ purpose: Purpose, on subject: TimelineSubject, code: String, today: CivilDate) {
        self.purpose = purpose
        self.subject = subject
        var form = EventForm(Self.definition(purpose, code: code), now: LocalDateTime(date: today, hour: 0, minute: 0))
        let values: [String: String]
        switch purpose {
        case .add:
            values = ["rol": PersonRole.potentialVictim.rawValue]
        case .changeRole(let person):
            values = ["rol": person.role.rawValue]
        case .correct(let person):
            values = ["initialen": person.initials, "geboortejaar": person.birthYear.map(String.init) ?? "",
                      "voornaam": person.givenName, "achternaam": person.familyName]
        }
        for (index, field) in form.event.fields.enumerated() { form.inputs[index].restore(values[field.id].map { [$0] } ?? []) }
        form.resetChanges()
        self.form = form
    }

    static let roles = PersonRole.allCases.map { ChoiceOption(id: $0.rawValue, label: $0.label) }

    static func definition(_ purpose: Purpose, code: String) -> EventDefinition {
        let initials = FieldDefinition(id: "initialen", label: "Initialen", type: .text, maxLength: NewSignal.Limit.initials)
        let year = FieldDefinition(id: "geboortejaar", label: "Geboortejaar", type: .text, isRequired: false, maxLength: 4)
        let given = FieldDefinition(id: "voornaam", label: "Voornaam", type: .text, isRequired: false, maxLength: NewSignal.Limit.short)
        let family = FieldDefinition(id: "achternaam", label: "Achternaam", type: .text, isRequired: false, maxLength: NewSignal.Limit.short)
        let role = FieldDefinition(id: "rol", label: "Rol", type: .choice, options: roles)
        let reason = FieldDefinition(id: "reden", label: "Reden", type: .text, maxLength: NewSignal.Limit.location)
        switch purpose {
        case .add:
            return EventDefinition(id: "betrokkene", label: "Betrokkene toevoegen aan \(code)", fields: [initials, year, role, given, family])
        case .changeRole(let person):
            return EventDefinition(id: "rol", label: "Rol van \(person.code) wijzigen (\(code))", fields: [role, reason])
        case .correct(let person):
            return EventDefinition(id: "correctie", label: "Gegevens van \(person.code) corrigeren", fields: [initials, year, given, family, reason])
        }
    }

    /// What the form asks the store, or what is wrong with it, in Dutch.
    func request(thisYear: Int) -> Result<PersonsEffect, InputProblem> {
        let values: FieldValues
        switch form.values() {
        case .success(let found): values = found
        case .failure(let problem): return .failure(problem)
        }
        // In the order of the fields: the initials (where the form asks them) first.
        let asksInitials = form.event.fields.contains { $0.id == "initialen" }
        if asksInitials && values.text("initialen").isEmpty { return .failure(InputProblem("Initialen: vul de initialen in.")) }
        var year: Int?
        let yearText = values.text("geboortejaar")
        if !yearText.isEmpty {
            guard let parsed = Int(yearText), (1900...thisYear).contains(parsed) else {
                return .failure(InputProblem("Geboortejaar: een jaar tussen 1900 en \(thisYear)."))
            }
            year = parsed
        }
        let role = PersonRole(rawValue: values.text("rol")) ?? .potentialVictim
        let reason = values.text("reden")
        if case .add = purpose {} else if reason.isEmpty { return .failure(InputProblem("Reden: vul in waarom dit verandert.")) }
        switch purpose {
        case .add:
            return .success(.findMatches(NewPerson(initials: values.text("initialen"), birthYear: year, role: role,
                                                   givenName: values.text("voornaam"), familyName: values.text("achternaam")), subject))
        case .changeRole(let person):
            guard role != person.role else { return .failure(InputProblem("Rol: kies een andere rol dan \(person.role.label).")) }
            return .success(.changeRole(person.id, on: subject, from: person.role, to: role, reason: reason))
        case .correct(let person):
            let correction = PersonCorrection(initials: values.text("initialen"), birthYear: year, givenName: values.text("voornaam"),
                                              familyName: values.text("achternaam"))
            return .success(.correct(person.id, on: subject, correction, reason: reason))
        }
    }
}

/// A person's form as its draft keeps it: which form (and about whom), and what was typed.
struct PersonFormDraft: JSONDraft, Hashable {
    /// "toevoegen", "rol" or "corrigeren".
    var purpose: String
    var personID: Int64?
    var form: FormDraft

    init(_ person: PersonForm, code: String) {
        switch person.purpose {
        case .add: (purpose, personID) = ("toevoegen", nil)
        case .changeRole(let subjectPerson): (purpose, personID) = ("rol", subjectPerson.id)
        case .correct(let subjectPerson): (purpose, personID) = ("corrigeren", subjectPerson.id)
        }
        form = FormDraft(person.form, code: code)
    }

    /// The form again, about one of `persons`; nil when the person it was about is no longer there.
    func personForm(on subject: TimelineSubject, code: String, persons: [SubjectPerson], today: CivilDate) -> PersonForm? {
        let person = persons.first { $0.id == personID }
        let purpose: PersonForm.Purpose
        switch (self.purpose, person) {
        case ("toevoegen", _): purpose = .add
        case ("rol", let person?): purpose = .changeRole(person)
        case ("corrigeren", let person?): purpose = .correct(person)
        default: return nil
        }
        var restored = PersonForm(purpose, on: subject, code: code, today: today)
        restored.form = form.form(of: restored.form.event, now: LocalDateTime(date: today, hour: 0, minute: 0))
        return restored
    }
}

/// Known persons who may be the one being added: "Mogelijk bekend: P-00197 O.K. 1987 (S2026-0031,
/// C2026-0008) — dezelfde persoon? j/n". `j` links the chosen one, `n` makes a new code, Esc goes
/// back to the form.
public struct MatchOffer: Hashable, Sendable {
    public let person: NewPerson
    public let matches: [PersonMatch]
    public var selected = 0

    public init(person: NewPerson, matches: [PersonMatch]) {
        self.person = person
        self.matches = matches
    }

    enum Outcome: Equatable {
        case stay
        /// The chosen known person is the one: link, no new code.
        case same(PersonMatch)
        /// None of them: a new person with a new code.
        case new
        case back
    }

    mutating func keyPressed(_ key: Key) -> Outcome {
        switch key {
        case .down: selected = min(matches.count - 1, selected + 1)
        case .up: selected = max(0, selected - 1)
        case .character("j"), .character("J"), .enter: return matches.indices.contains(selected) ? .same(matches[selected]) : .stay
        case .character("n"), .character("N"): return .new
        case .escape: return .back
        default: break
        }
        return .stay
    }

    static let question = "Dezelfde persoon? j = ja, koppelen · n = nee, nieuwe code"
}
