import Foundation
import SchakelCore
import Meldroute

/// Converts between stored UTC timestamps (`2026-11-24T08:05:00Z`) and wall-clock time in
/// Europe/Amsterdam, which is what officers read and what working days are counted in.
enum AmsterdamTime {
    private static let zone = TimeZone(identifier: "Europe/Amsterdam")!

    private static let local: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The stored UTC text for seconds since 1970, without a calendar: fast enough for bulk work.
    static func utcText(epochSeconds: Int64) -> String {
        let days = Int(epochSeconds.quotientFloored(by: 86_400))
        let seconds = Int(epochSeconds - Int64(days) * 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(date.iso)T\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))Z"
    }

    /// The instant of a stored timestamp; nil when the text is malformed.
    static func date(fromUTC text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 17, bytes[4] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              let date = CivilDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = Int(String(decoding: bytes[11..<13], as: UTF8.self)),
              let minute = Int(String(decoding: bytes[14..<16], as: UTF8.self)) else { return nil }
        return utc.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute))
    }

    /// The local wall-clock time of a stored timestamp; nil when the text is malformed. Lists
    /// convert one per row, so this is arithmetic, not a calendar: since 1996 the Netherlands keeps
    /// the EU's summer time (UTC+2 from the last Sunday of March, 01:00 UTC, to the last Sunday of
    /// October, 01:00 UTC; UTC+1 otherwise). Earlier years go through the calendar.
    static func localTime(fromUTC text: String) -> LocalDateTime? {
        var utf8 = text.utf8.makeIterator()
        var digits: [Int] = []
        digits.reserveCapacity(12)
        // YYYY-MM-DDTHH:MM: twelve digits at fixed places.
        for expected in "dddd-dd-ddTdd:dd".utf8 {
            guard let byte = utf8.next() else { return nil }
            if expected == UInt8(ascii: "d") {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                digits.append(Int(byte - 0x30))
            } else if byte != expected {
                return nil
            }
        }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        let hour = digits[8] * 10 + digits[9], minute = digits[10] * 10 + digits[11]
        guard let date = CivilDate(year: year, month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7]),
              hour < 24, minute < 60 else { return nil }
        guard year >= 1996 else {
            let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute)
            return utc.date(from: components).map(localTime(of:))
        }
        let minutes = date.daysSinceEpoch * 1440 + hour * 60 + minute
        let local = minutes + (isSummerTime(utcMinutes: minutes, year: year) ? 120 : 60)
        let day = local >= 0 ? local / 1440 : (local - 1439) / 1440
        return LocalDateTime(date: CivilDate(daysSinceEpoch: day), hour: (local - day * 1440) / 60, minute: local % 60)
    }

    /// Whether Amsterdam keeps summer time at this instant (minutes since 1970, UTC).
    private static func isSummerTime(utcMinutes: Int, year: Int) -> Bool {
        func lastSunday(month: Int) -> Int {
            let last = CivilDate(year: year, month: month, day: 31)!
            return last.daysSinceEpoch - last.isoWeekday % 7
        }
        let start = lastSunday(month: 3) * 1440 + 60
        let end = lastSunday(month: 10) * 1440 + 60
        return utcMinutes >= start && utcMinutes < end
    }

    static func localTime(of instant: Date) -> LocalDateTime {
        let parts = local.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let date = CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
        return LocalDateTime(date: date, hour: parts.hour!, minute: parts.minute!)
    }

    /// The stored UTC text for a local wall-clock time.
    static func utcText(from time: LocalDateTime) -> String { utcText(of: instant(of: time)) }

    /// The instant of a local wall-clock time.
    static func instant(of time: LocalDateTime) -> Date {
        local.date(from: DateComponents(year: time.date.year, month: time.date.month, day: time.date.day,
                                        hour: time.hour, minute: time.minute))!
    }

    static func utcText(of instant: Date) -> String {
        let p = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        func pad(_ v: Int, _ w: Int = 2) -> String { String(repeating: "0", count: max(0, w - String(v).count)) + String(v) }
        return "\(pad(p.year!, 4))-\(pad(p.month!))-\(pad(p.day!))T\(pad(p.hour!)):\(pad(p.minute!)):\(pad(p.second!))Z"
    }

    /// UTC with milliseconds, for the audit log: `2026-11-24T08:05:00.123Z`.
    static func utcTextWithMilliseconds(of instant: Date) -> String {
        let seconds = utcText(of: instant).dropLast()
        let millis = Int((instant.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
        let padded = String(repeating: "0", count: 3 - String(millis).count) + String(millis)
        return seconds + "." + padded + "Z"
    }

    /// The same wall-clock time in Amsterdam, on another day.
    static func moving(_ instant: Date, to day: CivilDate) -> Date {
        var parts = local.dateComponents([.hour, .minute, .second, .nanosecond], from: instant)
        parts.year = day.year
        parts.month = day.month
        parts.day = day.day
        return local.date(from: parts) ?? instant
    }

    /// Now, on the wall clock in Amsterdam.
    static func now() -> LocalDateTime { localTime(of: Date()) }
}

/// A clock that also gives the instant, for what the store dates.
public protocol InstantClock: Clock {
    func instant() -> Date
}

/// The system clock, read in Europe/Amsterdam.
public struct SystemClock: InstantClock {
    public init() {}
    public func now() -> LocalDateTime { AmsterdamTime.now() }
    public func instant() -> Date { Date() }
}

/// The wall-clock time of day on a fixed day: "now" in a demo started with `--vandaag`, for the
/// screens and for everything the store writes, so that a step is dated on that day too.
public struct FixedDayClock: InstantClock {
    public let day: CivilDate

    public init(day: CivilDate) { self.day = day }

    public func now() -> LocalDateTime { AmsterdamTime.localTime(of: instant()) }

    /// This moment's time of day (to the millisecond), on `day`, in Amsterdam.
    public func instant() -> Date { AmsterdamTime.moving(Date(), to: day) }
}

private extension Int64 {
    func quotientFloored(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
