/// A calendar date without time or zone (proleptic Gregorian), as people in Twente read it.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when the date does not exist (31 April, 29 February in a common year, ...).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var isoWeekday: Int {
        let d = daysSinceEpoch
        return ((d % 7 + 7 + 3) % 7) + 1  // 1970-01-01 was a Thursday
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// The same day `months` months on (or back); the month's last day when it is shorter.
    public func adding(months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (index >= 0 ? index / 12 : (index - 11) / 12, ((index % 12) + 12) % 12 + 1)
        return CivilDate(year: newYear, month: newMonth, day: min(day, Self.daysIn(month: newMonth, year: newYear)))!
    }

    /// `2026-11-24`
    public var iso: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }
    /// `24-11-2026`, the Dutch way.
    public var dutch: String { "\(Self.pad(day, 2))-\(Self.pad(month, 2))-\(Self.pad(year, 4))" }

    /// The weekday the Dutch way, in two letters: "ma" to "zo".
    public var dutchWeekday: String { ["ma", "di", "wo", "do", "vr", "za", "zo"][isoWeekday - 1] }
    public var description: String { iso }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `24-11-2026`, the Dutch way.
    public init?(dutch text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A wall-clock moment in Europe/Amsterdam, to the minute.
public struct LocalDateTime: Hashable, Comparable, Sendable {
    public let date: CivilDate
    public let hour: Int
    public let minute: Int

    public init(date: CivilDate, hour: Int, minute: Int) {
        self.date = date
        self.hour = hour
        self.minute = minute
    }

    /// `24-11-2026 09:05`
    public var dutch: String { "\(date.dutch) \(clock)" }

    /// ISO 8601 basic format, without a zone: `20261208T133000` (as iCalendar writes local times).
    public var isoBasic: String {
        "\(CivilDate.pad(date.year, 4))\(CivilDate.pad(date.month, 2))\(CivilDate.pad(date.day, 2))T"
            + "\(CivilDate.pad(hour, 2))\(CivilDate.pad(minute, 2))00"
    }

    /// `09:05`
    public var clock: String { "\(CivilDate.pad(hour, 2)):\(CivilDate.pad(minute, 2))" }

    /// The moment `minutes` later (or earlier), across midnight when it must.
    public func adding(minutes: Int) -> LocalDateTime {
        let total = hour * 60 + minute + minutes
        let days = Int((Double(total) / 1440).rounded(.down))
        let rest = total - days * 1440
        return LocalDateTime(date: date.adding(days: days), hour: rest / 60, minute: rest % 60)
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.hour, lhs.minute) < (rhs.date, rhs.hour, rhs.minute)
    }
}
