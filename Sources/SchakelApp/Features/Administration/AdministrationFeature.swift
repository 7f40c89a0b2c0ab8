import SchakelCore
import TerminalKit

/// Tab 7, Beheer: the beheerder keeps the users (the same as `schakel gebruiker`, audited the
/// same way) and proposes destruction lists; a procesmanager approves them (the same as `schakel
/// bewaren`). Closed to every other role.
public enum AdministrationFeature: PaneFeature {
    public typealias State = AdministrationState
    public typealias Action = AdministrationAction
    public typealias Effect = AdministrationEffect
    public static let title = "Beheer"

    public static var state: WritableKeyPath<AppState, State> { \.administration }
    public static func embed(_ action: AdministrationAction) -> AppAction { .administration(action) }
    public static func extract(_ action: AppAction) -> AdministrationAction? {
        if case .administration(let action) = action { return action }
        return nil
    }

    public static func action(for moment: AppMoment) -> AdministrationAction? {
        switch moment {
        case .shown: return .shown
        case .keyPressed(let key): return .keyPressed(key)
        default: return nil
        }
    }

    public static func reduce(_ state: inout AdministrationState, _ action: AdministrationAction, _ shell: inout Shell)
        -> [AdministrationEffect] {
        guard AccessPolicy.canOpenAdministration(shell.context.user) else { return [] }
        return AdministrationReducer.reduce(&state, action, &shell)
    }

    public static func request(in effect: AdministrationEffect) -> AppRequest? { nil }

    public static func capability(of store: any SessionStore) -> any AdministrationStore { store }

    public static func run(_ effect: AdministrationEffect, state: AdministrationState, with store: any AdministrationStore, clock: any Clock,
                           context: AppContext) -> AdministrationAction? {
        AdministrationRunner(store: store).run(effect, context: context)
    }

    public static func draw(_ state: AdministrationState, shell: Shell, in pane: Rect, on grid: inout Grid) {
        AdministrationView.draw(state, user: shell.context.user, in: pane, on: &grid)
    }

    public static func hints(_ state: AdministrationState) -> String { AdministrationView.hints(state, user: state.viewer) }
    public static func hasOverlay(_ state: AdministrationState) -> Bool { state.onTop != nil }
    public static func prompt(_ state: AdministrationState) -> String? { AdministrationReducer.prompt(state) }
    public static func isTyping(_ state: AdministrationState) -> Bool { state.form != nil }

    public static func closedNote(for user: User) -> String? {
        AccessPolicy.canOpenAdministration(user) ? nil
            : "Beheer is alleen voor de beheerder en de procesmanager; uw rol is \(user.role.label)."
    }
}
