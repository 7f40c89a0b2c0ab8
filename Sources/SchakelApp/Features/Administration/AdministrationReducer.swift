import Meldroute
import SchakelCore
import TerminalKit

/// The Beheer tab's keys: ↑↓ choose a user, `n` adds one, Enter changes the selected one, `b`
/// blocks or unblocks them (after `j`). In the form, F2 saves and Esc leaves.
enum AdministrationReducer {
    static func reduce(_ state: inout AdministrationState, _ action: AdministrationAction, _ shell: inout Shell) -> [AdministrationEffect] {
        switch action {
        case .shown:
            return [.loadUsers]
        case .usersLoaded(let users):
            let login = state.loginToSelect ?? state.selectedUser?.user.login
            state.loginToSelect = nil
            state.users = users
            state.isLoaded = true
            state.selected = users.firstIndex { $0.user.login == login } ?? min(state.selected, max(0, users.count - 1))
            return []
        case .failed(let message):
            state.isLoaded = true
            if state.form != nil {
                state.form?.isSaving = false
                state.form?.problem = message
            } else {
                shell.status = StatusMessage(message, isError: true)
            }
            return []
        case .saved(let message, let login):
            state.form = nil
            shell.status = StatusMessage(message)
            state.loginToSelect = login
            return [.loadUsers]
        case .keyPressed(let key):
            if state.form != nil { return formKey(key, &state) }
            return listKey(key, &state, today: shell.context.today)
        }
    }

    private static func listKey(_ key: Key, _ state: inout AdministrationState, today: CivilDate) -> [AdministrationEffect] {
        if state.isConfirmingBlock {
            state.isConfirmingBlock = false
            guard key == .character("j"), let chosen = state.selectedUser else { return [] }
            return [.setActive(login: chosen.user.login, active: !chosen.isActive)]
        }
        switch key {
        case .character("n"):
            state.form = UserForm(nil, today: today)
        case .enter, .character("e"):
            guard let chosen = state.selectedUser else { return [] }
            state.form = UserForm(chosen.user, today: today)
        case .character("b"):
            state.isConfirmingBlock = state.selectedUser != nil
        default:
            state.selected = ShortList.moved(state.selected, by: key, count: state.users.count)
        }
        return []
    }

    private static func formKey(_ key: Key, _ state: inout AdministrationState) -> [AdministrationEffect] {
        FormKeys.handle(key, &state.form) { $0.change() }.map { [.save($0)] } ?? []
    }

    /// The question on the status line while `b` waits for `j`.
    static func prompt(_ state: AdministrationState) -> String? {
        guard state.isConfirmingBlock, let chosen = state.selectedUser else { return nil }
        let verb = chosen.isActive ? "blokkeren (kan Schakel dan niet meer openen)" : "deblokkeren"
        return " \(chosen.user.login) \(verb)? j = ja · andere toets = nee"
    }
}
