import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

@Suite struct HelpTests {
    @Test func aLongHelpScrollsAndSaysThereIsMore() {
        let context = AppContext(user: Fixtures.af, today: Fixtures.today, calendar: WorkingDayCalendar(), workflow: Fixtures.workflow, caseWorkflow: Fixtures.caseWorkflow,
                                 helpLines: (1...40).map { "regel \($0)" }, isDemo: true)
        var state = AppState(context: context, size: Size(width: 80, height: 24))
        _ = AppReducer.reduce(&state, .keyPressed(.character("?")))
        #expect(AppView.render(state).textLines().contains { $0.contains("▼ meer (↓)") })
        for _ in 0..<3 { _ = AppReducer.reduce(&state, .keyPressed(.down)) }
        #expect(state.helpScroll == 3)
        for _ in 0..<10 { _ = AppReducer.reduce(&state, .keyPressed(.pageDown)) }
        // Never past the last screenful: 40 lines in a box of 19.
        #expect(state.helpScroll == 21)
        let lines = AppView.render(state).textLines()
        #expect(lines.contains { $0.contains("regel 40") } && !lines.contains { $0.contains("▼ meer") })
        _ = AppReducer.reduce(&state, .keyPressed(.escape))
        #expect(!state.isShowingHelp)
    }
}
