import SchakelCore
import TerminalKit

/// The only place state changes. The app's own keys (help, Ctrl-L, tabs, quit) and moments are
/// handled here; everything else is routed to the feature it belongs to.
public enum AppReducer {
    /// Every feature: the tabs' panes and the timeline over them.
    static let features: [any Feature.Type] = Tab.allCases.map(\.feature) + [TimelineFeature.self, PersonsFeature.self]

    public static func reduce(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
        switch action {
        case .started:
            return broadcast(.started, &state)
        case .idle:
            return broadcast(.idle, &state)
        case .otherProcessCommitted:
            return broadcast(.otherProcessCommitted, &state)
        case .terminationRequested:
            state.isRunning = false
            return broadcast(.terminating, &state)
        case .terminalResized(let size):
            state.size = size
            return broadcast(.resized, &state)
        case .clockTicked(let now):
            let newDay = now.date != state.context.today
            // A new day: the header's date, and the deadlines counted from it.
            if newDay { state.shell.context.today = now.date }
            state.screenLock.clockTicked(now, lockAfter: state.context.idleLockMinutes)
            return broadcast(.clockTicked(now, newDay: newDay), &state)
        case .request(.openTimeline(let subject, let code)):
            // Opened anew, it goes on top (also when one was open below the persons).
            state.timeline = nil
            return Scope.reduce(TimelineFeature.self, .open(subject, code: code), in: &state)
        case .request(.openPersons(let subject, let code)):
            state.persons = nil
            return Scope.reduce(PersonsFeature.self, .open(subject, code: code), in: &state)
        case .request(.openPerson(let id)):
            state.persons = nil
            return Scope.reduce(PersonsFeature.self, .openPerson(id), in: &state)
        case .request(.personsChanged(let subject)):
            return Scope.reduce(SignalsFeature.self, .personsChanged(subject), in: &state)
                + Scope.reduce(TimelineFeature.self, .linesAdded(subject), in: &state)
        case .request(.casesChanged):
            return Scope.reduce(CasesFeature.self, .changed, in: &state)
        case .request(.whoToCall(let situation)):
            state.closeRecords()
            state.tab = .partners
            return Scope.reduce(PartnersFeature.self, .askWhoToCall(situation), in: &state)
        case .request(.refer(let subject, let code)):
            state.closeRecords()
            state.tab = .partners
            return Scope.reduce(PartnersFeature.self, .startReferral(subject, code: code), in: &state)
        case .request(.registerFromConsult(let consult)):
            state.closeRecords()
            state.tab = .signals
            return Scope.reduce(SignalsFeature.self, .registerFromConsult(consult), in: &state)
        case .request(.consultConverted):
            return Scope.reduce(AdviceFeature.self, .consultConverted, in: &state)
        case .keyPressed(let key):
            return keyPressed(key, &state)
        default:
            for feature in features {
                if let effects = Scope.route(feature, action, in: &state) { return effects }
            }
            return []
        }
    }

    /// A moment for every feature — but a pane closed to the user's role hears none: it loads
    /// nothing, so nothing is refused (and logged) that the user never asked for.
    private static func broadcast(_ moment: AppMoment, _ state: inout AppState) -> [AppEffect] {
        let user = state.context.user
        return features.filter { !isClosed($0, to: user) }.flatMap { Scope.moment(moment, to: $0, in: &state) }
    }

    private static func isClosed(_ feature: any Feature.Type, to user: User) -> Bool {
        (feature as? any PaneFeature.Type)?.closedNote(for: user) != nil
    }

    /// The app's keys first; then the timeline when one is open, else the tab's pane.
    static func keyPressed(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        state.screenLock.keySinceTick = true
        if state.screenLock.isLocked {
            return state.screenLock.keyPressed(key, login: state.context.user.login) ? [.repaintScreen] : []
        }
        if ScreenLock.isPanicKey(key) {
            state.screenLock.lock()
            return []
        }
        if key == .control("l") { return [.repaintScreen] }
        state.showsPreviousLogin = false
        state.status = nil
        if let refusal = ScreenLock.refusal(for: key) {
            state.status = StatusMessage(refusal)
            return []
        }
        if state.isShowingHelp {
            helpKeyPressed(key, &state)
            return []
        }
        // F1 opens the help anywhere; `?` only where it is not being typed.
        if key == .function(1) || (key == .character("?") && !isTyping(state)) {
            state.isShowingHelp = true
            state.helpScroll = 0
            return []
        }
        switch state.records.top {
        case .timeline?: return Scope.moment(.keyPressed(key), to: TimelineFeature.self, in: &state)
        case .persons?: return Scope.moment(.keyPressed(key), to: PersonsFeature.self, in: &state)
        case nil: break
        }
        let pane = state.tab.feature
        if !hasOverlay(pane, state) {
            switch key {
            case .character("q"):
                state.isRunning = false
                return []
            case .character(let c) where c.isNumber:
                guard let number = c.wholeNumberValue, let tab = Tab(rawValue: number),
                      Tab.tabs(for: state.context.user).contains(tab) else { return [] }
                state.tab = tab
                return isClosed(tab.feature, to: state.context.user) ? [] : Scope.moment(.shown, to: tab.feature, in: &state)
            default:
                break
            }
        }
        // A tab that holds nothing for this role takes no keys of its own.
        if pane.closedNote(for: state.context.user) != nil { return [] }
        return Scope.moment(.keyPressed(key), to: pane, in: &state)
    }

    private static func hasOverlay<F: PaneFeature>(_ feature: F.Type, _ state: AppState) -> Bool {
        F.hasOverlay(state[keyPath: F.state])
    }

    /// Whether the feature that has the keyboard is taking typed text.
    private static func isTyping(_ state: AppState) -> Bool {
        switch state.records.top {
        case .timeline(let timeline)?: return TimelineFeature.isTyping(timeline)
        case .persons(let persons)?: return PersonsFeature.isTyping(persons)
        case nil: break
        }
        return isTyping(state.tab.feature, state)
    }

    private static func isTyping<F: Feature>(_ feature: F.Type, _ state: AppState) -> Bool {
        F.isTyping(state[keyPath: F.state])
    }

    private static func helpKeyPressed(_ key: Key, _ state: inout AppState) {
        let height = max(1, FrameLayout(size: state.size).pane.height - 2)
        switch key {
        case .escape, .character("?"), .character("q"), .enter: state.isShowingHelp = false
        case .down, .character("j"): state.helpScroll += 1
        case .up, .character("k"): state.helpScroll -= 1
        case .pageDown, .character(" "): state.helpScroll += height
        case .pageUp: state.helpScroll -= height
        default: break
        }
        state.helpScroll = HelpView.clampedScroll(state.helpScroll, lineCount: state.context.helpLines.count, height: height)
    }
}
