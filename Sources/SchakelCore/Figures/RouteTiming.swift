import Meldroute

/// How fast the route goes, as its workflow defines it: the deadline counted from receipt (the
/// contact with the reporter, three working days) and the event and date field that meet it; the
/// working-day calendar to count in.
public struct RouteTiming: Hashable, Sendable {
    /// The breakdown of the signals by how the deadline went.
    public static let breakdownID = "termijn"

    public let deadlineLabel: String
    public let workingDays: Int
    /// The event that ends the deadline, and its date or date-time field.
    public let event: String
    public let field: String
    public let isDateTime: Bool
    /// The states the deadline runs in: a signal still there without the event is waiting.
    public let runningIn: [String]
    public let calendar: WorkingDayCalendar

    /// The workflow's first deadline counted from receipt, the first event leaving the states it
    /// runs in, and that event's first date field; nil when the workflow has none.
    public init?(_ workflow: WorkflowDefinition, calendar: WorkingDayCalendar) {
        guard let deadline = workflow.deadlines.first(where: { $0.anchor == .received }),
              let leaving = workflow.transitions.first(where: { deadline.runningIn.contains($0.from) && !deadline.runningIn.contains($0.to) }),
              let event = workflow.event(leaving.event),
              let field = event.fields.first(where: { $0.type == .dateTime || $0.type == .date }) else { return nil }
        deadlineLabel = deadline.label
        workingDays = deadline.workingDays
        self.event = event.id
        self.field = field.id
        isDateTime = field.type == .dateTime
        runningIn = deadline.runningIn
        self.calendar = calendar
    }

    /// The non-working weekdays from `first` to `last` (weekends are counted in SQL).
    public func weekdayHolidays(from first: CivilDate, through last: CivilDate) -> [CivilDate] {
        var days: [CivilDate] = []
        var day = first
        while day <= last {
            if day.isoWeekday <= 5 && !calendar.isWorkingDay(day) { days.append(day) }
            day = day.adding(days: 1)
        }
        return days
    }
}

/// Working days from receipt to a moment, over the signals that reached it: the median and the
/// 90th percentile (nearest rank), and how many there were.
public struct RouteDuration: Hashable, Sendable {
    public let label: String
    public let count: Int
    public let median: Int?
    public let percentile90: Int?

    public init(label: String, count: Int, median: Int?, percentile90: Int?) {
        self.label = label
        self.count = count
        self.median = median
        self.percentile90 = percentile90
    }

    /// "Dagen tot contact: mediaan 2, 90% binnen 4 werkdagen"; too few to say below the threshold,
    /// so that one signal's pace is never told. How many signals it is over is not said: that
    /// count would stand beside the protected ones unprotected.
    public func text(threshold: Int) -> String {
        guard count >= threshold, let median, let percentile90 else { return "\(label): te weinig signalen om te tonen." }
        return "\(label): mediaan \(median), 90% binnen \(percentile90) \(percentile90 == 1 ? "werkdag" : "werkdagen")."
    }
}
