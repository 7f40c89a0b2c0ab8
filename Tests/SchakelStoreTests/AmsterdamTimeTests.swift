import Foundation
import Testing
import Meldroute
@testable import SchakelStore

/// "Today" and every time an officer reads are Europe/Amsterdam wall-clock time.
@Suite struct AmsterdamTimeTests {
    func local(_ utc: String) -> LocalDateTime? { AmsterdamTime.localTime(fromUTC: utc) }
    func at(_ date: String, _ hour: Int, _ minute: Int) -> LocalDateTime {
        LocalDateTime(date: CivilDate(iso: date)!, hour: hour, minute: minute)
    }

    @Test func lateEveningUTCIsAlreadyTomorrowInAmsterdam() {
        // Winter time, UTC+1: the day of a signal received at 23:30 UTC is the next day.
        #expect(local("2026-11-24T23:30:00Z") == at("2026-11-25", 0, 30))
        // Summer time, UTC+2.
        #expect(local("2026-07-01T22:30:00Z") == at("2026-07-02", 0, 30))
    }

    @Test func theSwitchToAndFromSummerTimeIsFollowed() {
        #expect(local("2026-03-29T00:59:00Z") == at("2026-03-29", 1, 59))
        #expect(local("2026-03-29T01:00:00Z") == at("2026-03-29", 3, 0))
        #expect(local("2026-10-25T00:30:00Z") == at("2026-10-25", 2, 30))
        #expect(local("2026-10-25T01:30:00Z") == at("2026-10-25", 2, 30))
    }

    @Test func localTimeIsStoredAsUTCAndReadBack() {
        let moment = at("2026-11-24", 9, 5)
        #expect(AmsterdamTime.utcText(from: moment) == "2026-11-24T08:05:00Z")
        #expect(local(AmsterdamTime.utcText(from: moment)) == moment)
    }

    @Test func malformedStoredTimesAreNotGuessed() {
        #expect(local("24-11-2026 09:05") == nil)
        #expect(local("2026-11-24") == nil)
        #expect(local("2026-11-24T25:00:00Z") == nil)
        #expect(local("2026-02-30T10:00:00Z") == nil)
        #expect(local("2026-1x-24T10:00:00Z") == nil)
    }

    /// The arithmetic the lists use agrees with the calendar's time zone database, minute by minute
    /// around every switch and at a spread of moments from 1990 to 2045.
    @Test func theFastConversionAgreesWithTheTimeZoneDatabase() {
        var zone = Calendar(identifier: .gregorian)
        zone.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        func expected(_ instant: Date) -> LocalDateTime {
            let p = zone.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
            return LocalDateTime(date: CivilDate(year: p.year!, month: p.month!, day: p.day!)!, hour: p.hour!, minute: p.minute!)
        }
        var checked = 0
        var instant = Date(timeIntervalSince1970: 631_152_000)  // 1990-01-01
        let end = Date(timeIntervalSince1970: 2_366_841_600)    // 2045-01-01
        while instant < end {
            // Every 97 minutes, and each minute within two hours of 01:00 UTC on any Sunday.
            let text = AmsterdamTime.utcText(of: instant)
            #expect(local(text) == expected(instant), "\(text)")
            checked += 1
            instant += 97 * 60
        }
        for year in 1996...2044 {
            for month in [3, 10] {
                let last = CivilDate(year: year, month: month, day: 31)!
                let sunday = last.adding(days: -(last.isoWeekday % 7))
                for minute in -120...120 {
                    let moment = Date(timeIntervalSince1970: TimeInterval(sunday.daysSinceEpoch * 86_400 + 3_600 + minute * 60))
                    #expect(local(AmsterdamTime.utcText(of: moment)) == expected(moment))
                    checked += 1
                }
            }
        }
        #expect(checked > 300_000)
    }

    @Test func aFixedDayKeepsTheTimeOfDayAndMovesOnlyTheDate() {
        let day = CivilDate(iso: "2026-03-29")!  // the switch to summer time
        let instant = AmsterdamTime.moving(AmsterdamTime.date(fromUTC: "2026-12-01T13:45:00Z")!, to: day)
        #expect(AmsterdamTime.utcText(of: instant) == "2026-03-29T12:45:00Z")  // 14:45 in Amsterdam, UTC+2 that day
        let clock = FixedDayClock(day: day)
        #expect(clock.now().date == day)
        #expect(AmsterdamTime.localTime(of: clock.instant()).date == day)
    }
}
