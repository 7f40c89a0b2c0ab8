import Meldroute

/// A meeting a series brings: when, where, and which series and occurrence it is (so that planning
/// it twice is recognised).
public struct PlannedMeeting: Hashable, Sendable {
    public let series: String
    public let kind: MeetingKind
    public let title: String
    public let municipality: Municipality?
    public let startsAt: LocalDateTime
    public let lengthMinutes: Int
    public let location: String
    public let chair: String
    public let organiser: String
    public let invited: [String]
    /// Which meeting of the series this is: the series, its own date (before a move off a
    /// non-working day, so a new holiday does not plan it twice) and the municipality.
    public let occurrence: String

    public init(series: String, kind: MeetingKind, title: String, municipality: Municipality?, startsAt: LocalDateTime,
                lengthMinutes: Int, location: String, chair: String = "", organiser: String = "", invited: [String] = [],
                occurrence: String) {
        self.series = series
        self.kind = kind
        self.title = title
        self.municipality = municipality
        self.startsAt = startsAt
        self.lengthMinutes = lengthMinutes
        self.location = location
        self.chair = chair
        self.organiser = organiser
        self.invited = invited
        self.occurrence = occurrence
    }
}

/// The meetings the series bring in a period: pure, from the series, the day and the calendar.
public enum MeetingSchedule {
    /// The meetings from `today` up to (not including) the same day `months` months on. A date
    /// that falls on a non-working day moves to the next working day.
    public static func upcoming(_ series: [MeetingSeriesDefinition], from today: CivilDate, months: Int = 12,
                                calendar: WorkingDayCalendar) -> [PlannedMeeting] {
        let end = adding(months: months, to: today)
        var planned: [PlannedMeeting] = []
        for definition in series {
            guard let kind = MeetingKind(rawValue: definition.kind) else { continue }
            for day in dates(definition, from: today, until: end) {
                let date = calendar.workingDay(onOrAfter: day)
                guard date >= today, date < end else { continue }
                let start = LocalDateTime(date: date, hour: definition.startHour, minute: definition.startMinute)
                let places: [Municipality?] = definition.perMunicipality ? Municipality.twente : [nil]
                for municipality in places {
                    let occurrence = [definition.id, day.iso] + (municipality.map { [String($0.id)] } ?? [])
                    planned.append(PlannedMeeting(
                        series: definition.id, kind: kind,
                        title: municipality.map { "\(definition.title) \($0.name)" } ?? definition.title,
                        municipality: municipality, startsAt: start, lengthMinutes: definition.lengthMinutes,
                        location: municipality.map { "\(definition.location) \($0.name)" } ?? definition.location,
                        chair: municipality.map { definition.chair == "de gemeente" ? "Gemeente \($0.name)" : definition.chair }
                            ?? definition.chair,
                        organiser: municipality.map { definition.organiser == "de gemeente" ? "Gemeente \($0.name)" : definition.organiser }
                            ?? definition.organiser,
                        invited: definition.invited, occurrence: occurrence.joined(separator: "/")))
                }
            }
        }
        return planned.sorted { ($0.startsAt, $0.title) < ($1.startsAt, $1.title) }
    }

    /// The series' own dates in the period, before moving off non-working days.
    static func dates(_ series: MeetingSeriesDefinition, from today: CivilDate, until end: CivilDate) -> [CivilDate] {
        switch series.rhythm {
        case .onDemand:
            return []
        case .everyWeeks(let weeks, let from):
            let first = nextWeekday(series.weekday, onOrAfter: from)
            let step = weeks * 7
            // Start at the first occurrence that could still land on or after today.
            let skipped = max(0, (today.daysSinceEpoch - first.daysSinceEpoch) / step - 1)
            var day = first.adding(days: skipped * step)
            var dates: [CivilDate] = []
            while day < end {
                if day.adding(days: 7) > today { dates.append(day) }
                day = day.adding(days: step)
            }
            return dates
        case .quarterly(let months, let week):
            var dates: [CivilDate] = []
            var year = today.year, month = today.month
            while let first = CivilDate(year: year, month: month, day: 1), first < end {
                if months.contains(month) { dates.append(weekday(series.weekday, week: week, of: first)) }
                (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
            }
            return dates
        }
    }

    /// The `week`th such weekday of the month of `first` (5: the last one).
    static func weekday(_ weekday: Int, week: Int, of first: CivilDate) -> CivilDate {
        let firstOne = nextWeekday(weekday, onOrAfter: first)
        guard week == 5 else { return firstOne.adding(days: (week - 1) * 7) }
        var day = firstOne
        while day.adding(days: 7).month == first.month { day = day.adding(days: 7) }
        return day
    }

    static func nextWeekday(_ weekday: Int, onOrAfter date: CivilDate) -> CivilDate {
        date.adding(days: (weekday - date.isoWeekday + 7) % 7)
    }

    static func adding(months: Int, to date: CivilDate) -> CivilDate {
        let total = date.year * 12 + (date.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        var day = date.day
        while CivilDate(year: year, month: month, day: day) == nil { day -= 1 }
        return CivilDate(year: year, month: month, day: day)!
    }
}
