import Meldroute
import SchakelCore
import TerminalKit

/// The loop: an event from the terminal becomes an action, the reducer changes the state and
/// returns effects, the effects run and their results come back as actions, and then the frame
/// is drawn once — only its changed cells.
public final class Program {
    public private(set) var state: AppState
    private let terminal: TerminalBackend
    private let store: any SessionStore
    private let clock: any Clock
    private var screen = Screen()
    /// The signal that ended the program, if one did (SIGTERM, SIGHUP, SIGINT).
    public private(set) var terminationSignal: Int32?

    public init(state: AppState, terminal: TerminalBackend, store: any SessionStore, clock: any Clock) {
        self.state = state
        self.terminal = terminal
        self.store = store
        self.clock = clock
    }

    /// How often, at most, other processes' commits are looked for while no key is pressed.
    static let pollMilliseconds = 400
    private var lastDataVersion: Int?

    /// Runs until the user quits or a termination signal arrives.
    public func run() {
        send(.started)
        lastDataVersion = try? store.dataVersion()
        draw()
        while state.isRunning {
            if let event = terminal.nextEvent(timeoutMilliseconds: Self.pollMilliseconds) {
                handle(event)
            } else {
                // A pause in typing: the form in progress is kept as a draft, the clock read, and
                // other processes' commits looked for (not after every key: a held key stays cheap).
                send(.idle)
                checkTheClock()
                checkForOtherProcessesCommits()
            }
            draw()
        }
    }

    private var lastTick: LocalDateTime?

    /// Tells the reducer when the clock shows a new minute: a session left open past midnight
    /// moves on to the new day.
    public func checkTheClock() {
        let now = clock.now()
        guard now != lastTick else { return }
        lastTick = now
        send(.clockTicked(now))
    }

    /// When a colleague's process committed, the lists on screen are fetched again (within a
    /// second), keeping the selection.
    public func checkForOtherProcessesCommits() {
        guard let version = try? store.dataVersion() else { return }
        defer { lastDataVersion = version }
        if let last = lastDataVersion, last != version { send(.otherProcessCommitted) }
    }

    /// Feeds one terminal event through the reducer (also used by tests).
    public func handle(_ event: TerminalEvent) {
        switch event {
        case .key(let key):
            send(.keyPressed(key))
        case .resized(let size):
            screen.invalidate()
            send(.terminalResized(size))
        case .terminationRequested(let signal):
            terminationSignal = signal
            send(.terminationRequested)
        }
    }

    public func draw() {
        screen.present(AppView.render(state), on: terminal)
    }

    public func send(_ action: AppAction) {
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in AppReducer.reduce(&state, next) {
                if let result = perform(effect) { queue.append(result) }
            }
        }
    }

    private func perform(_ effect: AppEffect) -> AppAction? {
        if case .repaintScreen = effect {
            screen.invalidate()
            return nil
        }
        return Self.result(of: effect, state: state, store: store, clock: clock)
    }

    /// What running `effect` against the store comes back as. Everything but the screen goes
    /// through here, in the program and in tests alike: each feature's effect with only the store
    /// capability that feature needs.
    static func result(of effect: AppEffect, state: AppState, store: any SessionStore, clock: any Clock) -> AppAction? {
        switch effect {
        case .repaintScreen:
            return nil
        case .feature(let featureEffect):
            return featureEffect.perform(FeatureEnvironment(store: store, clock: clock, context: state.context))
        }
    }
}
