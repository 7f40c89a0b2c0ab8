import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// Shared offices: the idle lock and the panic key blank the screen; the login name unlocks it;
/// an open form is exactly as it was. Ctrl-C, Ctrl-Z and Ctrl-\ only explain themselves.
@Suite struct ScreenLockTests {
    let fake = FakeSignals(Fixtures.signals(10))

    func run(_ state: inout AppState, _ action: AppAction) -> [AppEffect] { runEffects(&state, action, on: fake) }
    func press(_ keys: [Key], _ state: inout AppState) { for key in keys { _ = run(&state, .keyPressed(key)) } }
    func type(_ text: String, _ state: inout AppState) { press(text.map { .character($0) }, &state) }
    func at(_ hour: Int, _ minute: Int) -> AppAction { .clockTicked(LocalDateTime(date: Fixtures.today, hour: hour, minute: minute)) }
    func screen(_ state: AppState) -> String { AppView.render(state).textLines().joined(separator: "\n") }

    /// A registration open, with a description typed.
    func typing() -> AppState {
        var state = Fixtures.state()
        _ = run(&state, .started)
        press([.character("n")], &state)
        for _ in RegistrationForm.Field.allCases where state.signals.registration?.focusedField != .description { press([.tab], &state) }
        type("Zorgen over een nagelstudio.", &state)
        return state
    }

    @Test func tenMinutesWithoutAKeyLockTheScreenAndTheLoginNameUnlocksIt() throws {
        var state = typing()
        _ = run(&state, at(9, 0))
        _ = run(&state, at(9, 9))
        #expect(!state.screenLock.isLocked)
        _ = run(&state, at(9, 10))
        #expect(state.screenLock.isLocked)
        let form = state.signals.registration
        #expect(!screen(state).contains("nagelstudio") && screen(state).contains("Schakel is vergrendeld."))

        press([.character("x")], &state)
        #expect(screen(state).contains("Bevestig met uw loginnaam en Enter: _"))
        type("pm.kmt", &state)
        press([.enter], &state)
        #expect(state.screenLock.isLocked && screen(state).contains("Dat is niet de loginnaam van deze sessie."))
        type(Fixtures.af.login, &state)
        let effects = run(&state, .keyPressed(.enter))
        #expect(!state.screenLock.isLocked && effects == [.repaintScreen])
        // Nothing typed while locked reached the form.
        #expect(state.signals.registration == form)
        #expect(screen(state).contains("Zorgen over een nagelstudio."))
    }

    @Test func aKeyKeepsTheSessionOpenAndTheSettingIsHonoured() {
        var state = AppState(context: AppContext(user: Fixtures.af, today: Fixtures.today, calendar: WorkingDayCalendar(),
                                                 workflow: Fixtures.workflow, caseWorkflow: Fixtures.caseWorkflow, helpLines: [],
                                                 isDemo: false, idleLockMinutes: 2), size: Size(width: 80, height: 24))
        _ = run(&state, at(9, 0))
        _ = run(&state, at(9, 1))
        press([.down], &state)
        _ = run(&state, at(9, 2))
        _ = run(&state, at(9, 3))
        #expect(!state.screenLock.isLocked)
        _ = run(&state, at(9, 4))
        #expect(state.screenLock.isLocked)
    }

    @Test func thePanicKeyBlanksAtOnceAndEscapeGoesBackToBlank() {
        for panic in [Key.function(12), .control("g")] {
            var state = typing()
            press([panic], &state)
            #expect(state.screenLock.isLocked && !state.screenLock.isAsking)
            press([.character("a")], &state)
            #expect(state.screenLock.isAsking)
            press([.escape], &state)
            #expect(state.screenLock.isLocked && !state.screenLock.isAsking && state.screenLock.typed.isEmpty)
        }
    }

    @Test func ctrlCCtrlZAndCtrlBackslashStayInsideSchakel() {
        var state = typing()
        let form = state.signals.registration
        for key in [Key.control("c"), .control("z"), .control("\\")] {
            press([key], &state)
            #expect(state.isRunning && state.signals.registration == form)
        }
        #expect(state.status?.text == "Ctrl-\\ stopt Schakel niet; sluit af met q. Uw werk blijft bewaard.")
        press([.control("z")], &state)
        #expect(state.status?.text == "Schakel kan niet naar de achtergrond (Ctrl-Z); sluit af met q.")
    }

    @Test func theHeaderShowsThePreviousLoginUntilTheFirstKey() {
        let previous = PreviousLogin(at: LocalDateTime(date: CivilDate(year: 2026, month: 11, day: 23)!, hour: 14, minute: 2),
                                     origin: "10.1.2.3")
        var state = AppState(context: AppContext(user: Fixtures.af, today: Fixtures.today, calendar: WorkingDayCalendar(),
                                                 workflow: Fixtures.workflow, caseWorkflow: Fixtures.caseWorkflow, helpLines: [],
                                                 isDemo: false, previousLogin: previous), size: Size(width: 80, height: 24))
        #expect(screen(state).hasPrefix(" Schakel │ af.enschede · AF · Ensch… vorige keer: ma 23-11 14:02 vanaf 10.1.2.3 "))
        press([.down], &state)
        #expect(!screen(state).contains("vorige keer"))
    }

    @Test func theLockedScreenAt80x24() {
        var state = typing()
        press([.function(12), .character("x")], &state)
        type("af.ensch", &state)
        expectSnapshot(AppView.render(state), named: "locked-asking-80x24")
    }
}
