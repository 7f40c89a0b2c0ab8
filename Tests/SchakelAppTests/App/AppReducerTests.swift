import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp
import Meldroute

/// The app: its own keys and moments, and routing everything else to the feature it belongs to.
@Suite struct AppReducerTests {
    let fake = FakeSignals(Fixtures.signals(250))

    func run(_ state: inout AppState, _ action: AppAction) -> [AppEffect] { runEffects(&state, action, on: fake) }

    @Test func theStartReachesEveryFeatureThatListensAndRunsItsEffects() {
        var state = Fixtures.state()
        let effects = AppReducer.reduce(&state, .started)
        #expect(effects.compactMap { $0.of(SignalsFeature.self) } == [
            .loadInboxPage(.first, limit: InboxState.pageSize), .draft(.load(.registration)),
            .draft(.loadAll(kind: DraftKey.routeStepKind))])
        #expect(effects.count == 3)
        _ = run(&state, .started)
        #expect(state.signals.inbox.isLoaded && state.signals.inbox.rows.count == InboxState.pageSize)
    }

    @Test func keysGoToTheTabsPaneAndItsEffectsComeBackAsItsActions() {
        var state = Fixtures.state()
        _ = run(&state, .started)
        let effects = run(&state, .keyPressed(.enter))
        #expect(effects.compactMap { $0.of(SignalsFeature.self) } == [.loadSignalDetail(id: fake.rows[0].id)])
        #expect(state.signals.detail?.detail == Fixtures.detail())
    }

    @Test func qInTheDetailReturnsAndQInTheListQuits() {
        var state = Fixtures.state()
        _ = run(&state, .signals(.signalDetailLoaded(Fixtures.detail())))
        _ = run(&state, .keyPressed(.character("q")))
        #expect(state.signals.detail == nil && state.isRunning)
        _ = run(&state, .keyPressed(.character("q")))
        #expect(!state.isRunning)
    }

    @Test func helpOpensWithQuestionMarkAndSwallowsKeysUntilClosed() {
        var state = Fixtures.state()
        _ = run(&state, .started)
        _ = run(&state, .keyPressed(.character("?")))
        #expect(state.isShowingHelp)
        _ = run(&state, .keyPressed(.down))
        #expect(state.signals.inbox.selected == 0)
        _ = run(&state, .keyPressed(.escape))
        #expect(state.isShowingHelp == false)
    }

    @Test func aQuestionMarkTypedInAFormIsAQuestionMarkAndF1OpensTheHelp() {
        var state = Fixtures.state()
        _ = run(&state, .keyPressed(.character("n")))
        for _ in 0..<9 { _ = run(&state, .keyPressed(.tab)) }  // to the description
        for character in "Is dit mensenhandel?" { _ = run(&state, .keyPressed(.character(character))) }
        #expect(state.isShowingHelp == false)
        #expect(state.signals.registration?.description.text == "Is dit mensenhandel?")
        _ = run(&state, .keyPressed(.function(1)))
        #expect(state.isShowingHelp)
        // In a note, too.
        var timeline = Fixtures.state()
        _ = run(&timeline, .request(.openTimeline(.signal(1), code: "S2026-0001")))
        _ = run(&timeline, .keyPressed(.character("n")))
        _ = run(&timeline, .keyPressed(.character("?")))
        #expect(timeline.isShowingHelp == false)
        #expect(timeline.timeline?.note?.text == "?")
    }

    @Test func numberKeysSwitchTabsShowThePaneAndControlLRepaints() {
        var state = Fixtures.state()
        _ = run(&state, .keyPressed(.character("3")))
        #expect(state.tab == .meetings)
        _ = run(&state, .keyPressed(.character("9")))
        #expect(state.tab == .meetings)
        // A tab that comes into view may fetch its list.
        let effects = run(&state, .keyPressed(.character("2")))
        #expect(state.tab == .cases)
        #expect(effects.compactMap { $0.of(CasesFeature.self) } == [.loadCasePage(.first, limit: CasesState.pageSize)])
        #expect(AppReducer.reduce(&state, .keyPressed(.control("l"))) == [.repaintScreen])
    }

    @Test func tabsDoNotSwitchWhileSomethingIsOpenOverThePane() {
        var state = Fixtures.state()
        _ = run(&state, .keyPressed(.character("/")))
        _ = run(&state, .keyPressed(.character("2")))
        #expect(state.tab == .signals && state.signals.search?.query.text == "2")
    }

    @Test func terminationEndsTheLoopAndEveryFeatureKeepsItsDrafts() {
        var state = Fixtures.state()
        _ = run(&state, .keyPressed(.character("n")))
        _ = run(&state, .keyPressed(.control("u")))
        let effects = AppReducer.reduce(&state, .terminationRequested)
        #expect(!state.isRunning)
        #expect(effects.compactMap { $0.of(SignalsFeature.self) }.count == 1)
    }

    @Test func shrinkingTheTerminalReachesThePane() {
        var state = Fixtures.state(Size(width: 120, height: 40))
        _ = run(&state, .started)
        state.signals.inbox.selected = 30
        _ = run(&state, .terminalResized(Size(width: 80, height: 24)))
        let visible = FrameLayout(size: state.size).inboxVisibleRows
        #expect(state.signals.inbox.top <= 30 && 30 < state.signals.inbox.top + visible)
    }

    @Test func aPaneAsksForATimelineAndTheAppOpensItOverThePane() {
        var state = Fixtures.state()
        _ = run(&state, .signals(.signalDetailLoaded(Fixtures.detail())))
        let effects = run(&state, .keyPressed(.character("t")))
        let summary = Fixtures.detail().summary
        #expect(effects.compactMap { $0.of(SignalsFeature.self) } == [
            .request(.openTimeline(.signal(summary.id), code: summary.code))])
        #expect(state.timeline?.subject == .signal(summary.id))
        // Keys go to the timeline now; Esc closes it and the signal is there again.
        _ = run(&state, .keyPressed(.escape))
        #expect(state.timeline == nil && state.signals.detail != nil)
    }
}
