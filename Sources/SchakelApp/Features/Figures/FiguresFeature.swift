import SchakelCore
import TerminalKit

/// What happens in the Cijfers tab. For now only keys reach it, and it does nothing with them.
public enum FiguresAction: Hashable, Sendable {
    case keyPressed(Key)
}

/// Work for the Cijfers tab's runner: none yet.
public enum FiguresEffect: Hashable, Sendable {}

/// Tab 5, Cijfers: wired into the app already, so that building it touches only this folder.
public enum FiguresFeature: PaneFeature {
    public typealias State = FiguresState
    public typealias Action = FiguresAction
    public typealias Effect = FiguresEffect
    public static let title = "Cijfers"
    public static let isBuilt = false

    public static var state: WritableKeyPath<AppState, State> { \.figures }
    public static func embed(_ action: FiguresAction) -> AppAction { .figures(action) }
    public static func extract(_ action: AppAction) -> FiguresAction? {
        if case .figures(let action) = action { return action }
        return nil
    }

    public static func action(for moment: AppMoment) -> FiguresAction? {
        if case .keyPressed(let key) = moment { return .keyPressed(key) }
        return nil
    }

    public static func reduce(_ state: inout FiguresState, _ action: FiguresAction, _ shell: inout Shell) -> [FiguresEffect] { [] }

    public static func request(in effect: FiguresEffect) -> AppRequest? { nil }

    /// Nothing of the store yet.
    public static func capability(of store: any SessionStore) {}

    public static func run(_ effect: FiguresEffect, state: FiguresState, with capability: Void, clock: any Clock,
                           context: AppContext) -> FiguresAction? {}

    public static func draw(_ state: FiguresState, shell: Shell, in pane: Rect, on grid: inout Grid) {
        FiguresView.draw(state, in: pane, on: &grid)
    }

    public static func hints(_ state: FiguresState) -> String { "1-5 tabblad  ? hulp  q stoppen" }
}
