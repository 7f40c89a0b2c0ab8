import SchakelCore
import TerminalKit

/// Drafts: every form in progress (a registration, a note, a route step) is kept in the store
/// on a pause and when the session ends, and comes back where it was left.
enum DraftReducer {
    /// A draft the store had for `key`, brought back where its form is.
    static func found(_ key: DraftKey, _ payload: String?, _ state: inout AppState) -> [AppEffect] {
        guard let payload, !payload.isEmpty else { return [] }
        switch key.kind {
        case DraftKey.registration.kind:
            state.draftOffer = DraftOffer(payload: payload)
        case DraftKey.routeStepKind:
            restoreStep(key, payload, &state)
        default:
            restoreNote(key, payload, &state)
        }
        return []
    }

    /// At start: where route steps were left unsaved, so that the officer knows where to look.
    static func foundAll(kind: String, _ payloads: [String], _ state: inout AppState) {
        guard kind == DraftKey.routeStepKind else { return }
        let steps = payloads.compactMap(StepDraft.from(json:))
        guard let first = steps.first else { return }
        let text = steps.count == 1
            ? "Niet-opgeslagen stap ‘\(first.eventLabel)’ bij \(first.code) bewaard: kies het signaal en druk a."
            : "Niet-opgeslagen stappen bewaard bij \(steps.map(\.code).joined(separator: ", ")): kies een signaal en druk a."
        state.status = StatusMessage(text)
    }

    private static func restoreNote(_ key: DraftKey, _ text: String, _ state: inout AppState) {
        guard var pane = state.timeline, key == .note(pane.subject), let note = pane.note, note.isEmpty else { return }
        pane.note = TextArea(text, maxLength: 20_000)
        state.timeline = pane
        state.status = StatusMessage("Het concept van deze notitie uit een vorige sessie is hersteld.")
    }

    /// Opens the step's form as it was left, on the dialog of its signal. A step that is not
    /// possible any more still shows what was typed, with the reason, so that nothing is lost.
    private static func restoreStep(_ key: DraftKey, _ payload: String, _ state: inout AppState) {
        guard var dialog = state.route, key == .routeStep(signalID: dialog.route.signalID), dialog.form == nil,
              let draft = StepDraft.from(json: payload),
              let index = dialog.options.firstIndex(where: { $0.event.id == draft.event }) else { return }
        let option = dialog.options[index]
        dialog.highlighted = index
        dialog.form = draft.form(of: option.event, now: dialog.now)
        if let reason = option.unavailable {
            dialog.problem = "Deze stap kan nu niet: \(reason.message) Wat u invulde staat er nog; Esc en dan j gooit het weg."
        }
        state.route = dialog
        state.status = StatusMessage("Wat u eerder bij ‘\(draft.eventLabel)’ invulde, is hersteld.")
    }

    /// On a pause: each form typed in since its draft was last kept.
    static func saveWhatChanged(_ state: inout AppState) -> [AppEffect] {
        var effects: [AppEffect] = []
        if var form = state.registration, form.isDraftDirty {
            form.isDraftDirty = false
            state.registration = form
            effects.append(.saveDraft(.registration, payload: RegistrationDraft(form).json))
        }
        if var pane = state.timeline, pane.isNoteDirty, let note = pane.note {
            pane.isNoteDirty = false
            state.timeline = pane
            effects.append(.saveDraft(.note(pane.subject), payload: note.text))
        }
        if var dialog = state.route, dialog.isDraftDirty, let form = dialog.form {
            dialog.isDraftDirty = false
            state.route = dialog
            effects.append(.saveDraft(.routeStep(signalID: dialog.route.signalID), payload: StepDraft(form, code: dialog.route.code).json))
        }
        return effects
    }

    /// When the session ends: every form that holds anything.
    static func saveEverything(_ state: AppState) -> [AppEffect] {
        var effects: [AppEffect] = []
        if let form = state.registration, form.isChanged { effects.append(.saveDraft(.registration, payload: RegistrationDraft(form).json)) }
        if let pane = state.timeline, let note = pane.note, !note.isEmpty {
            effects.append(.saveDraft(.note(pane.subject), payload: note.text))
        }
        if let dialog = state.route, let form = dialog.form, form.isChanged {
            effects.append(.saveDraft(.routeStep(signalID: dialog.route.signalID), payload: StepDraft(form, code: dialog.route.code).json))
        }
        return effects
    }
}
