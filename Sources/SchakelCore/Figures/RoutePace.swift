import Meldroute

/// Signals of a period that share the days the route's pace is measured by, as the store counts
/// them: the local day of receipt, of the deadline's event (the contact) and of the decision, and
/// whether the deadline still runs in the state they are in now.
public struct RoutePaceGroup: Hashable, Sendable {
    public let received: CivilDate
    public let contacted: CivilDate?
    public let decided: CivilDate?
    public let running: Bool
    public let count: Int

    public init(received: CivilDate, contacted: CivilDate?, decided: CivilDate?, running: Bool, count: Int) {
        self.received = received
        self.contacted = contacted
        self.decided = decided
        self.running = running
        self.count = count
    }
}

/// How the deadline went and how long the route took, in the working days of the timing's
/// calendar: a breakdown of the signals, and the durations to the contact and to the decision.
public struct RoutePace: Hashable, Sendable {
    public let breakdown: FigureBreakdown
    public let durations: [RouteDuration]

    /// Working days run from one day to a later one as the deadlines count them: those in
    /// (receipt, day], so a contact on the day of receipt took 0 and one the next working day 1.
    /// A contact dated before its receipt counts as within the deadline.
    public init(_ groups: [RoutePaceGroup], timing: RouteTiming, today: CivilDate) {
        let days = groups.flatMap { [$0.received, $0.contacted, $0.decided].compactMap { $0 } } + [today]
        let counter = WorkingDayCounter(timing.calendar, from: days.min()!, through: days.max()!)
        let limit = timing.workingDays
        var within = 0, later = 0, waiting = 0, overdue = 0, without = 0
        var toContact: [(days: Int, count: Int)] = [], toDecision: [(days: Int, count: Int)] = []
        for group in groups {
            if let contacted = group.contacted {
                let taken = counter.workingDays(from: group.received, to: contacted)
                toContact.append((taken, group.count))
                if taken <= limit { within += group.count } else { later += group.count }
            } else if group.running {
                if counter.workingDays(from: group.received, to: today) <= limit { waiting += group.count } else { overdue += group.count }
            } else {
                without += group.count
            }
            if let decided = group.decided { toDecision.append((counter.workingDays(from: group.received, to: decided), group.count)) }
        }
        let rows = [
            FigureRow("binnen \(limit) werkdagen", within), FigureRow("later", later),
            FigureRow("nog niet, termijn loopt", waiting), FigureRow("nog niet, termijn verstreken", overdue),
            FigureRow("niet vastgelegd (route anders verlopen)", without),
        ]
        breakdown = FigureBreakdown(id: RouteTiming.breakdownID, title: "\(timing.deadlineLabel) (termijn \(limit) werkdagen)",
                                    rows: rows, total: rows.reduce(0) { $0 + $1.count })
        durations = [
            RouteDuration(label: "Werkdagen tot \(timing.deadlineLabel.lowercased())", toContact),
            RouteDuration(label: "Werkdagen tot het besluit", toDecision),
        ]
    }
}

extension RouteDuration {
    /// The median and the 90th percentile by nearest rank of values that each occur `count` times.
    init(label: String, _ values: [(days: Int, count: Int)]) {
        let sorted = values.sorted { $0.days < $1.days }
        let n = sorted.reduce(0) { $0 + $1.count }
        func ranked(_ rank: Int) -> Int? {
            var seen = 0
            for value in sorted {
                seen += value.count
                if seen >= rank { return value.days }
            }
            return nil
        }
        self.init(label: label, count: n, median: n == 0 ? nil : ranked((n + 1) / 2), percentile90: n == 0 ? nil : ranked((9 * n + 9) / 10))
    }
}

/// Working days between two days of a span, by one pass over the span rather than one per pair.
struct WorkingDayCounter {
    let first: Int
    /// For each day of the span, the working days after the first day up to and including it.
    let numbers: [Int]

    init(_ calendar: WorkingDayCalendar, from first: CivilDate, through last: CivilDate) {
        self.first = first.daysSinceEpoch
        var numbers: [Int] = [0]
        numbers.reserveCapacity(last.daysSinceEpoch - self.first + 1)
        var day = first
        while day < last {
            day = day.adding(days: 1)
            numbers.append(numbers[numbers.count - 1] + (calendar.isWorkingDay(day) ? 1 : 0))
        }
        self.numbers = numbers
    }

    func workingDays(from start: CivilDate, to end: CivilDate) -> Int {
        numbers[end.daysSinceEpoch - first] - numbers[start.daysSinceEpoch - first]
    }
}
