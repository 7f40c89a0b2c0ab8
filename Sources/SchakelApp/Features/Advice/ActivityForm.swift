import Meldroute
import SchakelCore
import TerminalKit

/// An activity being registered or changed: kind, theme, audience, where, when, by whom, whether it
/// was held and how many it reached, and a short note. An AF's activities are their municipality's;
/// the KMT's roles choose any municipality or the whole region.
public struct ActivityForm: Hashable, Sendable, WholeForm {
    public var form: EventForm
    /// The activity being changed, at the version it was loaded; nil for a new one.
    public let activityID: Int64?
    public let version: Int?
    public var problem: String?
    public var isSaving = false
    /// Typed in since its draft was last kept.
    public var isDraftDirty = false

    static let region = "regio"

    static func definition(changing activity: Activity?, vocabulary: ActivityVocabulary, user: User) -> EventDefinition {
        let places = user.role == .designatedOfficer
            ? (user.municipality.map { [ChoiceOption(id: $0.name, label: $0.name)] } ?? [])
            : [ChoiceOption(id: region, label: "regio (heel Twente)")] + Municipality.twente.map { ChoiceOption(id: $0.name, label: $0.name) }
        let fields = [
            FieldDefinition(id: "soort", label: "Soort", type: .choice, options: vocabulary.kinds.map { ChoiceOption(id: $0.id, label: $0.label) }),
            FieldDefinition(id: "thema", label: "Thema", type: .choice, options: ActivityTheme.allCases.map { ChoiceOption(id: $0.code, label: $0.label) }),
            FieldDefinition(id: "doelgroep", label: "Doelgroep", type: .choice,
                            options: vocabulary.audiences.map { ChoiceOption(id: $0.id, label: $0.label) }),
            FieldDefinition(id: "gemeente", label: "Gemeente", type: .choice, options: places),
            FieldDefinition(id: "datum", label: "Datum", type: .date),
            FieldDefinition(id: "door", label: "Gegeven door", type: .choice,
                            options: ActivityGiver.allCases.map { ChoiceOption(id: $0.rawValue, label: $0.label) }),
            FieldDefinition(id: "stand", label: "Stand", type: .choice,
                            options: ActivityStatus.allCases.map { ChoiceOption(id: $0.rawValue, label: $0.label) }),
            FieldDefinition(id: "deelnemers", label: "Deelnemers (als gehouden)", type: .text, isRequired: false, maxLength: 7),
            FieldDefinition(id: "toelichting", label: "Toelichting", type: .text, isRequired: false, maxLength: ActivityEntry.Limit.note),
        ]
        let label = activity.map { "Activiteit van \($0.entry.date.dutch) wijzigen" } ?? "Nieuwe activiteit"
        return EventDefinition(id: "activiteit", label: label, fields: fields)
    }

    /// A new activity held today, in the user's municipality (the region for the KMT), given by them;
    /// or `activity` as it is.
    init(_ activity: Activity?, vocabulary: ActivityVocabulary, user: User, today: CivilDate) {
        var form = EventForm(Self.definition(changing: activity, vocabulary: vocabulary, user: user), now: LocalDateTime(date: today, hour: 0, minute: 0))
        let entry = activity?.entry
        let values: [String: String] = [
            "soort": entry?.kind ?? vocabulary.kinds.first?.id ?? "",
            "thema": (entry?.theme ?? .general).code,
            "doelgroep": entry?.audience ?? vocabulary.audiences.first?.id ?? "",
            "gemeente": (entry.map { $0.municipality } ?? user.municipality)?.name ?? Self.region,
            "datum": (entry?.date ?? today).dutch,
            "door": (entry?.givenBy ?? (user.role == .designatedOfficer ? .designatedOfficer : .kmt)).rawValue,
            "stand": (entry?.status ?? .held).rawValue,
            "deelnemers": entry?.participants.map(String.init) ?? "",
            "toelichting": entry?.note ?? "",
        ]
        for (index, field) in form.event.fields.enumerated() { form.inputs[index].restore(values[field.id].map { [$0] } ?? []) }
        form.resetChanges()
        self.form = form
        activityID = activity?.id
        version = activity?.version
    }

    /// The form as its draft brought it back.
    init(restoring draft: FormDraft, activity: Activity?, vocabulary: ActivityVocabulary, user: User, today: CivilDate) {
        form = draft.form(of: Self.definition(changing: activity, vocabulary: vocabulary, user: user), now: LocalDateTime(date: today, hour: 0, minute: 0))
        activityID = activity?.id
        version = activity?.version
    }

    /// What the form holds as an activity, or what is wrong with it, in Dutch.
    func entry(vocabulary: ActivityVocabulary, today: CivilDate) -> Result<ActivityEntry, InputProblem> {
        let values: FieldValues
        switch form.values() {
        case .success(let found): values = found
        case .failure(let problem): return .failure(problem)
        }
        var participants: Int?
        let count = values.text("deelnemers").trimmingCharacters(in: .whitespaces)
        if !count.isEmpty {
            guard let number = Int(count) else { return .failure(InputProblem("Deelnemers: een aantal in cijfers, of leeg.")) }
            participants = number
        }
        var date = today
        if case .date(let chosen)? = values["datum"] { date = chosen }
        let entry = ActivityEntry(kind: values.text("soort"), theme: ActivityTheme(code: values.text("thema")) ?? .general,
                                  audience: values.text("doelgroep"), municipality: Municipality.twente.first { $0.name == values.text("gemeente") },
                                  date: date, givenBy: ActivityGiver(rawValue: values.text("door")) ?? .kmt,
                                  status: ActivityStatus(rawValue: values.text("stand")) ?? .held, participants: participants,
                                  note: values.text("toelichting"))
        if let problem = entry.problem(vocabulary: vocabulary, today: today) { return .failure(InputProblem(problem)) }
        return .success(entry)
    }
}
