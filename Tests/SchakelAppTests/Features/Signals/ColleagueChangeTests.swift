import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// A colleague's commit in another process: the inbox is fetched again where it stands, the selection kept.
@Suite struct ColleagueChangeTests {
    func newer(_ id: Int64) -> SignalSummary {
        SignalSummary(id: id, key: ListKey(sortValue: "2026-11-24T09:59:00Z", id: id), code: "S2026-9999",
                      receivedAt: LocalDateTime(date: Fixtures.today, hour: 10, minute: 59), municipality: "Enschede",
                      forms: [.labour], state: "gemeld", acute: false, minorInvolved: false)
    }

    @Test func aWindowDeepInTheListIsReloadedInPlace() throws {
        let fake = FakeSignals(Fixtures.signals(600))
        var state = SignalsTestState()
        func run(_ action: SignalsAction) {
            var queue = [action]
            while !queue.isEmpty {
                // Copied out and back: `state` is captured, so its two parts cannot be passed at once.
                var (pane, shell) = (state.feature, state.shell)
                let effects = SignalsReducer.reduce(&pane, queue.removeFirst(), &shell)
                (state.feature, state.shell) = (pane, shell)
                for effect in effects {
                    if case .loadInboxPage(let request, let limit, _) = effect {
                        queue.append(.inboxPageLoaded(request, fake.inboxPage(request, limit: limit)))
                    }
                }
            }
        }
        run(.started)
        run(.keyPressed(.end))
        for _ in 0..<5 { run(.keyPressed(.up)) }
        let selected = try #require(state.inbox.selectedRow?.signal.id)
        let window = state.inbox.rows.map(\.signal.id)
        #expect(state.inbox.hasRowsBefore)

        // A colleague changes the state of a signal in the window.
        let index = try #require(fake.rows.firstIndex { $0.id == window[10] })
        let old = fake.rows[index]
        fake.rows[index] = SignalSummary(id: old.id, key: old.key, code: old.code, receivedAt: old.receivedAt,
                                         municipality: old.municipality, forms: old.forms, state: "onderzoek", acute: false,
                                         minorInvolved: false)
        run(.otherProcessCommitted)
        #expect(state.inbox.rows.map(\.signal.id) == window)
        #expect(state.inbox.rows[10].signal.state == "onderzoek")
        #expect(state.inbox.selectedRow?.signal.id == selected)
        #expect(!state.inbox.isReloading)
    }
}
