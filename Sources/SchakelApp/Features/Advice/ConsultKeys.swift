import Meldroute
import SchakelCore
import TerminalKit

/// The consults' keys: in the list ↑↓ choose, `n` registers one, Enter opens it; an opened consult
/// takes its next step by letter — `a` advice, `s` close (no follow-up, or referred), `h` reopen,
/// `o` turn it into a signal (the registration form opens in tab 1, filled in from it) — as far as
/// its workflow allows from where it stands.
enum ConsultKeys {
    /// The workflow's events by the letter that fires them on an opened consult.
    static let letters: [(key: Character, event: String)] = [
        ("a", ConsultStates.adviceGiven), ("s", ConsultStates.close), ("h", ConsultStates.reopen), ("o", ConsultStates.convert),
    ]

    static func listKey(_ key: Key, _ state: inout AdviceState, _ shell: inout Shell) -> [AdviceEffect] {
        switch key {
        case .character("n"):
            guard shell.context.consultWorkflow != nil else {
                shell.status = StatusMessage("De workflow advies en consult is niet geladen; registreren kan nu niet.", isError: true)
                return []
            }
            return [.startConsult]
        case .enter:
            return state.selectedConsult.map { [.openConsult($0.id)] } ?? []
        default:
            state.consultSelected = ShortList.moved(state.consultSelected, by: key, count: state.consultRows.count)
            return []
        }
    }

    /// The events that can be fired on the consult now, with their letters.
    static func available(on consult: Consult, context: AppContext) -> [ConsultStepKey] {
        guard let workflow = context.consultWorkflow else { return [] }
        let options = WorkflowEngine(workflow).options(for: consult.instance).filter(\.isAvailable)
        return letters.compactMap { letter in
            options.first { $0.event.id == letter.event }.map { ConsultStepKey(key: letter.key, event: $0.event) }
        }
    }

    static func detailKey(_ key: Key, _ open: OpenConsult, _ state: inout AdviceState, _ shell: inout Shell) -> [AdviceEffect] {
        let context = shell.context
        let consult = open.consult
        if key == .escape || key == .character("q") {
            state.onTop = nil
            return []
        }
        guard case .character(let letter) = key, let step = open.steps.first(where: { $0.key == letter }) else {
            return []
        }
        if step.event.id == ConsultStates.convert {
            guard AccessPolicy.canRegisterSignals(context.user) else {
                shell.status = StatusMessage("Een signaal registreren doet de AF van de gemeente of een procesmanager.", isError: true)
                return []
            }
            state.onTop = nil
            return [.convert(consult)]
        }
        let now = LocalDateTime(date: context.today, hour: 12, minute: 0)
        state.onTop = .consultEvent(ConsultEventForm(step.event, on: open, now: now))
        return []
    }

    /// A step's form: Esc goes back to the consult, F2 fires it.
    static func eventKey(_ key: Key, _ form: ConsultEventForm, _ state: inout AdviceState) -> [AdviceEffect] {
        var slot: ConsultEventForm? = form
        let fields = FormKeys.handle(key, &slot) { whole in whole.form.values() }
        guard let kept = slot else {
            state.onTop = .consult(form.returnTo)
            return []
        }
        state.onTop = .consultEvent(kept)
        return fields.map { [.fireConsultEvent(form.form.event.id, fields: $0, consult: form.consult.summary.id, version: form.consult.version)] } ?? []
    }
}
