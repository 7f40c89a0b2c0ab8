import Meldroute
import SchakelCore
import TerminalKit

/// An agenda item's form: a new item (about a waiting signal or case, or free) or one changed.
public struct AgendaItemForm: Hashable, Sendable, WholeForm {
    public var form: EventForm
    /// The item changed; nil for a new one.
    public let itemID: Int64?
    /// The signal or case a new item is about.
    public let subject: TimelineSubject?
    public var isSaving = false
    /// The meeting's version when an item was opened for editing: saved against it, so that a
    /// colleague's change in the meantime is not overwritten unseen. Nil: the version as loaded.
    public var baseVersion: Int?
    public var problem: String?

    /// Minutes a new item gets unless changed.
    static let defaultMinutes = 15

    /// The fields, as a workflow event's, so that the route's form and its layout serve here too.
    static func definition(_ label: String, invited: [String]) -> EventDefinition {
        var fields = [
            FieldDefinition(id: "titel", label: "Titel", type: .text, maxLength: 300),
            FieldDefinition(id: "vraag", label: "Vraag aan de tafel", type: .text, isRequired: false, maxLength: 1000),
            FieldDefinition(id: "minuten", label: "Minuten", type: .text, maxLength: 3),
        ]
        if !invited.isEmpty {
            let organisations = invited.map { ChoiceOption(id: $0, label: $0) }
            fields.insert(FieldDefinition(id: "inbrenger", label: "Brengt in", type: .choice, isRequired: false,
                                          options: organisations), at: 2)
            fields.append(FieldDefinition(id: "uitgenodigd", label: "Ook voor dit punt", type: .multipleChoice, isRequired: false,
                                          options: organisations))
        }
        return EventDefinition(id: "agendapunt", label: label, fields: fields)
    }

    init(label: String, invited: [String], filled: AgendaItemDraft, itemID: Int64?, subject: TimelineSubject?, today: CivilDate) {
        var form = EventForm(Self.definition(label, invited: invited), now: LocalDateTime(date: today, hour: 0, minute: 0))
        let values: [String: [String]] = [
            "titel": [filled.title], "vraag": [filled.question], "minuten": [String(filled.minutesAllotted)],
            "inbrenger": [filled.broughtBy], "uitgenodigd": filled.invited,
        ]
        for (index, field) in form.event.fields.enumerated() { form.inputs[index].restore(values[field.id] ?? []) }
        form.resetChanges()
        self.form = form
        self.itemID = itemID
        self.subject = subject
    }

    /// A new item about a waiting signal or case: its reason is the question to start from.
    static func adding(_ waiting: WaitingDiscussion, to meeting: Meeting, today: CivilDate) -> AgendaItemForm {
        AgendaItemForm(label: "Agendapunt over \(waiting.code)", invited: meeting.invited,
                       filled: AgendaItemDraft(title: "Bespreking \(waiting.code)", question: waiting.reason,
                                               minutesAllotted: defaultMinutes),
                       itemID: nil, subject: waiting.subject, today: today)
    }

    static func adding(to meeting: Meeting, today: CivilDate) -> AgendaItemForm {
        AgendaItemForm(label: "Nieuw agendapunt", invited: meeting.invited, filled: AgendaItemDraft(title: "", minutesAllotted: defaultMinutes),
                       itemID: nil, subject: nil, today: today)
    }

    static func editing(_ item: AgendaItem, of meeting: Meeting, today: CivilDate) -> AgendaItemForm {
        var form = AgendaItemForm(label: "Agendapunt \(item.position) wijzigen", invited: meeting.invited,
                       filled: AgendaItemDraft(title: item.title, question: item.question, broughtBy: item.broughtBy,
                                               minutesAllotted: item.minutesAllotted, invited: item.invited),
                       itemID: item.id, subject: nil, today: today)
        form.baseVersion = meeting.version
        return form
    }

    /// What the form holds as an item, or what is wrong with it, in Dutch.
    func draft() -> Result<AgendaItemDraft, InputProblem> {
        let values: FieldValues
        switch form.values() {
        case .success(let found): values = found
        case .failure(let problem): return .failure(problem)
        }
        guard let minutes = Int(values.text("minuten")) else {
            return .failure(InputProblem("Minuten: geef een getal van 1 tot \(AgendaItemDraft.maximumMinutes)."))
        }
        var invited: [String] = []
        if case .choices(let chosen)? = values["uitgenodigd"] { invited = chosen }
        let draft = AgendaItemDraft(title: values.text("titel"), question: values.text("vraag"), broughtBy: values.text("inbrenger"),
                                    minutesAllotted: minutes, invited: invited)
        if let problem = draft.problem { return .failure(InputProblem(problem)) }
        return .success(draft)
    }
}
