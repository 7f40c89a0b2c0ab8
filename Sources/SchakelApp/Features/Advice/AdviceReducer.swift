import Meldroute
import SchakelCore
import TerminalKit

/// The Advies tab's keys: ↑↓ choose an activity, `n` registers one, Enter changes the selected one.
/// In the form, F2 saves and Esc leaves; what is typed is kept as a draft while it is open, so a
/// dropped connection loses nothing.
enum AdviceReducer {
    static func reduce(_ state: inout AdviceState, _ action: AdviceAction, _ shell: inout Shell) -> [AdviceEffect] {
        let context = shell.context
        switch action {
        case .shown:
            return [.loadActivities(.asked)]
        case .otherProcessCommitted:
            return state.activities == nil ? [] : [.loadActivities(.refresh)]
        case .activitiesLoaded(let list):
            state.activities = list
            state.loadProblem = nil
            if let id = state.idToSelect, let index = list.all.firstIndex(where: { $0.id == id }) { state.selected = index }
            state.idToSelect = nil
            state.selected = min(state.selected, max(0, list.all.count - 1))
            guard !state.lookedForDraft else { return [] }
            state.lookedForDraft = true
            return [.draft(.load(.activityForm))]
        case .loadFailed(let message):
            if state.activities == nil { state.loadProblem = message }
            shell.status = StatusMessage(message, isError: true)
            return []
        case .saved(let message, let id):
            state.onTop = nil
            state.idToSelect = id
            shell.status = StatusMessage(message)
            return [.draft(.discard(.activityForm)), .loadActivities(.refresh)]
        case .saveFailed(let message):
            guard var form = state.form else {
                shell.status = StatusMessage(message, isError: true)
                return []
            }
            form.isSaving = false
            form.problem = message
            state.onTop = .form(form)
            return []
        case .idle:
            guard var form = state.form, form.isDraftDirty else { return [] }
            form.isDraftDirty = false
            state.onTop = .form(form)
            return [.draft(.save(.activityForm, payload: draft(of: form)))]
        case .terminating:
            guard let form = state.form, form.form.isChanged else { return [] }
            return [.draft(.save(.activityForm, payload: draft(of: form)))]
        case .draft(.found(.activityForm, let payload?)):
            guard state.onTop == nil, let vocabulary = context.activityVocabulary, let draft = FormDraft.from(json: payload) else { return [] }
            let activity = Int64(draft.code).flatMap { id in state.rows.first { $0.id == id } }
            if !draft.code.isEmpty && activity == nil { return [.draft(.discard(.activityForm))] }
            state.onTop = .form(ActivityForm(restoring: draft, activity: activity, vocabulary: vocabulary, user: context.user, today: context.today))
            shell.status = StatusMessage("Uw niet-opgeslagen formulier is teruggezet; Esc en j gooit het weg.")
            return []
        case .draft(.notSaved(let message)):
            shell.status = StatusMessage(message, isError: true)
            return []
        case .draft:
            return []
        case .keyPressed(let key):
            if let form = state.form { return formKey(key, form, &state, context: context) }
            return listKey(key, &state, &shell)
        }
    }

    private static func listKey(_ key: Key, _ state: inout AdviceState, _ shell: inout Shell) -> [AdviceEffect] {
        let context = shell.context
        switch key {
        case .character("n"), .enter, .character("e"):
            guard let vocabulary = context.activityVocabulary else {
                shell.status = StatusMessage("De soorten activiteit zijn niet geladen; registreren kan nu niet.", isError: true)
                return []
            }
            if key == .character("n") {
                state.onTop = .form(ActivityForm(nil, vocabulary: vocabulary, user: context.user, today: context.today))
                return []
            }
            guard let chosen = state.selectedActivity else { return [] }
            guard AccessPolicy.canWriteActivity(context.user, municipalityID: chosen.entry.municipality?.id) else {
                let whose = chosen.entry.municipality.map { "van \($0.name)" } ?? "van de regio"
                shell.status = StatusMessage("Deze activiteit is \(whose); wijzigen doet het KMT of de AF daar.", isError: true)
                return []
            }
            state.onTop = .form(ActivityForm(chosen, vocabulary: vocabulary, user: context.user, today: context.today))
        default:
            state.selected = ShortList.moved(state.selected, by: key, count: state.rows.count)
        }
        return []
    }

    /// The form's key through the shared handling of a form saved whole; a change marks its draft to
    /// be kept, leaving it throws the draft away.
    private static func formKey(_ key: Key, _ form: ActivityForm, _ state: inout AdviceState, context: AppContext) -> [AdviceEffect] {
        guard let vocabulary = context.activityVocabulary else { return [] }
        var slot: ActivityForm? = form
        let entry = FormKeys.handle(key, &slot) { $0.entry(vocabulary: vocabulary, today: context.today) }
        if var kept = slot, kept.form.content != form.form.content {
            kept.isDraftDirty = true
            slot = kept
        }
        state.onTop = slot.map(AdviceState.OnTop.form)
        guard slot != nil else { return [.draft(.discard(.activityForm))] }
        return entry.map { [.save($0, id: form.activityID, version: form.version)] } ?? []
    }

    static func draft(of form: ActivityForm) -> String {
        FormDraft(form.form, code: form.activityID.map(String.init) ?? "").json
    }
}
