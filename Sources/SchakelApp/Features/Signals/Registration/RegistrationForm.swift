import Meldroute
import SchakelCore
import TerminalKit

/// The form to register a signal (`n`): every field of the report form, with Dutch checks.
public struct RegistrationForm: Hashable, Sendable {
    /// The fields, in Tab order.
    public enum Field: Int, CaseIterable, Hashable, Sendable {
        case date, time, source, reporterType, reporterName, reporterOrganisation, reporterContact, municipality, forms,
             description, location, acute, minor, persons

        public var label: String {
            switch self {
            case .date: return "Ontvangen op"
            case .time: return "Tijd"
            case .source: return "Bron"
            case .reporterType: return "Melder"
            case .reporterName: return "Naam melder"
            case .reporterOrganisation: return "Organisatie melder"
            case .reporterContact: return "Contact melder"
            case .municipality: return "Gemeente"
            case .forms: return "Vormen van uitbuiting"
            case .description: return "Beschrijving"
            case .location: return "Locatie"
            case .acute: return "Acuut"
            case .minor: return "Minderjarige betrokken"
            case .persons: return "Betrokkenen"
            }
        }
    }

    /// The clock's time: the default time of receipt when the form opens, and the limit of "not in
    /// the future" after that (kept up to date while the form is open).
    public var now: LocalDateTime
    public var focus = FocusRing(count: Field.allCases.count)
    public var date: DateInput
    public var time: TimeInput
    public var source: SelectList
    public var reporterType: SelectList
    public var reporterName = TextField(maxLength: NewSignal.Limit.short)
    public var reporterOrganisation = TextField(maxLength: NewSignal.Limit.short)
    public var reporterContact = TextField(maxLength: NewSignal.Limit.short)
    public var municipality: SelectList
    public var forms: MultiSelectList
    public var description = TextArea(maxLength: NewSignal.Limit.description)
    public var location = TextField(maxLength: NewSignal.Limit.location)
    public var acute = Toggle()
    public var minor = Toggle()
    public var persons: [NewPerson] = []
    /// The highlighted person in the list.
    public var personIndex = 0
    /// What is open over the form, one thing at a time; nil while the fields have the keys.
    public var onTop: OnTop?

    /// What can be open over the registration form.
    public enum OnTop: Hashable, Sendable {
        /// The small form that adds a person.
        case personDialog(PersonDialog)
        /// Esc was pressed with something typed in the dialog: throwing it away waits for `j`.
        case personDiscardQuestion(PersonDialog)
        /// Known persons offered for the person just entered; the dialog waits underneath.
        case matchOffer(MatchOffer, PersonDialog)
        /// The person whose removal waits for `j`.
        case personRemoval(index: Int)
        /// Esc was pressed on a changed form: throwing it away waits for `j`.
        case confirmingDiscard
    }

    // Each kind as a property: set, it is what is on top; nil closes it when it is.
    public var personDialog: PersonDialog? {
        get { if case .personDialog(let dialog)? = onTop { dialog } else { nil } }
        set { replace(newValue.map(OnTop.personDialog), when: personDialog != nil) }
    }
    public var personPendingRemoval: Int? {
        get { if case .personRemoval(let index)? = onTop { index } else { nil } }
        set { replace(newValue.map { OnTop.personRemoval(index: $0) }, when: personPendingRemoval != nil) }
    }

    private mutating func replace(_ entry: OnTop?, when isOnTop: Bool) {
        if entry != nil || isOnTop { onTop = entry }
    }
    /// Shown after a save was tried: what is not in order, by field.
    public var problems: [Field: String] = [:]
    /// What the form held when it opened, to know whether leaving loses anything.
    private var initialContent: [String] = []
    public var isChanged: Bool { content != initialContent }
    /// Typed since the draft was last saved.
    public var isDraftDirty = false
    public var isSaving = false
    /// The consult this signal is made from: closed with it, linked both ways, in one transaction.
    public var fromConsult: ConsultOrigin?

    /// A new form: received now, for the user's own municipality.
    public init(now: LocalDateTime, user: User) {
        self.now = now
        date = DateInput(now.date.dutch)
        time = TimeInput(LocalDateTime.clock(now))
        source = SelectList(SignalSource.allCases.map { Option(id: $0.rawValue, label: $0.label) })
        reporterType = SelectList(ReporterType.allCases.map { Option(id: $0.rawValue, label: $0.label) })
        // An AF registers for their own municipality; the KMT for any.
        let choices = user.municipality.map { [$0] } ?? Municipality.twente
        municipality = SelectList(choices.map { Option(id: String($0.id), label: $0.name) })
        forms = MultiSelectList(RegistrationLayout.formOptions)
        initialContent = content
    }

