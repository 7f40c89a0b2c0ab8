import Meldroute
import SchakelCore
import TerminalKit

/// The loop: an event from the terminal becomes an action, the reducer changes the state and
/// returns effects, the effects run and their results come back as actions, and then the frame
/// is drawn once — only its changed cells.
public final class Program {
    public private(set) var state: AppState
    private let terminal: TerminalBackend
    private let signals: any SessionStore
    private let clock: any Clock
    private var screen = Screen()
    /// The signal that ended the program, if one did (SIGTERM, SIGHUP, SIGINT).
    public private(set) var terminationSignal: Int32?

    public init(state: AppState, terminal: TerminalBackend, signals: any SessionStore, clock: any Clock) {
        self.state = state
        self.terminal = terminal
        self.signals = signals
        self.clock = clock
    }

    /// How often, at most, other processes' commits are looked for while no key is pressed.
    static let pollMilliseconds = 400
    private var lastDataVersion: Int?

    /// Runs until the user quits or a termination signal arrives.
    public func run() {
        send(.started)
        lastDataVersion = try? signals.dataVersion()
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
        guard let version = try? signals.dataVersion() else { return }
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
        return Self.result(of: effect, state: state, store: signals, clock: clock)
    }

    /// What running `effect` against the store comes back as. Everything but the screen goes
    /// through here, in the program and in tests alike.
    static func result(of effect: AppEffect, state: AppState, store signals: any SessionStore, clock: any Clock) -> AppAction? {
        switch effect {
        case .loadInboxPage(let request, let limit):
            do {
                let context = state.context
                let overdue = OverdueRule.rules(for: context.workflow, today: context.today, calendar: context.calendar)
                return .inboxPageLoaded(request, try signals.inboxPage(request, limit: limit, filter: state.signalFilter,
                                                                       overdue: overdue, for: context.user))
            } catch {
                return .loadFailed("Signalen laden mislukt. \(Self.message(for: error))")
            }
        case .loadSignalDetail(let id):
            do {
                return .signalDetailLoaded(try signals.signalDetail(id: id, for: state.context.user))
            } catch {
                return .loadFailed("Signaal openen mislukt. \(Self.message(for: error))")
            }
        case .repaintScreen:
            return nil
        case .loadCasePage(let request, let limit):
            do {
                return .casePageLoaded(request, try signals.casePage(request, limit: limit, for: state.context.user))
            } catch {
                return .loadFailed("Casussen laden mislukt. \(Self.message(for: error))")
            }
        case .loadTimelinePage(let subject, let kinds, let request, let limit):
            do {
                return .timelinePageLoaded(subject, request, try signals.timelinePage(
                    of: subject, kinds: kinds, request, limit: limit, for: state.context.user))
            } catch {
                return .loadFailed("Tijdlijn laden mislukt. \(Self.message(for: error))")
            }
        case .addNote(let subject, let text):
            do {
                _ = try signals.addNote(text, to: subject, by: state.context.user)
                return .noteAdded
            } catch {
                return .noteFailed("De notitie is niet opgeslagen; ze staat er nog. \(Self.message(for: error))")
            }
        case .openCase(let signalID, let perpetratorTrack):
            do {
                let opened = try signals.openCase(fromSignal: signalID, perpetratorTrack: perpetratorTrack, summary: "",
                                                  caseProcess: state.context.workflows.caseProcess, by: state.context.user)
                return .caseOpened(code: opened.code)
            } catch {
                return .loadFailed("De casus is niet aangemaakt. \(Self.message(for: error))")
            }
        case .loadSavedFilters:
            return .savedFiltersLoaded((try? signals.savedFilters(for: state.context.user)) ?? [])
        case .saveFilter(let name, let filter, let shared):
            do {
                try signals.saveFilter(named: name, filter, shared: shared, by: state.context.user)
                return .filterSaved(name: name)
            } catch {
                return .loadFailed("Het filter is niet bewaard. \(Self.message(for: error))")
            }
        case .search(let text):
            do {
                let user = state.context.user
                let signalHits = try signals.search(text, in: .signal, after: nil, limit: 50, for: user).rows
                let lineHits = try signals.search(text, in: .timeline, after: nil, limit: 50, for: user).rows
                return .searchResults(text, signalHits + lineHits)
            } catch {
                return .loadFailed("Zoeken mislukt. \(Self.message(for: error))")
            }
        case .loadDraft(let key):
            return .draftFound(key, try? signals.draft(kind: key.kind, subject: key.subject, for: state.context.user))
        case .loadDrafts(let kind):
            return .draftsFound(kind: kind, (try? signals.drafts(kind: kind, for: state.context.user)) ?? [])
        case .saveDraft(let key, let payload):
            do {
                try signals.saveDraft(kind: key.kind, subject: key.subject, payload: payload, for: state.context.user)
                return nil
            } catch {
                return .loadFailed("Het concept kon niet worden bewaard. \(Self.message(for: error))")
            }
        case .discardDraft(let key):
            try? signals.discardDraft(kind: key.kind, subject: key.subject, for: state.context.user)
            return nil
        case .openRegistration:
            let draft = try? signals.draft(kind: DraftKey.registration.kind, subject: "", for: state.context.user)
            return .registrationOpened(now: clock.now(), draft: draft)
        case .loadRouteState(let id):
            do {
                return .routeStateLoaded(try signals.signalRouteState(id: id, for: state.context.user), now: clock.now())
            } catch {
                return .loadFailed("Stappen laden mislukt. \(Self.message(for: error))")
            }
        case .recordRouteEvent(let id, let event, let fields, let version):
            do {
                return .routeEventRecorded(try signals.recordRouteEvent(
                    event, fields: fields, onSignal: id, expectedVersion: version,
                    workflows: state.context.workflows, by: state.context.user))
            } catch {
                let isConflict: Bool
                if case .conflict = error { isConflict = true } else { isConflict = false }
                return .routeEventFailed(Self.message(for: error), isConflict: isConflict)
            }
        case .registerSignal(let signal):
            do {
                return .signalRegistered(try signals.registerSignal(signal, by: state.context.user), signal)
            } catch {
                return .registrationFailed("Het signaal is niet opgeslagen; het formulier staat er nog. \(Self.message(for: error))")
            }
        }
    }

    private static func message(for error: any Error) -> String {
        (error as? StoreFailure)?.description ?? String(describing: error)
    }
}
