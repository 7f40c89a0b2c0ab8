import Meldroute
import SchakelCore
import TerminalKit

/// The Beheer tab's keys: ↑↓ choose a user, `n` adds one, Enter changes the selected one, `b`
/// blocks or unblocks them (after `j`). In the form, F2 saves and Esc leaves. Tab switches to the
/// destruction list and back (`RetentionReducer`); a procesmanager has only that.
enum AdministrationReducer {
    static func reduce(_ state: inout AdministrationState, _ action: AdministrationAction, _ shell: inout Shell) -> [AdministrationEffect] {
        let user = shell.context.user
        switch action {
        case .shown:
            state.viewer = user
            state.retention.approved = nil
            if !AccessPolicy.canManageUsers(user) { state.section = .destruction }
            return state.section == .users ? [.loadUsers] : [.loadRetention]
        case .retentionLoaded(let overview):
            state.retention.overview = overview
            state.retention.loadProblem = nil
            if state.onTop == .working { state.onTop = nil }
            state.retention.selected = min(state.retention.selected, max(0, state.retention.rows.count - 1))
            return []
        case .destructionProposed(let list):
            state.onTop = nil
            shell.status = StatusMessage("Lijst \(list.id) voorgesteld: \(list.items.count) records. Een procesmanager keurt haar goed.")
            return [.loadRetention]
        case .destructionApproved(let list):
            state.onTop = nil
            state.retention.approved = list
            shell.status = StatusMessage(RetentionReducer.outcome(of: list))
            return [.loadRetention]
        case .retentionFailed(let message):
            state.onTop = nil
            if state.retention.overview == nil { state.retention.loadProblem = message }
            shell.status = StatusMessage(message, isError: true)
            return []
        case .usersLoaded(let users):
            let login = state.loginToSelect ?? state.selectedUser?.user.login
            state.loginToSelect = nil
            state.users = users
            state.isLoaded = true
            state.selected = users.firstIndex { $0.user.login == login } ?? min(state.selected, max(0, users.count - 1))
            return []
        case .failed(let message):
            state.isLoaded = true
            if case .form(var form)? = state.onTop {
                form.isSaving = false
                form.problem = message
                state.onTop = .form(form)
            } else {
                shell.status = StatusMessage(message, isError: true)
            }
            return []
        case .saved(let message, let login):
            if state.form != nil { state.onTop = nil }
            shell.status = StatusMessage(message)
            state.loginToSelect = login
            return [.loadUsers]
        case .keyPressed(let key):
            // The key goes to what is on top; the list gets it only when nothing is.
            switch state.onTop {
            case .form(let form)?:
                return formKey(key, form, &state)
            case .confirmingBlock?:
                state.onTop = nil
                guard YesNoQuestion.isYes(key), let chosen = state.selectedUser else { return [] }
                return [.setActive(login: chosen.user.login, active: !chosen.isActive)]
            case .confirmingProposal?:
                state.onTop = YesNoQuestion.isYes(key) ? .working : nil
                return state.onTop == .working ? [.proposeDestruction] : []
            case .confirmingApproval(let id)?:
                state.onTop = YesNoQuestion.isYes(key) ? .working : nil
                return state.onTop == .working ? [.approveDestruction(id)] : []
            case .working?:
                return []
            case nil:
                if key == .tab || key == .backTab, AccessPolicy.canManageUsers(user) {
                    state.section = state.section == .users ? .destruction : .users
                    state.retention.approved = nil
                    return state.section == .users ? [.loadUsers] : [.loadRetention]
                }
                if state.section == .destruction {
                    return RetentionReducer.keyPressed(key, &state.retention, onTop: &state.onTop, user: user)
                }
                return listKey(key, &state, today: shell.context.today)
            }
        }
    }

    private static func listKey(_ key: Key, _ state: inout AdministrationState, today: CivilDate) -> [AdministrationEffect] {
        switch key {
        case .character("n"):
            state.onTop = .form(UserForm(nil, today: today))
        case .enter, .character("e"):
            guard let chosen = state.selectedUser else { return [] }
            state.onTop = .form(UserForm(chosen.user, today: today))
        case .character("b"):
            if state.selectedUser != nil { state.onTop = .confirmingBlock }
        default:
            state.selected = ShortList.moved(state.selected, by: key, count: state.users.count)
        }
        return []
    }

    private static func formKey(_ key: Key, _ form: UserForm, _ state: inout AdministrationState) -> [AdministrationEffect] {
        var form: UserForm? = form
        let change = FormKeys.handle(key, &form) { $0.change() }
        state.onTop = form.map(AdministrationState.OnTop.form)
        return change.map { [.save($0)] } ?? []
    }

    /// The question on the status line while `b` waits for `j`.
    static func prompt(_ state: AdministrationState) -> String? {
        if state.section == .destruction { return RetentionReducer.prompt(state.retention, onTop: state.onTop) }
        guard state.onTop == .confirmingBlock, let chosen = state.selectedUser else { return nil }
        let verb = chosen.isActive ? "blokkeren (kan Schakel dan niet meer openen)" : "deblokkeren"
        return " " + YesNoQuestion.prompt("\(chosen.user.login) \(verb)?")
    }
}
