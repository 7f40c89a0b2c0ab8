import SchakelCore
import TerminalKit

/// The Signalen pane's drafts: the registration and the route steps, kept on a pause and when the
/// session ends, and brought back where they were left.
extension SignalsReducer {
    static func draftResult(_ result: DraftResult, _ state: inout SignalsState, _ shell: inout Shell) -> [SignalsEffect] {
        switch result {
        case .found(let key, let payload?) where !payload.isEmpty:
            if key == .registration {
                state.draftOffer = DraftOffer(payload: payload)
            } else if key.kind == DraftKey.routeStepKind {
                restoreStep(key, payload, &state, &shell)
            }
        case .foundAll(DraftKey.routeStepKind, let payloads):
            // At start: where route steps were left unsaved, so that the officer knows where to look.
            let steps = payloads.compactMap(FormDraft.from(json:))
            guard let first = steps.first else { break }
            shell.status = StatusMessage(steps.count == 1
                ? "Niet-opgeslagen stap ‘\(first.eventLabel)’ bij \(first.code) bewaard: kies het signaal en druk a."
                : "Niet-opgeslagen stappen bewaard bij \(steps.map(\.code).joined(separator: ", ")): kies een signaal en druk a.")
        case .notSaved(let message):
            shell.status = StatusMessage(message, isError: true)
        default:
            break
        }
        return []
    }

    /// Opens the step's form as it was left, on the dialog of its signal. A step that is not
    /// possible any more still shows what was typed, with the reason, so that nothing is lost.
    private static func restoreStep(_ key: DraftKey, _ payload: String, _ state: inout SignalsState, _ shell: inout Shell) {
        guard var dialog = state.route, key == .routeStep(signalID: dialog.route.signalID), dialog.form == nil,
              let draft = FormDraft.from(json: payload),
              let index = dialog.options.firstIndex(where: { $0.event.id == draft.event }) else { return }
        let option = dialog.options[index]
        dialog.highlighted = index
        dialog.form = draft.form(of: option.event, now: dialog.now)
        if let reason = option.unavailable {
            dialog.problem = "Deze stap kan nu niet: \(reason.message) Wat u invulde staat er nog; Esc en dan j gooit het weg."
        }
        state.route = dialog
        shell.status = StatusMessage("Wat u eerder bij ‘\(draft.eventLabel)’ invulde, is hersteld.")
    }

    /// On a pause: each form typed in since its draft was last kept.
    static func saveDraftsThatChanged(_ state: inout SignalsState) -> [SignalsEffect] {
        var effects: [SignalsEffect] = []
        if var form = state.registration, form.isDraftDirty {
            form.isDraftDirty = false
            state.registration = form
            effects.append(.draft(.save(.registration, payload: RegistrationDraft(form).json)))
        }
        if var dialog = state.route, dialog.isDraftDirty, let form = dialog.form {
            dialog.isDraftDirty = false
            state.route = dialog
            effects.append(stepDraftSave(form, dialog))
        }
        return effects
    }

    /// When the session ends: every form that holds anything.
    static func saveEveryDraft(_ state: SignalsState) -> [SignalsEffect] {
        var effects: [SignalsEffect] = []
        if let form = state.registration, form.isChanged { effects.append(.draft(.save(.registration, payload: RegistrationDraft(form).json))) }
        if let dialog = state.route, let form = dialog.form, form.isChanged { effects.append(stepDraftSave(form, dialog)) }
        return effects
    }

    static func stepDraftSave(_ form: EventForm, _ dialog: RouteDialog) -> SignalsEffect {
        .draft(.save(.routeStep(signalID: dialog.route.signalID), payload: FormDraft(form, code: dialog.route.code).json))
    }
}
