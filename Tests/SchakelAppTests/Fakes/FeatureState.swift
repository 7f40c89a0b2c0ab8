import Foundation
import Meldroute
import SchakelCore
import TerminalKit
@testable import SchakelApp

/// Runs an action and every effect it leads to against the fake store, through the program's own
/// effect runner; returns the effects, for tests that check what was asked.
@discardableResult
func runEffects(_ state: inout AppState, _ action: AppAction, on store: FakeSignals) -> [AppEffect] {
    var seen: [AppEffect] = []
    var queue = [action]
    while !queue.isEmpty {
        for effect in AppReducer.reduce(&state, queue.removeFirst()) {
            seen.append(effect)
            if let next = Program.result(of: effect, state: state, store: store, clock: Fixtures.clock) { queue.append(next) }
        }
    }
    return seen
}

/// One feature's state with the shell beside it, as the app holds them: for testing a feature's
/// reducer on its own. Its state's members read through (`state.inbox`).
@dynamicMemberLookup
struct FeatureState<F: Feature> {
    var feature: F.State
    var shell: Shell

    init(_ feature: F.State, user: User = Fixtures.af, size: Size = Size(width: 80, height: 24)) {
        self.feature = feature
        shell = Shell(context: Fixtures.context(user: user), size: size)
    }

    subscript<T>(dynamicMember path: WritableKeyPath<F.State, T>) -> T {
        get { feature[keyPath: path] }
        set { feature[keyPath: path] = newValue }
    }

    var status: StatusMessage? {
        get { shell.status }
        set { shell.status = newValue }
    }
    var context: AppContext { shell.context }
    var size: Size { shell.size }

    /// The whole app around the feature, on the feature's tab, for rendering.
    var app: AppState {
        var app = AppState(context: shell.context, size: shell.size)
        app.shell = shell
        app[keyPath: F.state] = feature
        app.tab = Tab.allCases.first { ObjectIdentifier($0.feature) == ObjectIdentifier(F.self) } ?? .signals
        return app
    }
}

/// The Signalen pane on its own.
typealias SignalsTestState = FeatureState<SignalsFeature>

extension FeatureState where F == SignalsFeature {
    init(user: User = Fixtures.af, size: Size = Size(width: 80, height: 24)) { self.init(SignalsState(), user: user, size: size) }
}

/// Types `text` into the feature a key at a time, running what each key leads to.
func typeKeys<F: Feature>(_ text: String, _ state: inout FeatureState<F>, on store: FakeSignals) {
    for character in text {
        if let action = F.action(for: .keyPressed(.character(character))) { runEffects(&state, action, on: store) }
    }
}

/// Runs a feature's action and every effect it leads to against the fake store, with the
/// feature's own runner (and only its store capability); requests to the app are returned, not run.
@discardableResult
func runEffects<F: Feature>(_ state: inout FeatureState<F>, _ action: F.Action, on store: FakeSignals) -> [F.Effect] {
    var seen: [F.Effect] = []
    var queue = [action]
    while !queue.isEmpty {
        for effect in F.reduce(&state.feature, queue.removeFirst(), &state.shell) {
            seen.append(effect)
            guard F.request(in: effect) == nil else { continue }
            if let next = F.run(effect, state: state.feature, with: F.capability(of: store), clock: Fixtures.clock,
                                context: state.shell.context) {
                queue.append(next)
            }
        }
    }
    return seen
}
