import Meldroute
import Testing
import TestSupport
@testable import SchakelCore

/// The route's pace from grouped signals, against the same signals measured one by one with the
/// calendar's own working-day count and a plain sort.
@Suite struct RoutePaceTests {
    let timing = RouteTiming(try! Shipped.workflows().signalRoute.workflow, calendar: WorkingDayCalendar())!

    func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test func aHandCountedWeekAroundEaster() {
        // Thursday 2 April 2026; Good Friday (3 April) and Easter Monday (6 April) are not working days.
        let groups = [
            RoutePaceGroup(received: day("2026-04-02"), contacted: day("2026-04-02"), decided: nil, running: false, count: 2),
            RoutePaceGroup(received: day("2026-04-02"), contacted: day("2026-04-07"), decided: day("2026-04-08"), running: false, count: 1),
            RoutePaceGroup(received: day("2026-04-02"), contacted: day("2026-04-08"), decided: nil, running: false, count: 1),
            RoutePaceGroup(received: day("2026-04-03"), contacted: nil, decided: nil, running: true, count: 3),
            RoutePaceGroup(received: day("2026-04-08"), contacted: nil, decided: nil, running: true, count: 1),
            RoutePaceGroup(received: day("2026-04-08"), contacted: nil, decided: nil, running: false, count: 1),
        ]
        let pace = RoutePace(groups, timing: timing, today: day("2026-04-10"))
        // 2 → 7 April: only the 7th is a working day, 1. 2 → 8 April: 2, within.
        // Received on Good Friday, today the 10th: the 7th to the 10th, 4, overdue.
        #expect(pace.breakdown.rows.map(\.count) == [4, 0, 1, 3, 1])
        #expect(pace.breakdown.total == 9)
        #expect(pace.durations[0] == RouteDuration(label: pace.durations[0].label, count: 4, median: 0, percentile90: 2))
        #expect(pace.durations[1] == RouteDuration(label: pace.durations[1].label, count: 1, median: 2, percentile90: 2))
    }

    @Test func groupedAsTheStoreCountsMatchesEachSignalMeasuredAlone() {
        var random = SplitMix(seed: 20261201)
        let calendar = timing.calendar
        for _ in 0..<200 {
            let today = day("2026-01-01").adding(days: random.next(in: 0...400))
            var groups: [RoutePaceGroup] = []
            var signals: [(received: CivilDate, contacted: CivilDate?, decided: CivilDate?, running: Bool)] = []
            for _ in 0..<random.next(in: 1...12) {
                let received = today.adding(days: -random.next(in: 0...60))
                let contacted = random.next(in: 0...2) == 0 ? nil : received.adding(days: random.next(in: -1...15))
                let decided = random.next(in: 0...1) == 0 ? nil : received.adding(days: random.next(in: 0...40))
                let running = random.next(in: 0...1) == 0, count = random.next(in: 1...4)
                groups.append(RoutePaceGroup(received: received, contacted: contacted, decided: decided, running: running, count: count))
                signals += Array(repeating: (received, contacted, decided, running), count: count)
            }
            let pace = RoutePace(groups, timing: timing, today: today)
            let limit = timing.workingDays
            let toContact = signals.compactMap { s in s.contacted.map { calendar.workingDays(from: s.received, to: $0) } }.sorted()
            let toDecision = signals.compactMap { s in s.decided.map { calendar.workingDays(from: s.received, to: $0) } }.sorted()
            let waiting = signals.filter { $0.contacted == nil && $0.running }.map { calendar.workingDays(from: $0.received, to: today) }
            let within: Int = toContact.filter { $0 <= limit }.count, later: Int = toContact.count - within
            let waitingStill: Int = waiting.filter { $0 <= limit }.count, overdue: Int = waiting.count - waitingStill
            let without: Int = signals.filter { $0.contacted == nil && !$0.running }.count
            let expected: [Int] = [within, later, waitingStill, overdue, without]
            #expect(pace.breakdown.rows.map(\.count) == expected)
            for (duration, values) in zip(pace.durations, [toContact, toDecision]) {
                #expect(duration.count == values.count)
                #expect(duration.median == (values.isEmpty ? nil : values[(values.count + 1) / 2 - 1]))
                #expect(duration.percentile90 == (values.isEmpty ? nil : values[(9 * values.count + 9) / 10 - 1]))
            }
        }
    }
}
