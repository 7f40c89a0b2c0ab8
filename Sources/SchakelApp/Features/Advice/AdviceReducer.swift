import Meldroute
import SchakelCore
import TerminalKit

/// The Advies tab's keys: Tab switches between the consults and the activities; ↑↓ choose, `n`
/// registers one, Enter opens a consult (its steps by letter) or changes an activity. In a form,
/// F2 saves and Esc leaves; what is typed in a new consult or an activity is kept as a draft while
/// it is open, so a dropped connection loses nothing.
enum AdviceReducer {
    static func reduce(_ state: inout AdviceState, _ action: AdviceAction, _ shell: inout Shell) -> [AdviceEffect] {
        let context = shell.context
        let seesConsults = AccessPolicy.seesConsults(context.user)
        state.hasConsults = seesConsults
        if !seesConsults { state.shown = .activities }
        switch action {
        case .shown:
            return [.loadActivities(.asked)] + (seesConsults ? [.loadConsults(.asked)] : [])
        case .otherProcessCommitted, .consultConverted:
            // Shown again without anyone asking (the conversion itself is in the log): nothing written.
            return (state.activities == nil ? [] : [.loadActivities(.refresh)]) + (state.consults == nil ? [] : [.loadConsults(.refresh)])
        case .activitiesLoaded(let list):
            state.activities = list
            state.loadProblem = nil
            if let id = state.idToSelect, let index = list.all.firstIndex(where: { $0.id == id }) { state.selected = index }
            state.idToSelect = nil
            state.selected = min(state.selected, max(0, list.all.count - 1))
            guard !state.lookedForDraft else { return [] }
            state.lookedForDraft = true
            return [.draft(.load(.activityForm))]
        case .consultsLoaded(let list):
            state.consults = list
            state.consultProblem = nil
            if let id = state.consultToSelect, let index = list.all.firstIndex(where: { $0.id == id }) { state.consultSelected = index }
            state.consultToSelect = nil
            state.consultSelected = min(state.consultSelected, max(0, list.all.count - 1))
            guard !state.lookedForConsultDraft else { return [] }
            state.lookedForConsultDraft = true
            return [.draft(.load(.consultForm))]
        case .consultFormOpened(let now):
            guard state.onTop == nil else { return [] }
            state.onTop = .consultForm(ConsultForm(user: context.user, now: now))
            return []
        case .consultOpened(let consult):
            // Opened from the list, or read again after a step: the step's form closes with it.
            state.onTop = .consult(OpenConsult(consult, steps: ConsultKeys.available(on: consult, context: context)))
            return []
        case .loadFailed(let message, let list):
            if list == .activities && state.activities == nil { state.loadProblem = message }
            if list == .consults && state.consults == nil { state.consultProblem = message }
            shell.status = StatusMessage(message, isError: true)
            return []
        case .saved(let message, let id):
            state.onTop = nil
            state.idToSelect = id
            shell.status = StatusMessage(message)
            return [.draft(.discard(.activityForm)), .loadActivities(.refresh)]
        case .consultSaved(let message, let id):
            let wasNew = state.consultForm != nil
            state.onTop = nil
            state.consultToSelect = id
            shell.status = StatusMessage(message)
            return (wasNew ? [.draft(.discard(.consultForm))] : [.openConsult(id)]) + [.loadConsults(.refresh)]
        case .saveFailed(let message):
            return saveFailed(message, &state, &shell)
        case .idle:
            return keptDraft(&state)
        case .terminating:
            if let form = state.form, form.form.isChanged { return [.draft(.save(.activityForm, payload: draft(of: form.form, code: form.activityID)))] }
            if let form = state.consultForm, form.form.isChanged { return [.draft(.save(.consultForm, payload: draft(of: form.form, code: nil)))] }
            return []
        case .draft(.found(let key, let payload?)):
            return restore(key, payload, &state, &shell)
        case .draft(.notSaved(let message)):
            shell.status = StatusMessage(message, isError: true)
            return []
        case .draft:
            return []
        case .keyPressed(let key):
            switch state.onTop {
            case .form(let form)?: return formKey(key, form, &state, context: context)
            case .consultForm(let form)?: return consultFormKey(key, form, &state, context: context)
            case .consult(let open)?: return ConsultKeys.detailKey(key, open, &state, &shell)
            case .consultEvent(let form)?: return ConsultKeys.eventKey(key, form, &state)
            case nil: break
            }
            if key == .tab || key == .backTab, seesConsults {
                state.shown = state.shown == .consults ? .activities : .consults
                return []
            }
            return state.shown == .consults ? ConsultKeys.listKey(key, &state, &shell) : listKey(key, &state, &shell)
        }
    }

