import SchakelCore
import TerminalKit

/// What happens in the Overleggen tab. For now only keys reach it, and it does nothing with them.
public enum MeetingsAction: Hashable, Sendable {
    case keyPressed(Key)
}

/// Work for the Overleggen tab's runner: none yet.
public enum MeetingsEffect: Hashable, Sendable {}

/// Tab 3, Overleggen: wired into the app already, so that building it touches only this folder.
public enum MeetingsFeature: PaneFeature {
    public typealias State = MeetingsState
    public typealias Action = MeetingsAction
    public typealias Effect = MeetingsEffect
    public static let title = "Overleggen"
    public static let isBuilt = false

    public static var state: WritableKeyPath<AppState, State> { \.meetings }
    public static func embed(_ action: MeetingsAction) -> AppAction { .meetings(action) }
    public static func extract(_ action: AppAction) -> MeetingsAction? {
        if case .meetings(let action) = action { return action }
        return nil
    }

    public static func action(for moment: AppMoment) -> MeetingsAction? {
        if case .keyPressed(let key) = moment { return .keyPressed(key) }
        return nil
    }

    public static func reduce(_ state: inout MeetingsState, _ action: MeetingsAction, _ shell: inout Shell) -> [MeetingsEffect] { [] }

    public static func request(in effect: MeetingsEffect) -> AppRequest? { nil }

    /// Nothing of the store yet.
    public static func capability(of store: any SessionStore) {}

    public static func run(_ effect: MeetingsEffect, state: MeetingsState, with capability: Void, clock: any Clock,
                           context: AppContext) -> MeetingsAction? {}

    public static func draw(_ state: MeetingsState, shell: Shell, in pane: Rect, on grid: inout Grid) {
        MeetingsView.draw(state, in: pane, on: &grid)
    }

    public static func hints(_ state: MeetingsState) -> String { "1-5 tabblad  ? hulp  q stoppen" }
}
