import Testing
import TerminalKit
@testable import SchakelApp

@Suite struct ScreenSnapshotTests {
    func loaded(_ size: Size, rows: Int = 60) -> AppState {
        var state = Fixtures.state(size)
        let fake = FakeSignals(Fixtures.signals(rows))
        _ = AppReducer.reduce(&state, .signals(.inboxPageLoaded(.first, fake.inboxPage(.first, limit: InboxState.pageSize))))
        return state
    }

    @Test func inboxAt80x24() {
        var state = loaded(Size(width: 80, height: 24))
        _ = AppReducer.reduce(&state, .keyPressed(.down))
        expectSnapshot(AppView.render(state), named: "inbox-80x24")
    }

    @Test func inboxAt120x40() {
        expectSnapshot(AppView.render(loaded(Size(width: 120, height: 40))), named: "inbox-120x40")
    }

    @Test func inboxAtTheMinimumSize() {
        expectSnapshot(AppView.render(loaded(Size(width: 60, height: 16))), named: "inbox-60x16")
    }

    @Test func tooSmallTerminal() {
        expectSnapshot(AppView.render(loaded(Size(width: 59, height: 12))), named: "too-small-59x12")
    }

    @Test func helpOverlay() {
        var state = loaded(Size(width: 80, height: 24))
        _ = AppReducer.reduce(&state, .keyPressed(.character("?")))
        expectSnapshot(AppView.render(state), named: "help-80x24")
    }

    @Test func signalDetail() {
        var state = loaded(Size(width: 80, height: 24))
        _ = AppReducer.reduce(&state, .signals(.signalDetailLoaded(Fixtures.detail())))
        expectSnapshot(AppView.render(state), named: "detail-80x24")
    }

    @Test func emptyInbox() {
        expectSnapshot(AppView.render(loaded(Size(width: 80, height: 24), rows: 0)), named: "inbox-empty-80x24")
    }
}
