import Meldroute
import SchakelCore
import TerminalKit

/// The minutes of one agenda item: the summary (as far as it goes), and a decision and an action
/// item to add. Kept as a draft on a pause and when the session ends, like the registration.
public struct MinutesForm: Hashable, Sendable {
    public var form: EventForm
    public let itemID: Int64
    public var isSaving = false
    public var problem: String?
    /// The meeting's version when the form opened: saved against it, so that a colleague's minutes
    /// in the meantime are not overwritten unseen. Nil after that was said: the version as loaded.
    public var baseVersion: Int?
    /// Typed in since the draft was last kept.
    public var isDraftDirty = false

    /// The fields, as a workflow event's, so that the route's form and its layout serve here too.
    static func definition(_ item: AgendaItem) -> EventDefinition {
        EventDefinition(id: "verslag", label: "Verslag van punt \(item.position): \(item.title)", fields: [
            FieldDefinition(id: "samenvatting", label: "Samenvatting", type: .text, isRequired: false, maxLength: 4000),
            FieldDefinition(id: "besluit", label: "Besluit", type: .text, isRequired: false, maxLength: 1000),
            FieldDefinition(id: "actie", label: "Actie", type: .text, isRequired: false, maxLength: 1000),
            FieldDefinition(id: "actiehouder", label: "Actiehouder", type: .text, isRequired: false, maxLength: 200),
            FieldDefinition(id: "uiterlijk", label: "Uiterlijk", type: .date, isRequired: false, notInPast: true),
        ])
    }

    /// The item's minutes so far: its summary to go on from.
    init(_ item: AgendaItem, meetingVersion: Int, today: CivilDate) {
        var form = EventForm(Self.definition(item), now: LocalDateTime(date: today, hour: 0, minute: 0))
        form.inputs[0].restore([item.summary])
        form.resetChanges()
        self.form = form
        itemID = item.id
        baseVersion = meetingVersion
    }

    public var draftKey: DraftKey { .minutes(itemID: itemID) }
    var draft: FormDraft { FormDraft(form, code: draftKey.subject) }

    /// The form as the draft left it.
    mutating func restore(_ draft: FormDraft, today: CivilDate) {
        form = draft.form(of: form.event, now: LocalDateTime(date: today, hour: 0, minute: 0))
    }

    /// What the form holds as minutes, or what is wrong with it, in Dutch.
    func entry(today: CivilDate) -> Result<MinutesEntry, InputProblem> {
        let values: FieldValues
        switch form.values() {
        case .success(let found): values = found
        case .failure(let problem): return .failure(problem)
        }
        var due: CivilDate?
        if case .date(let date)? = values["uiterlijk"] { due = date }
        let entry = MinutesEntry(summary: values.text("samenvatting"), decision: values.text("besluit"), action: values.text("actie"),
                                 actionOwner: values.text("actiehouder"), actionDue: due)
        if entry.summary.isEmpty && entry.decision.isEmpty && entry.action.isEmpty {
            return .failure(InputProblem("Vul een samenvatting, een besluit of een actie in."))
        }
        if let problem = entry.problem(today: today) { return .failure(InputProblem(problem)) }
        return .success(entry)
    }
}

extension DraftKey {
    public static let minutesKind = "verslag"

    /// The minutes of one agenda item being written.
    public static func minutes(itemID: Int64) -> DraftKey { DraftKey(kind: minutesKind, subject: "agendapunt-\(itemID)") }
}
