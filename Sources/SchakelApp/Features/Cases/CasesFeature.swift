import SchakelCore
import TerminalKit

/// Tab 2, Casussen: the KMT cases the user may see.
public enum CasesFeature: PaneFeature {
    public typealias State = CasesState
    public typealias Action = CasesAction
    public typealias Effect = CasesEffect
    public static let title = "Casussen"

    public static var state: WritableKeyPath<AppState, State> { \.cases }
    public static func embed(_ action: CasesAction) -> AppAction { .cases(action) }
    public static func extract(_ action: AppAction) -> CasesAction? {
        if case .cases(let action) = action { return action }
        return nil
    }

    public static func action(for moment: AppMoment) -> CasesAction? {
        switch moment {
        case .shown: return .shown
        case .otherProcessCommitted: return .otherProcessCommitted
        case .keyPressed(let key): return .keyPressed(key)
        default: return nil
        }
    }

    public static func reduce(_ state: inout CasesState, _ action: CasesAction, _ shell: inout Shell) -> [CasesEffect] {
        CasesReducer.reduce(&state, action, &shell)
    }

    public static func request(in effect: CasesEffect) -> AppRequest? {
        if case .request(let request) = effect { return request }
        return nil
    }

    public static func capability(of store: any SessionStore) -> any CaseListing { store }

    public static func run(_ effect: CasesEffect, state: CasesState, with store: any CaseListing, clock: any Clock,
                           context: AppContext) -> CasesAction? {
        CasesRunner(store: store).run(effect, context: context)
    }

    public static func draw(_ state: CasesState, shell: Shell, in pane: Rect, on grid: inout Grid) {
        CasesView.draw(state, context: shell.context, in: pane, on: &grid)
    }

    public static func hints(_ state: CasesState) -> String { CasesView.hints }

    public static func closedNote(for user: User) -> String? { AccessPolicy.seesCases(user) ? nil : noAccess(user, to: "casussen") }
}
