import SchakelCore
import TerminalKit

/// Tab 6, Advies: the KMT's work beside the route, for the AF and the KMT — the consults (advies en
/// consult) and the activities of deskundigheidsbevordering and preventie. Closed to the beheerder.
public enum AdviceFeature: PaneFeature {
    public typealias State = AdviceState
    public typealias Action = AdviceAction
    public typealias Effect = AdviceEffect
    public static let title = "Advies"

    public static var state: WritableKeyPath<AppState, State> { \.advice }
    public static func embed(_ action: AdviceAction) -> AppAction { .advice(action) }
    public static func extract(_ action: AppAction) -> AdviceAction? {
        if case .advice(let action) = action { return action }
        return nil
    }

    public static func action(for moment: AppMoment) -> AdviceAction? {
        switch moment {
        case .shown: return .shown
        case .keyPressed(let key): return .keyPressed(key)
        case .idle: return .idle
        case .terminating: return .terminating
        case .otherProcessCommitted: return .otherProcessCommitted
        default: return nil
        }
    }

    public static func reduce(_ state: inout AdviceState, _ action: AdviceAction, _ shell: inout Shell) -> [AdviceEffect] {
        guard AccessPolicy.canListActivities(shell.context.user) else { return [] }
        return AdviceReducer.reduce(&state, action, &shell)
    }

    public static func request(in effect: AdviceEffect) -> AppRequest? {
        if case .convert(let consult) = effect { return .registerFromConsult(consult) }
        return nil
    }

    public static func capability(of store: any SessionStore) -> any AdviceStore { store }

    public static func run(_ effect: AdviceEffect, state: AdviceState, with store: any AdviceStore, clock: any Clock,
                           context: AppContext) -> AdviceAction? {
        AdviceRunner(store: store, clock: clock).run(effect, context: context)
    }

    public static func draw(_ state: AdviceState, shell: Shell, in pane: Rect, on grid: inout Grid) {
        AdviceView.draw(state, context: shell.context, in: pane, on: &grid)
    }

    public static func hints(_ state: AdviceState) -> String { AdviceView.hints(state) }
    public static func hasOverlay(_ state: AdviceState) -> Bool { state.onTop != nil }
    public static func isTyping(_ state: AdviceState) -> Bool { state.isTyping }

    public static func closedNote(for user: User) -> String? {
        AccessPolicy.canListActivities(user) ? nil : noAccess(user, to: "consulten en activiteiten")
    }
}
