import Meldroute
import SchakelCore
import TerminalKit

/// One part of the app with its own state, actions, reducer, effects and view: a pane (as TCA's
/// child features, bubbletea's nested models). The app keeps its state, carries its actions in one
/// of its own, routes moments and keys to it, and runs its effects with only the store capability
/// it needs. Everything a feature is lives in its folder under `Features/`.
public protocol Feature {
    associatedtype State: Hashable & Sendable
    associatedtype Action: Hashable & Sendable
    associatedtype Effect: Hashable & Sendable
    /// What its effects may ask of the store: a protocol from SchakelCore, never the whole store.
    associatedtype Capability

    /// Where the app keeps the feature's state.
    static var state: WritableKeyPath<AppState, State> { get }
    /// The app's action that carries the feature's, and back.
    static func embed(_ action: Action) -> AppAction
    static func extract(_ action: AppAction) -> Action?
    /// How one of the app's moments (the start, a pause, a key, ...) reaches the feature, if it does.
    static func action(for moment: AppMoment) -> Action?

    static func reduce(_ state: inout State, _ action: Action, _ shell: inout Shell) -> [Effect]

    /// A request to the app, when the effect is one rather than work for the store.
    static func request(in effect: Effect) -> AppRequest?
    static func capability(of store: any SessionStore) -> Capability
    /// Runs one effect; its result comes back as the feature's action.
    static func run(_ effect: Effect, state: State, with capability: Capability, clock: any Clock, context: AppContext) -> Action?

    /// Text is being typed: every printable key is the feature's (a `?` is a question mark, not help).
    static func isTyping(_ state: State) -> Bool
}

extension Feature {
    public static func isTyping(_ state: State) -> Bool { false }
}

/// A feature that is a tab's pane: it draws the pane and says which keys work there.
public protocol PaneFeature: Feature {
    /// The tab's name.
    static var title: String { get }
    static func draw(_ state: State, shell: Shell, in pane: Rect, on grid: inout Grid)
    /// The keys that work, for the status line.
    static func hints(_ state: State) -> String
    /// Something is open over the pane's list: keys are the pane's, not the tabs'.
    static func hasOverlay(_ state: State) -> Bool
    /// A question waiting for a key, shown before any message.
    static func prompt(_ state: State) -> String?
    /// A warning that stays on the status line while nothing else is said.
    static func reminder(_ state: State) -> String?
    /// A note at the right of the tabs row (the filter in force, say).
    static func tabNote(_ state: State, context: AppContext) -> String?
    /// The one line a role sees where the tab holds nothing for it; nil when it does.
    static func closedNote(for user: User) -> String?
}

extension PaneFeature {
    public static func hasOverlay(_ state: State) -> Bool { false }
    public static func prompt(_ state: State) -> String? { nil }
    public static func reminder(_ state: State) -> String? { nil }
    public static func tabNote(_ state: State, context: AppContext) -> String? { nil }
    public static func closedNote(for user: User) -> String? { nil }

    /// "Uw rol (beheerder) geeft geen toegang tot signalen."
    static func noAccess(_ user: User, to what: String) -> String { "Uw rol (\(user.role.label)) geeft geen toegang tot \(what)." }
}

/// The session's moments, as the app passes them on to its features.
public enum AppMoment: Hashable, Sendable {
    case started
    /// No key for a moment: keep drafts.
    case idle
    /// The session ends (quit, a dropped connection, a shutdown).
    case terminating
    /// The clock showed a new minute; `newDay` when it passed midnight.
    case clockTicked(LocalDateTime, newDay: Bool)
    /// Another process (a colleague) committed.
    case otherProcessCommitted
    case resized
    /// The feature's tab came into view.
    case shown
    /// A key, for the feature that has the keyboard.
    case keyPressed(Key)
}

/// A feature's effect as the app carries it: the effect itself (compared in tests) and how to run it.
public struct FeatureEffect: Hashable, @unchecked Sendable {
    /// The feature's own effect value.
    public let effect: AnyHashable
    let perform: (FeatureEnvironment) -> AppAction?

    public static func == (lhs: FeatureEffect, rhs: FeatureEffect) -> Bool { lhs.effect == rhs.effect }
    public func hash(into hasher: inout Hasher) { hasher.combine(effect) }
}

/// What running an effect needs from the program.
struct FeatureEnvironment {
    let store: any SessionStore
    let clock: any Clock
    let context: AppContext
}

/// Runs a feature's reducer inside the app's state, and wraps its effects for the app.
enum Scope {
    static func reduce<F: Feature>(_ feature: F.Type, _ action: F.Action, in state: inout AppState) -> [AppEffect] {
        var local = state[keyPath: F.state]
        var shell = state.shell
        let effects = F.reduce(&local, action, &shell)
        state[keyPath: F.state] = local
        state.shell = shell
        // Effects run right after this action, before any result is reduced: this is their state.
        let snapshot = local
        return effects.map { effect in
            if let request = F.request(in: effect) {
                return .feature(FeatureEffect(effect: effect) { _ in .request(request) })
            }
            return .feature(FeatureEffect(effect: effect) { environment in
                F.run(effect, state: snapshot, with: F.capability(of: environment.store), clock: environment.clock,
                      context: environment.context).map(F.embed)
            })
        }
    }

    /// The feature's action carried by `action`, reduced; nil when `action` is not this feature's.
    static func route<F: Feature>(_ feature: F.Type, _ action: AppAction, in state: inout AppState) -> [AppEffect]? {
        F.extract(action).map { reduce(F.self, $0, in: &state) }
    }

    /// A moment, for the feature if it listens to it.
    static func moment<F: Feature>(_ moment: AppMoment, to feature: F.Type, in state: inout AppState) -> [AppEffect] {
        F.action(for: moment).map { reduce(F.self, $0, in: &state) } ?? []
    }
}

extension AppEffect {
    /// The effect of feature `F` this is, if it is one: for tests that check what was asked.
    public func of<F: Feature>(_ feature: F.Type) -> F.Effect? {
        guard case .feature(let wrapped) = self else { return nil }
        return wrapped.effect.base as? F.Effect
    }
}
