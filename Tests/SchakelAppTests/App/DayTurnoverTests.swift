import Meldroute
import SchakelCore
import Synchronization
import Testing
import TerminalKit
@testable import SchakelApp

/// A clock the test moves on.
final class AdjustableClock: Clock {
    private let moment: Mutex<LocalDateTime>

    init(_ moment: LocalDateTime) { self.moment = Mutex(moment) }

    func now() -> LocalDateTime { moment.withLock { $0 } }
    func set(_ new: LocalDateTime) { moment.withLock { $0 = new } }
}

/// A session left open past midnight (common over SSH) moves on to the new day by itself.
@Suite struct DayTurnoverTests {
    static let lateEvening = LocalDateTime(date: Fixtures.today, hour: 23, minute: 59)
    static let afterMidnight = LocalDateTime(date: Fixtures.today.adding(days: 1), hour: 0, minute: 0)

    /// What the Termijn column says for the signal with `code`.
    func termijn(_ code: String, on grid: Grid) -> String? {
        grid.textLines().first { $0.hasPrefix(code) }.map { String($0.suffix(9)).trimmingCharacters(in: .whitespaces) }
    }

    @Test func theHeaderAndTheDeadlinesMoveOnAtMidnightWithoutAKey() throws {
        let clock = AdjustableClock(Self.lateEvening)
        let fake = FakeSignals(Fixtures.signals(30))
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), events: [])
        let program = Program(state: Fixtures.state(), terminal: terminal, store: fake, clock: clock)
        program.send(.started)
        program.checkTheClock()
        // Received six days before, reported: its contact deadline (3 working days) is today.
        let code = "S2026-8994"
        let before = AppView.render(program.state)
        #expect(before.textLines()[0].contains("di 24-11-2026"))
        #expect(termijn(code, on: before) == "! -1 wd")

        clock.set(Self.afterMidnight)
        program.checkTheClock()
        let after = AppView.render(program.state)
        #expect(after.textLines()[0].contains("wo 25-11-2026"))
        #expect(termijn(code, on: after) == "! -2 wd")
        #expect(program.state.context.today == Fixtures.today.adding(days: 1))
    }

    @Test func theReducerReloadsTheInboxWhenTheDayTurnsAndNotOnEveryMinute() {
        var state = Fixtures.state()
        let fake = FakeSignals(Fixtures.signals(30))
        runEffects(&state, .started, on: fake)
        #expect(AppReducer.reduce(&state, .clockTicked(LocalDateTime(date: Fixtures.today, hour: 10, minute: 31))).isEmpty)
        let effects = AppReducer.reduce(&state, .clockTicked(Self.afterMidnight))
        #expect(effects.compactMap { $0.of(SignalsFeature.self) } == [.loadInboxPage(.first, limit: InboxState.pageSize, .refresh)])
        #expect(effects.count == 1)
    }

    @Test func aFormOpenAcrossMidnightAcceptsATimeAfterItOpened() throws {
        var state = Fixtures.state()
        let fake = FakeSignals(Fixtures.signals(3))
        _ = AppReducer.reduce(&state, .signals(.registrationOpened(now: Self.lateEvening, draft: nil)))
        // Typed in at 00:00: received at 00:00 the next day is not in the future any more.
        _ = AppReducer.reduce(&state, .clockTicked(Self.afterMidnight))
        var form = try #require(state.signals.registration)
        form.date = DateInput(Self.afterMidnight.date.dutch)
        form.time = TimeInput("00:00")
        form.forms = MultiSelectList(form.forms.options, chosen: ["arbeid"])
        form.description = TextArea("Een melding, net na middernacht.", maxLength: 100)
        state.signals.registration = form
        runEffects(&state, .keyPressed(.function(2)), on: fake)
        #expect(fake.registered.first?.receivedAt == Self.afterMidnight)
    }
}
