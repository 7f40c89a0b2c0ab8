import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// An idle session sleeps: it wakes for a key, for the pause after typing, for the next minute,
/// and for a change notification — and polls once a second only when it has no notification.
@Suite struct SleepingLoopTests {
    /// A change notification whose draining stands for what a colleague's process committed.
    final class FakeChanges: ChangeNotification {
        let descriptor: Int32 = 7
        var drained = 0
        var onDrain: () -> Void = {}
        func drain() {
            drained += 1
            onDrain()
        }
    }

    @Test func theScheduleSleepsToTheNextMinuteWhenNotifiedAndASecondWhenNot() {
        #expect(WakeSchedule.timeout(pauseAwaited: true, notified: true, secondsSinceEpoch: 1_000_000) == 400)
        #expect(WakeSchedule.timeout(pauseAwaited: true, notified: false, secondsSinceEpoch: 1_000_000) == 400)
        #expect(WakeSchedule.timeout(pauseAwaited: false, notified: false, secondsSinceEpoch: 1_000_000) == 1000)
        #expect(WakeSchedule.timeout(pauseAwaited: true, settling: true, notified: true, secondsSinceEpoch: 1_000_000) == 200)
        // 1_000_040.5 s is 20.5 s into its minute (1_000_020 is a whole one): 39.5 s to go, and a little past it.
        #expect(WakeSchedule.timeout(pauseAwaited: false, notified: true, secondsSinceEpoch: 1_000_040.5) == 39_520)
        #expect(WakeSchedule.timeout(pauseAwaited: false, notified: true, secondsSinceEpoch: 1_000_040) == 40_020)
        // On the minute: a whole minute; just before it: just past it.
        #expect(WakeSchedule.timeout(pauseAwaited: false, notified: true, secondsSinceEpoch: 960) == 60_020)
        #expect(WakeSchedule.timeout(pauseAwaited: false, notified: true, secondsSinceEpoch: 959.9995) == 21)
    }

    @Test func theLoopWaitsOnTheNotificationAndShortlyOnlyAfterAKeyOrANotification() {
        let changes = FakeChanges()
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), events: [nil, .key(.down), nil, .changeNotified, nil])
        let program = Program(state: Fixtures.state(), terminal: terminal, store: FakeSignals(Fixtures.signals(5)),
                              clock: Fixtures.clock, changes: changes, wallClock: { 1_000_040.5 })
        program.run()
        let timeouts = terminal.waits.map(\.timeout)
        // At rest, to the next minute; after ↓, the typing pause; after it, at rest again; after
        // the notification the settling moment, not watching; then at rest again.
        #expect(timeouts == [39_520, 39_520, 400, 39_520, 200, 39_520])
        #expect(terminal.waits.map(\.descriptor) == [7, 7, 7, 7, nil, 7])
        #expect(changes.drained == 1)
    }

    @Test func withoutANotificationTheLoopPollsOnceASecond() {
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), events: [nil, nil])
        let program = Program(state: Fixtures.state(), terminal: terminal, store: FakeSignals(Fixtures.signals(5)), clock: Fixtures.clock)
        program.run()
        #expect(terminal.waits.map(\.timeout) == [1000, 1000, 1000])
        #expect(terminal.waits.allSatisfy { $0.descriptor == nil })
    }

    /// A notification is only a hint: the lists are fetched again only when another process
    /// really committed (the data version moved), and then the new signal shows without a key.
    @Test func aNotificationFetchesAgainOnlyWhenAnotherProcessCommitted() {
        let fake = FakeSignals(Fixtures.signals(5))
        let changes = FakeChanges()
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), events: [.changeNotified, nil, .changeNotified, nil])
        let program = Program(state: Fixtures.state(), terminal: terminal, store: fake, clock: Fixtures.clock, changes: changes)
        var requestsAfterFirst = 0
        changes.onDrain = {
            if changes.drained == 1 {
                requestsAfterFirst = fake.requests.count  // our own write woke us: nothing to fetch
            } else {
                fake.rows.insert(Self.newer(20_000), at: 0)
                fake.version += 1
            }
        }
        program.run()
        #expect(changes.drained == 2)
        #expect(requestsAfterFirst > 0 && requestsAfterFirst < fake.requests.count)
        #expect(program.state.signals.inbox.rows.first?.signal.id == 20_000)
    }

    static func newer(_ id: Int64) -> SignalSummary {
        SignalSummary(id: id, key: ListKey(sortValue: "2026-11-24T09:59:00Z", id: id), code: "S2026-9999",
                      receivedAt: LocalDateTime(date: Fixtures.today, hour: 10, minute: 59), municipality: "Enschede",
                      forms: [.labour], state: "gemeld", acute: false, minorInvolved: false)
    }
}
