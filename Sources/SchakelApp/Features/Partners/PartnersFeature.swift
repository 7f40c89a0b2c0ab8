import SchakelCore
import TerminalKit

/// What happens in the Sociale kaart tab. For now only keys reach it, and it does nothing with them.
public enum PartnersAction: Hashable, Sendable {
    case keyPressed(Key)
}

/// Work for the Sociale kaart tab's runner: none yet.
public enum PartnersEffect: Hashable, Sendable {}

/// Tab 4, Sociale kaart: wired into the app already, so that building it touches only this folder.
public enum PartnersFeature: PaneFeature {
    public typealias State = PartnersState
    public typealias Action = PartnersAction
    public typealias Effect = PartnersEffect
    public static let title = "Sociale kaart"
    public static let isBuilt = false

    public static var state: WritableKeyPath<AppState, State> { \.partners }
    public static func embed(_ action: PartnersAction) -> AppAction { .partners(action) }
    public static func extract(_ action: AppAction) -> PartnersAction? {
        if case .partners(let action) = action { return action }
        return nil
    }

    public static func action(for moment: AppMoment) -> PartnersAction? {
        if case .keyPressed(let key) = moment { return .keyPressed(key) }
        return nil
    }

    public static func reduce(_ state: inout PartnersState, _ action: PartnersAction, _ shell: inout Shell) -> [PartnersEffect] { [] }

    public static func request(in effect: PartnersEffect) -> AppRequest? { nil }

    /// Nothing of the store yet.
    public static func capability(of store: any SessionStore) {}

    public static func run(_ effect: PartnersEffect, state: PartnersState, with capability: Void, clock: any Clock,
                           context: AppContext) -> PartnersAction? {}

    public static func draw(_ state: PartnersState, shell: Shell, in pane: Rect, on grid: inout Grid) {
        PartnersView.draw(state, in: pane, on: &grid)
    }

    public static func hints(_ state: PartnersState) -> String { "1-5 tabblad  ? hulp  q stoppen" }
}
