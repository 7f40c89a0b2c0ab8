import Testing
import Meldroute
import SchakelCore
@testable import SchakelApp

/// The inbox's deadline column follows the deadlines of the shipped route.
@Suite struct DeadlineStandingTests {
    func signal(receivedDaysAgo days: Int, state: String) -> SignalSummary {
        let received = Fixtures.today.adding(days: -days)
        return SignalSummary(id: 1, key: ListKey(sortValue: received.iso + "T09:00:00Z", id: 1), code: "S2026-0001",
                             receivedAt: LocalDateTime(date: received, hour: 10, minute: 0), municipality: "Enschede",
                             forms: [.labour], state: state, acute: false, minorInvolved: false)
    }

    @Test func aReportedSignalCountsDownToTheContactDeadline() {
        // Today is Tuesday 24 November 2026.
        let context = Fixtures.context()
        #expect(DeadlineStanding.of(signal(receivedDaysAgo: 5, state: "gemeld"), context: context)
                == .due(label: "Contact met de melder", date: CivilDate(iso: "2026-11-24")!, workingDaysLeft: 0))
        #expect(DeadlineStanding.of(signal(receivedDaysAgo: 4, state: "gemeld"), context: context)
                == .due(label: "Contact met de melder", date: CivilDate(iso: "2026-11-25")!, workingDaysLeft: 1))
        let overdue = DeadlineStanding.of(signal(receivedDaysAgo: 8, state: "gemeld"), context: context)
        #expect(overdue.isOverdue)
        #expect(overdue == .due(label: "Contact met de melder", date: CivilDate(iso: "2026-11-19")!, workingDaysLeft: -3))
    }

    @Test func noDeadlineRunsOnceContactIsMade() {
        #expect(DeadlineStanding.of(signal(receivedDaysAgo: 8, state: "contact"), context: Fixtures.context()) == .none)
    }
}
