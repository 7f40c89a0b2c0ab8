import SchakelCore
import TerminalKit

/// The users, one per row, or the form of one; or the destruction list. Never anything of a case.
enum AdministrationView {
    static func draw(_ state: AdministrationState, user: User, in rect: Rect, on grid: inout Grid) {
        if state.section == .destruction {
            RetentionView.draw(state.retention, user: user, in: rect, on: &grid)
            return
        }
        grid.fill(rect)
        if let form = state.form {
            FieldFormView.draw(form.form, problem: form.problem, in: rect, on: &grid)
            return
        }
        guard state.isLoaded else {
            grid.write("Gebruikers laden…", in: rect.centered(Size(width: rect.width, height: 1)), alignment: .center)
            return
        }
        let columns = [
            TableColumn("Login", width: .fixed(16), priority: 10), TableColumn("Naam", width: .flexible(minimum: 12), priority: 9),
            TableColumn("Rol", width: .fixed(20), priority: 8), TableColumn("Gemeente", width: .fixed(14), priority: 7),
            TableColumn("Status", width: .fixed(11), priority: 9),
        ]
        let height = max(0, rect.height - 1)
        let top = max(0, min(state.selected - height + 1, state.users.count - height))
        let rows = state.users.dropFirst(top).prefix(height).map { managed -> [TableCell] in
            let user = managed.user
            return [TableCell(user.login), TableCell(user.displayName), TableCell(user.role.label),
                    TableCell(user.municipality?.name ?? "regio"),
                    TableCell(managed.isActive ? "actief" : "geblokkeerd", style: managed.isActive ? .plain : Style(.bold, tone: .danger))]
        }
        TableView(columns: columns, rows: Array(rows), selected: state.selected - top).draw(in: rect, on: &grid)
    }

    static func hints(_ state: AdministrationState, user: User?) -> String {
        if state.section == .destruction, let user {
            return RetentionView.hints(state.retention, user: user, canSwitch: AccessPolicy.canManageUsers(user))
        }
        if state.form != nil { return "Tab/↓ volgend veld  ←→ kiezen  F2 of Ctrl-O opslaan  Esc terug" }
        return "↑↓ kiezen  n nieuw  Enter wijzigen  b (de)blokkeren  Tab vernietigingslijst"
    }
}
