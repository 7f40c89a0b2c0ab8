import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp
import Meldroute

/// The inbox of the Signalen pane: paging by key, opening a signal, its deadlines and reminder.
@Suite struct InboxTests {
    let rows = Fixtures.signals(250)
    var fake: FakeSignals { FakeSignals(rows) }

    /// Feeds the action and runs the effects against the fake, as the program does.
    func run(_ state: inout SignalsTestState, _ action: SignalsAction, on signals: FakeSignals) {
        runEffects(&state, action, on: signals)
    }

    /// The pane's reducer alone, effects returned, not run.
    func reduce(_ state: inout SignalsTestState, _ action: SignalsAction) -> [SignalsEffect] {
        SignalsReducer.reduce(&state.feature, action, &state.shell)
    }

    @Test func startingAsksForTheFirstPageAndTheDraftsLeftOnly() {
        var state = SignalsTestState()
        let before = state
        #expect(reduce(&state, .started) == [.loadInboxPage(.first, limit: InboxState.pageSize), .draft(.load(.registration)),
                                             .draft(.loadAll(kind: DraftKey.routeStepKind))])
        #expect(state.feature == before.feature && state.shell == before.shell)
    }

    @Test func theFirstPageFillsTheInboxWithDeadlinesAndTheVTTReminder() {
        var state = SignalsTestState()
        let page = fake.inboxPage(.first, limit: 100)
        let effects = reduce(&state, .inboxPageLoaded(.first, page))
        var expected = SignalsTestState()
        expected.inbox.rows = zip(page.rows, state.inbox.rows).map { signal, loaded in
            InboxRow(signal: signal, deadline: DeadlineStanding.of(signal, context: Fixtures.context()), owesVTTReport: loaded.owesVTTReport)
        }
        expected.inbox.isLoaded = true
        expected.inbox.hasRowsAfter = true
        let owing = state.inbox.rows.filter(\.owesVTTReport).map(\.signal.code)
        expected.vttReminder = " ! VTT-melding nog vastleggen (\(owing.count)): " + owing.joined(separator: ", ")
        #expect(effects == [])
        #expect(state.feature == expected.feature)
        // Judged by the route's obligation as each row loaded: acute, and no VTT report recorded in
        // the fixtures, owes it; neither acute nor with a minor does not.
        #expect(state.inbox.rows[0].signal.acute && state.inbox.rows[0].owesVTTReport)
        #expect(!state.inbox.rows[1].signal.acute && !state.inbox.rows[1].signal.minorInvolved && !state.inbox.rows[1].owesVTTReport)
        #expect(state.inbox.rows[0].deadline == .due(label: "Contact met de melder", date: CivilDate(iso: "2026-11-27")!, workingDaysLeft: 3))
        #expect(state.inbox.rows[6].deadline == .due(label: "Contact met de melder", date: CivilDate(iso: "2026-11-23")!, workingDaysLeft: -1))
        #expect(state.inbox.rows[1].deadline == .none)
    }

    @Test func movingDownAndUpChangesOnlyTheSelection() {
        var state = SignalsTestState()
        run(&state, .started, on: fake)
        var expected = state
        #expect(reduce(&state, .keyPressed(.character("j"))) == [])
        expected.inbox.selected = 1
        #expect(state.feature == expected.feature)
        #expect(reduce(&state, .keyPressed(.up)) == [])
        expected.inbox.selected = 0
        #expect(state.feature == expected.feature)
        #expect(reduce(&state, .keyPressed(.up)) == [])
        #expect(state.feature == expected.feature)
    }

    @Test func pageDownScrollsAScreenful() {
        var state = SignalsTestState()
        run(&state, .started, on: fake)
        let visible = FrameLayout(size: state.size).inboxVisibleRows
        #expect(reduce(&state, .keyPressed(.pageDown)) == [])
        #expect(state.inbox.selected == visible)
        #expect(state.inbox.top == 1)
    }

    @Test func nearingTheEndOfTheWindowFetchesTheNextPageByKey() {
        var state = SignalsTestState()
        run(&state, .started, on: fake)
        // A screenful (20 rows at 80×24) before the last of the 100 rows held.
        state.inbox.selected = 78
        #expect(reduce(&state, .keyPressed(.down)) == [])
        let effects = reduce(&state, .keyPressed(.down))
        #expect(effects == [.loadInboxPage(.after(rows[99].key), limit: InboxState.pageSize)])
    }

    @Test func scrollingThroughEverythingVisitsEveryRowInOrderWithABoundedWindow() {
        var state = SignalsTestState()
        let signals = fake
        run(&state, .started, on: signals)
        var seen: [Int64] = []
        for _ in 0..<rows.count {
            seen.append(state.inbox.selectedRow!.signal.id)
            #expect(state.inbox.rows.count <= InboxState.capacity)
            run(&state, .keyPressed(.down), on: signals)
        }
        #expect(seen == rows.map(\.id))
        for _ in 0..<rows.count { run(&state, .keyPressed(.up), on: signals) }
        #expect(state.inbox.selectedRow?.signal.id == rows[0].id)
        #expect(!signals.requests.contains(.last))
    }

    @Test func endAndHomeJumpByKeyNotByWalking() {
        var state = SignalsTestState()
        let signals = fake
        run(&state, .started, on: signals)
        run(&state, .keyPressed(.end), on: signals)
        #expect(state.inbox.selectedRow?.signal.id == rows.last?.id)
        run(&state, .keyPressed(.home), on: signals)
        #expect(state.inbox.selectedRow?.signal.id == rows.first?.id)
        #expect(signals.requests == [.first, .last, .first])
    }

    @Test func enterOpensTheSelectedSignalAndEscapeReturns() {
        var state = SignalsTestState()
        run(&state, .started, on: fake)
        _ = reduce(&state, .keyPressed(.down))
        #expect(reduce(&state, .keyPressed(.enter)) == [.loadSignalDetail(id: rows[1].id)])
        _ = reduce(&state, .signalDetailLoaded(Fixtures.detail()))
        #expect(state.detail == SignalDetailState(detail: Fixtures.detail()))
        _ = reduce(&state, .keyPressed(.escape))
        #expect(state.detail == nil)
        #expect(state.inbox.selected == 1)
    }

    @Test func aSignalThatCannotBeOpenedSaysSoInTheStatusLine() {
        var state = SignalsTestState()
        _ = reduce(&state, .signalDetailLoaded(nil))
        #expect(state.detail == nil)
        #expect(state.status == StatusMessage("Dit signaal bestaat niet (meer) of u heeft er geen toegang toe.", isError: true))
    }

    @Test func shrinkingTheTerminalKeepsTheSelectionVisible() {
        var state = SignalsTestState(size: Size(width: 120, height: 40))
        run(&state, .started, on: fake)
        state.inbox.selected = 30
        state.shell.size = Size(width: 80, height: 24)
        _ = reduce(&state, .terminalResized)
        let visible = FrameLayout(size: state.size).inboxVisibleRows
        #expect(state.inbox.top <= 30 && 30 < state.inbox.top + visible)
    }

    @Test func detailScrollingStopsAtTheEnd() {
        var state = SignalsTestState(size: Size(width: 60, height: 16))
        _ = reduce(&state, .signalDetailLoaded(Fixtures.detail()))
        for _ in 0..<100 { _ = reduce(&state, .keyPressed(.down)) }
        let bottom = state.detail!.scroll
        #expect(bottom > 0)
        _ = reduce(&state, .keyPressed(.up))
        #expect(state.detail!.scroll == bottom - 1)
    }
}