    /// A new form filled in from a consult: the asker as the reporter (a professional, by telephone),
    /// its municipality, forms and question; received now. Nobody it is about is entered for the user.
    init(now: LocalDateTime, user: User, from consult: Consult) {
        self.init(now: now, user: user)
        let signal = consult.signal(receivedAt: now)
        source = SelectList(source.options, selected: signal.source.rawValue)
        reporterType = SelectList(reporterType.options, selected: signal.reporterType.rawValue)
        reporterName.set(signal.reporterName)
        reporterOrganisation.set(signal.reporterOrganisation)
        municipality = SelectList(municipality.options, selected: String(signal.municipality.id))
        forms = MultiSelectList(forms.options, chosen: Set(signal.forms.members.map(\.code)))
        description = TextArea(signal.description, maxLength: description.maxLength)
        fromConsult = ConsultOrigin(consultID: consult.summary.id, code: consult.summary.code, version: consult.version)
    }

    /// A form brought back from a draft counts as changed: leaving it asks first.
    mutating func markRestored() { initialContent = [] }

    /// Everything entered, as text: what a change is measured by (not the cursor or the focus).
    var content: [String] {
        [date.text, time.text, source.selected?.id ?? "", reporterType.selected?.id ?? "", reporterName.text,
         reporterOrganisation.text, reporterContact.text, municipality.selected?.id ?? "",
         forms.chosen.sorted().joined(separator: ","), description.text, location.text, String(acute.isOn), String(minor.isOn)]
            + persons.map { "\($0.initials)|\($0.birthYear.map(String.init) ?? "")|\($0.role.rawValue)" }
    }

    public var focusedField: Field { Field(rawValue: focus.index) ?? .date }

    /// The signal, or what is not in order per field.
    public func validated() -> Result<NewSignal, FormProblems> {
        var problems: [Field: String] = [:]
        var received: LocalDateTime?
        switch (date.parts, time.parts) {
        case (.success(let day), .success(let clock)):
            if let civil = CivilDate(year: day.year, month: day.month, day: day.day) {
                let moment = LocalDateTime(date: civil, hour: clock.hour, minute: clock.minute)
                if moment > now { problems[.date] = "ligt in de toekomst" } else { received = moment }
            }
        case (.failure(let problem), _):
            problems[.date] = problem.message
        case (_, .failure(let problem)):
            problems[.time] = problem.message
        }
        let type = reporterType.selected.flatMap { ReporterType(rawValue: $0.id) } ?? .anonymous
        if type == .anonymous && !(reporterName.isEmpty && reporterContact.isEmpty) {
            problems[.reporterName] = "een anonieme melder heeft geen naam of contactgegevens"
        }
        let chosenForms = forms.chosenOptions.compactMap { option in ExploitationForm.allCases.first { $0.code == option.id } }
        if chosenForms.isEmpty { problems[.forms] = "kies minstens één vorm (spatie vinkt aan)" }
        let text = description.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { problems[.description] = "beschrijf wat er is gezien of gehoord" }
        let place = municipality.selected.flatMap { option in Municipality.twente.first { String($0.id) == option.id } }
        guard problems.isEmpty, let received, let place else { return .failure(FormProblems(byField: problems)) }
        return .success(NewSignal(
            receivedAt: received, source: source.selected.flatMap { SignalSource(rawValue: $0.id) } ?? .intranet,
            reporterType: type, reporterName: reporterName.text.trimmingCharacters(in: .whitespaces),
            reporterOrganisation: reporterOrganisation.text.trimmingCharacters(in: .whitespaces),
            reporterContact: reporterContact.text.trimmingCharacters(in: .whitespaces), municipality: place,
            forms: ExploitationForms(chosenForms), description: text,
            location: location.text.trimmingCharacters(in: .whitespaces), acute: acute.isOn, minorInvolved: minor.isOn,
            persons: persons))
    }
}

/// What is not in order in a form, per field.
public struct FormProblems: Error, Hashable, Sendable {
    public let byField: [RegistrationForm.Field: String]
}

/// Adds one person: initials, birth year (may be unknown), role.
public struct PersonDialog: Hashable, Sendable {
    public var focus = FocusRing(count: 3)
    public var initials = TextField(maxLength: NewSignal.Limit.initials)
    public var birthYear = TextField(maxLength: 4)
    public var role = SelectList(PersonRole.allCases.map { Option(id: $0.rawValue, label: $0.label) })
    public var problem: String?
    var hasInput: Bool { !initials.isEmpty || !birthYear.isEmpty }

    public init() {}

    public func validated(thisYear: Int) -> Result<NewPerson, InputProblem> {
        let letters = initials.text.trimmingCharacters(in: .whitespaces)
        guard !letters.isEmpty else { return .failure(InputProblem("vul de initialen in")) }
        var year: Int?
        if !birthYear.isEmpty {
            guard let value = Int(birthYear.text), (1900...thisYear).contains(value) else {
                return .failure(InputProblem("geboortejaar tussen 1900 en \(thisYear), of leeg"))
            }
            year = value
        }
        let role = role.selected.flatMap { PersonRole(rawValue: $0.id) } ?? .environment
        return .success(NewPerson(initials: letters, birthYear: year, role: role))
    }
}

extension ExploitationForm {
    /// Short enough for one form line with the other three ("orgaan" includes forced surrogacy).
    var formLabel: String {
        switch self {
        case .sexual: return "seksueel"
        case .labour: return "arbeid"
        case .criminal: return "crimineel"
        case .organRemoval: return "orgaan"
        }
    }
}