    private static func saveFailed(_ message: String, _ state: inout AdviceState, _ shell: inout Shell) -> [AdviceEffect] {
        switch state.onTop {
        case .form(var form)?:
            form.isSaving = false
            form.problem = message
            state.onTop = .form(form)
        case .consultForm(var form)?:
            form.isSaving = false
            form.problem = message
            state.onTop = .consultForm(form)
        case .consultEvent(var form)?:
            form.isSaving = false
            form.problem = message
            state.onTop = .consultEvent(form)
        case .consult?, nil:
            shell.status = StatusMessage(message, isError: true)
        }
        return []
    }

    /// The open form's draft, when something was typed since it was last kept.
    private static func keptDraft(_ state: inout AdviceState) -> [AdviceEffect] {
        if var form = state.form, form.isDraftDirty {
            form.isDraftDirty = false
            state.onTop = .form(form)
            return [.draft(.save(.activityForm, payload: draft(of: form.form, code: form.activityID)))]
        }
        if var form = state.consultForm, form.isDraftDirty {
            form.isDraftDirty = false
            state.onTop = .consultForm(form)
            return [.draft(.save(.consultForm, payload: draft(of: form.form, code: nil)))]
        }
        return []
    }

    private static func restore(_ key: DraftKey, _ payload: String, _ state: inout AdviceState, _ shell: inout Shell) -> [AdviceEffect] {
        let context = shell.context
        guard state.onTop == nil, let draft = FormDraft.from(json: payload) else { return [] }
        switch key {
        case .activityForm:
            guard let vocabulary = context.activityVocabulary else { return [] }
            let activity = Int64(draft.code).flatMap { id in state.rows.first { $0.id == id } }
            if !draft.code.isEmpty && activity == nil { return [.draft(.discard(.activityForm))] }
            state.onTop = .form(ActivityForm(restoring: draft, activity: activity, vocabulary: vocabulary, user: context.user, today: context.today))
            state.shown = .activities
        case .consultForm:
            // The draft puts back the moment as typed; `now` only gives an empty form its defaults.
            state.onTop = .consultForm(ConsultForm(restoring: draft, user: context.user, now: LocalDateTime(date: context.today, hour: 12, minute: 0)))
            state.shown = .consults
        default:
            return []
        }
        shell.status = StatusMessage("Uw niet-opgeslagen formulier is teruggezet; Esc en j gooit het weg.")
        return []
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

    /// The same for a new consult.
    private static func consultFormKey(_ key: Key, _ form: ConsultForm, _ state: inout AdviceState, context: AppContext) -> [AdviceEffect] {
        var slot: ConsultForm? = form
        let now = LocalDateTime(date: context.today, hour: 23, minute: 59)
        let consult = FormKeys.handle(key, &slot) { $0.consult(now: now) }
        if var kept = slot, kept.form.content != form.form.content {
            kept.isDraftDirty = true
            slot = kept
        }
        state.onTop = slot.map(AdviceState.OnTop.consultForm)
        guard slot != nil else { return [.draft(.discard(.consultForm))] }
        return consult.map { [.registerConsult($0)] } ?? []
    }

    static func draft(of form: EventForm, code: Int64?) -> String {
        FormDraft(form, code: code.map(String.init) ?? "").json
    }
}
