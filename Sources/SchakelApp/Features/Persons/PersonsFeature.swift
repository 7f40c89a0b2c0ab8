import SchakelCore
import TerminalKit

/// The persons of a signal or case, and the person view, shown over the pane they were opened from.
public enum PersonsFeature: Feature {
    public typealias State = PersonsPane?
    public typealias Action = PersonsAction
    public typealias Effect = PersonsEffect

    public static var state: WritableKeyPath<AppState, State> { \.persons }
    public static func embed(_ action: PersonsAction) -> AppAction { .persons(action) }
    public static func extract(_ action: AppAction) -> PersonsAction? {
        if case .persons(let action) = action { return action }
        return nil
    }

    public static func action(for moment: AppMoment) -> PersonsAction? {
        switch moment {
        case .keyPressed(let key): return .keyPressed(key)
        case .idle: return .idle
        case .terminating: return .terminating
        default: return nil
        }
    }

    public static func reduce(_ state: inout PersonsPane?, _ action: PersonsAction, _ shell: inout Shell) -> [PersonsEffect] {
        PersonsReducer.reduce(&state, action, &shell)
    }

    public static func request(in effect: PersonsEffect) -> AppRequest? {
        if case .request(let request) = effect { return request }
        return nil
    }

    /// In a form.
    public static func isTyping(_ state: PersonsPane?) -> Bool { state?.form != nil || state?.mergeForm != nil }

    public static func capability(of store: any SessionStore) -> any PersonKeeping & DraftKeeping { store }

    public static func run(_ effect: PersonsEffect, state: PersonsPane?, with store: any PersonKeeping & DraftKeeping, clock: any Clock,
                           context: AppContext) -> PersonsAction? {
        PersonsRunner(store: store).run(effect, context: context)
    }
}
