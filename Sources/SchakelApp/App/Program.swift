import Foundation
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
    /// Wakes the loop when the store's files change; without it, commits are polled for.
    private let changes: (any ChangeNotification)?
    /// Seconds since 1970 on the wall clock, for the next whole minute.
    private let wallClock: () -> Double
    private var screen = Screen()
    /// The signal that ended the program, if one did (SIGTERM, SIGHUP, SIGINT).
    public private(set) var terminationSignal: Int32?

    public init(state: AppState, terminal: TerminalBackend, store: any SessionStore, clock: any Clock,
                changes: (any ChangeNotification)? = nil, wallClock: @escaping () -> Double = { Date().timeIntervalSince1970 }) {
        self.state = state
        self.terminal = terminal
        self.store = store
        self.clock = clock
        self.changes = changes
        self.wallClock = wallClock
    }

    private var lastDataVersion: Int?

    /// Runs until the user quits or a termination signal arrives. Between keys it sleeps (see
    /// `WakeSchedule`): on the terminal, the termination signals and the change notification.
    public func run() {
        send(.started)
        lastDataVersion = try? store.dataVersion()
        draw()
        var pauseAwaited = false
        while state.isRunning {
            let timeout = WakeSchedule.timeout(pauseAwaited: pauseAwaited, settling: isSettling, notified: changes != nil,
                                               secondsSinceEpoch: wallClock())
            if let event = terminal.nextEvent(timeoutMilliseconds: timeout, alsoWaitingOn: isSettling ? nil : changes?.descriptor) {
                handle(event)
                if event != .changeNotified { pauseAwaited = true }
            } else {
                // A pause in typing: the form in progress is kept as a draft (not after every key:
                // a held key stays cheap). And on every wake without an event the clock is read
                // and other processes' commits looked for, whether notified or not.
                if isSettling { changes?.drain() }
                isSettling = false
                if pauseAwaited { send(.idle) }
                pauseAwaited = false
                checkTheClock()
                checkForOtherProcessesCommits()
            }
            draw()
        }
    }

    /// A change notification came: the loop stops watching until the commit has had time to finish.
    private var isSettling = false

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
        case .changeNotified:
            isSettling = true
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
