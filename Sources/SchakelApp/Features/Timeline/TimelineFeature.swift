import SchakelCore
import TerminalKit

/// The timeline of a signal or a case, shown over the pane it was opened from.
public enum TimelineFeature: Feature {
    public typealias State = TimelinePane?
    public typealias Action = TimelineAction
    public typealias Effect = TimelineEffect

    public static var state: WritableKeyPath<AppState, State> { \.timeline }
    public static func embed(_ action: TimelineAction) -> AppAction { .timeline(action) }
    public static func extract(_ action: AppAction) -> TimelineAction? {
        if case .timeline(let action) = action { return action }
        return nil
    }

    public static func action(for moment: AppMoment) -> TimelineAction? {
        switch moment {
        case .idle: return .idle
        case .terminating: return .terminating
        case .keyPressed(let key): return .keyPressed(key)
        default: return nil
        }
    }

    public static func reduce(_ state: inout TimelinePane?, _ action: TimelineAction, _ shell: inout Shell) -> [TimelineEffect] {
        TimelineReducer.reduce(&state, action, &shell)
    }

    public static func request(in effect: TimelineEffect) -> AppRequest? {
        if case .request(let request) = effect { return request }
        return nil
    }

    /// In the note editor.
    public static func isTyping(_ state: TimelinePane?) -> Bool { state?.note != nil }

    public static func capability(of store: any SessionStore) -> any TimelineStore { store }

    public static func run(_ effect: TimelineEffect, state: TimelinePane?, with store: any TimelineStore, clock: any Clock,
                           context: AppContext) -> TimelineAction? {
        TimelineRunner(store: store).run(effect, context: context)
    }
}
