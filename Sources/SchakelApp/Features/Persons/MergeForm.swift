import Meldroute
import SchakelCore
import TerminalKit

/// In the person view, for a procesmanager: another code found to be this same person merged into
/// this one (`s`), or a code merged into this one separated again (`o`) — each with its reason.
public struct MergeForm: Hashable, Sendable, WholeForm {
    public enum Purpose: Hashable, Sendable {
        /// Another code goes up in this person.
        case merge
        /// A code merged into this person becomes a person of its own again.
        case undo
    }

    public let purpose: Purpose
    /// The person shown: the one that stays.
    public let person: PersonRecord
    public var form: EventForm
    public var problem: String?
    public var isSaving = false

    init(_ purpose: Purpose, person: PersonRecord, today: CivilDate) {
        self.purpose = purpose
        self.person = person
        let reason = FieldDefinition(id: "reden", label: "Reden", type: .text, maxLength: NewSignal.Limit.location)
        let definition = switch purpose {
        case .merge:
            EventDefinition(id: "samenvoegen", label: "Samenvoegen met \(person.code): dezelfde persoon", fields: [
                FieldDefinition(id: "code", label: "Code die opgaat in \(person.code)", type: .text, maxLength: 12), reason,
            ])
        case .undo:
            EventDefinition(id: "terugdraaien", label: "Samenvoegen met \(person.code) terugdraaien", fields: [
                FieldDefinition(id: "code", label: "Code weer apart", type: .choice,
                                options: person.mergedCodes.map { ChoiceOption(id: $0, label: $0) }), reason,
            ])
        }
        form = EventForm(definition, now: LocalDateTime(date: today, hour: 0, minute: 0))
        self.form.resetChanges()
    }

    /// What the form asks the store, or what is wrong with it, in Dutch.
    func request() -> Result<PersonsEffect, InputProblem> {
        let values: FieldValues
        switch form.values() {
        case .success(let found): values = found
        case .failure(let problem): return .failure(problem)
        }
        let code = values.text("code").uppercased(), reason = values.text("reden")
        guard !code.isEmpty else { return .failure(InputProblem("Code: vul de code in, bijvoorbeeld P-00412.")) }
        guard !reason.isEmpty else { return .failure(InputProblem("Reden: vul in waarom.")) }
        switch purpose {
        case .merge: return .success(.merge(code, into: person.code, survivorID: person.id, reason: reason))
        case .undo: return .success(.undoMerge(code, survivorID: person.id, reason: reason))
        }
    }
}
