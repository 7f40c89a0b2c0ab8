import SchakelCore
import TerminalKit

/// Tab 1, Signalen: the inbox and everything an officer does with a signal.
public enum SignalsFeature: PaneFeature {
    public typealias State = SignalsState
    public typealias Action = SignalsAction
    public typealias Effect = SignalsEffect
    public static let title = "Signalen"

    public static var state: WritableKeyPath<AppState, State> { \.signals }
    public static func embed(_ action: SignalsAction) -> AppAction { .signals(action) }
    public static func extract(_ action: AppAction) -> SignalsAction? {
        if case .signals(let action) = action { return action }
        return nil
    }

    public static func action(for moment: AppMoment) -> SignalsAction? {
        switch moment {
        case .started: return .started
        case .idle: return .idle
        case .terminating: return .terminating
        case .clockTicked(let now, let newDay): return .clockTicked(now, newDay: newDay)
        case .otherProcessCommitted: return .otherProcessCommitted
        case .resized: return .terminalResized
        case .shown: return nil
        case .keyPressed(let key): return .keyPressed(key)
        }
    }

    public static func reduce(_ state: inout SignalsState, _ action: SignalsAction, _ shell: inout Shell) -> [SignalsEffect] {
        SignalsReducer.reduce(&state, action, &shell)
    }

    public static func request(in effect: SignalsEffect) -> AppRequest? {
        if case .request(let request) = effect { return request }
        return nil
    }

    /// The signals, and the persons (for the known persons offered at registration).
    public static func capability(of store: any SessionStore) -> any SignalsStore & PersonKeeping { store }

    public static func run(_ effect: SignalsEffect, state: SignalsState, with store: any SignalsStore & PersonKeeping, clock: any Clock,
                           context: AppContext) -> SignalsAction? {
        SignalsRunner(store: store, clock: clock).run(effect, state: state, context: context)
    }

    public static func draw(_ state: SignalsState, shell: Shell, in pane: Rect, on grid: inout Grid) {
        SignalsView.draw(state, context: shell.context, in: pane, on: &grid)
    }

    public static func hints(_ state: SignalsState) -> String { SignalsView.hints(state) }

    public static func closedNote(for user: User) -> String? {
        AccessPolicy.signalScope(for: user) == .none ? noAccess(user, to: "signalen") : nil
    }
    public static func hasOverlay(_ state: SignalsState) -> Bool { state.hasOverlay }
    public static func isTyping(_ state: SignalsState) -> Bool {
        state.registration != nil || state.route?.form != nil || state.search?.isTyping == true || state.filterPanel?.naming != nil
    }
    public static func prompt(_ state: SignalsState) -> String? { SignalsView.prompt(state) }
    public static func reminder(_ state: SignalsState) -> String? { SignalsView.reminder(state) }
    public static func tabNote(_ state: SignalsState, context: AppContext) -> String? { SignalsView.tabNote(state, context: context) }
}
