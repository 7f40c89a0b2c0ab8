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
