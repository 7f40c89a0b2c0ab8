import TerminalKit

/// A form saved as a whole (an organisation, an agenda item, a user): its fields, what is wrong
/// with them and whether it is being saved (the question before throwing it away is the form's).
protocol WholeForm {
    var form: EventForm { get set }
    var problem: String? { get set }
    var isSaving: Bool { get set }
}

extension FormKeys {
    /// A key for the form in `slot`: Esc leaves (asking first when something was typed), F2 or
    /// Ctrl-O checks it with `check`. What to save comes back when it holds (the form then waits,
    /// saving); otherwise the problem is on the form and nil comes back.
    static func handle<Form: WholeForm, Value>(_ key: Key, _ slot: inout Form?, check: (Form) -> Result<Value, InputProblem>) -> Value? {
        guard var whole = slot, !whole.isSaving else { return nil }
        var edited = false
        let outcome = handle(key, &whole.form, edited: &edited)
        switch outcome {
        case .leave:
            slot = nil
            return nil
        case .stay:
            slot = whole
            return nil
        case .save:
            break
        }
        defer { slot = whole }
        switch check(whole) {
        case .failure(let problem):
            whole.problem = problem.message
            return nil
        case .success(let value):
            whole.problem = nil
            whole.isSaving = true
            return value
        }
    }
}
