/// A day that is not a working day, with its Dutch name.
public struct Holiday: Hashable, Sendable {
    public let date: CivilDate
    public let name: String

    public init(date: CivilDate, name: String) {
        self.date = date
        self.name = name
    }
}

/// Working days in the sense of the Algemene termijnenwet (art. 3): not a Saturday or Sunday,
/// not a generally recognised holiday, not a day equalised to one by Royal Decree, and not a
/// local closing day. The fixed and Easter-based holidays are computed; equalised and local
/// days are data, passed in.
public struct WorkingDayCalendar: Hashable, Sendable {
    private let extraDays: [CivilDate: String]
    /// The statutory holidays of the years most dates fall in, computed once.
    private let precomputed: [CivilDate: String]
    private static let precomputedYears = 1970...2150

    /// `extraDays`: days equalised by Royal Decree and local closing days.
    public init(extraDays: [Holiday] = []) {
        var map: [CivilDate: String] = [:]
        for day in extraDays { map[day.date] = day.name }
        self.extraDays = map
        precomputed = Self.statutoryHolidayTable
    }

    private static let statutoryHolidayTable: [CivilDate: String] = {
        var table: [CivilDate: String] = [:]
        for year in precomputedYears {
            for holiday in statutoryHolidays(in: year) { table[holiday.date] = holiday.name }
        }
        return table
    }()

    /// The statutory holidays of `year` (Algemene termijnenwet art. 3 lid 1), in date order.
    public static func statutoryHolidays(in year: Int) -> [Holiday] {
        let easter = easterSunday(year)
        let kingsDay = CivilDate(year: year, month: 4, day: 27)!
        func day(_ m: Int, _ d: Int) -> CivilDate { CivilDate(year: year, month: m, day: d)! }
        let list = [
            Holiday(date: day(1, 1), name: "Nieuwjaarsdag"),
            Holiday(date: easter.adding(days: -2), name: "Goede Vrijdag"),
            Holiday(date: easter, name: "Eerste Paasdag"),
            Holiday(date: easter.adding(days: 1), name: "Tweede Paasdag"),
            Holiday(date: kingsDay.isoWeekday == 7 ? day(4, 26) : kingsDay, name: "Koningsdag"),
            Holiday(date: day(5, 5), name: "Bevrijdingsdag"),
            Holiday(date: easter.adding(days: 39), name: "Hemelvaartsdag"),
            Holiday(date: easter.adding(days: 49), name: "Eerste Pinksterdag"),
            Holiday(date: easter.adding(days: 50), name: "Tweede Pinksterdag"),
            Holiday(date: day(12, 25), name: "Eerste Kerstdag"),
            Holiday(date: day(12, 26), name: "Tweede Kerstdag"),
        ]
        return list.sorted { $0.date < $1.date }
    }

    /// Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> CivilDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)!
    }

    /// The name of the holiday or extra day on `date`, if it is one.
    public func holidayName(on date: CivilDate) -> String? {
        if let name = extraDays[date] { return name }
        if Self.precomputedYears.contains(date.year) { return precomputed[date] }
        return Self.statutoryHolidays(in: date.year).first { $0.date == date }?.name
    }

    // Two calendars differ only in their extra days; the statutory table is the same for all.
    public static func == (lhs: WorkingDayCalendar, rhs: WorkingDayCalendar) -> Bool { lhs.extraDays == rhs.extraDays }
    public func hash(into hasher: inout Hasher) { hasher.combine(extraDays) }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        !date.isWeekend && holidayName(on: date) == nil
    }

    /// The date `count` working days after `date` (before it when negative). With zero, `date`
    /// itself. A deadline of "within 3 working days" of a signal received on `date` is
    /// `addWorkingDays(3, to: date)`.
    public func addWorkingDays(_ count: Int, to date: CivilDate) -> CivilDate {
        var remaining = abs(count)
        let step = count >= 0 ? 1 : -1
        var current = date
        while remaining > 0 {
            current = current.adding(days: step)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// `date` when it is a working day, otherwise the first working day after it: the due date of
    /// "the same working day".
    public func workingDay(onOrAfter date: CivilDate) -> CivilDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// Working days from `start` to `end`: the working days in (start, end] when `end` is later,
    /// the negated count of those in (end, start] when it is earlier. So a deadline tomorrow is 1,
    /// today 0, and one missed by a working day −1.
    public func workingDays(from start: CivilDate, to end: CivilDate) -> Int {
        let forward = start < end
        var day = forward ? start : end
        let last = forward ? end : start
        var count = 0
        while day < last {
            day = day.adding(days: 1)
            if isWorkingDay(day) { count += 1 }
        }
        return forward ? count : -count
    }
}
