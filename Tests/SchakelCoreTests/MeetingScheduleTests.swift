import Testing
import Meldroute
@testable import SchakelCore

private func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

private func series(_ id: String, kind: String = "casustafel", rhythm: MeetingRhythm, weekday: Int,
                    perMunicipality: Bool = false) -> MeetingSeriesDefinition {
    MeetingSeriesDefinition(id: id, kind: kind, title: "Overleg", rhythm: rhythm, weekday: weekday, startHour: 13,
                            startMinute: 30, lengthMinutes: 90, location: "Stadhuis", chair: "", organiser: "",
                            invited: [], standingItems: [], perMunicipality: perMunicipality, line: nil)
}

@Suite struct MeetingScheduleTests {
    let calendar = WorkingDayCalendar()
    let today = day("2026-11-24")

    @Test func aQuarterlySeriesFallsOnTheNthWeekdayOfItsMonths() {
        let planned = MeetingSchedule.upcoming([series("c", rhythm: .quarterly(months: [3, 6, 9, 12], week: 2), weekday: 2)],
                                               from: today, calendar: calendar)
        #expect(planned.map(\.startsAt.date) == [day("2026-12-08"), day("2027-03-09"), day("2027-06-08"), day("2027-09-14")])
        #expect(planned.allSatisfy { $0.startsAt.hour == 13 && $0.startsAt.minute == 30 && $0.series == "c" })
    }

    @Test func weekFiveIsTheLastSuchWeekdayOfTheMonth() {
        let planned = MeetingSchedule.upcoming([series("c", rhythm: .quarterly(months: [1, 3], week: 5), weekday: 1)],
                                               from: today, months: 5, calendar: calendar)
        // The last Monday of March 2027 is Easter Monday, so that meeting moves to the Tuesday.
        #expect(planned.map(\.startsAt.date) == [day("2027-01-25"), day("2027-03-30")])
    }

    @Test func aSeriesEveryFewWeeksCountsFromItsStartDate() {
        // 2026-01-13 is a Tuesday; the series meets on Thursdays, so it starts on the 15th.
        let planned = MeetingSchedule.upcoming([series("d", kind: "dadertafel", rhythm: .everyWeeks(6, from: day("2026-01-13")),
                                                       weekday: 4)], from: today, months: 5, calendar: calendar)
        #expect(planned.map(\.startsAt.date) == [day("2026-12-17"), day("2027-01-28"), day("2027-03-11"), day("2027-04-22")])
    }

    @Test func aMeetingOnAHolidayMovesToTheNextWorkingDay() {
        // The fourth Friday of December 2026 is Christmas; the 26th is a Saturday and Second Christmas Day.
        let planned = MeetingSchedule.upcoming([series("c", rhythm: .quarterly(months: [12], week: 4), weekday: 5)],
                                               from: today, months: 2, calendar: calendar)
        #expect(planned.map(\.startsAt.date) == [day("2026-12-28")])
        // It is still the series' meeting of the 25th: a closing day added later does not plan it twice.
        #expect(planned.map(\.occurrence) == ["c/2026-12-25"])
        let equalised = WorkingDayCalendar(extraDays: [Holiday(date: day("2026-12-28"), name: "Sluitingsdag")])
        let moved = MeetingSchedule.upcoming([series("c", rhythm: .quarterly(months: [12], week: 4), weekday: 5)],
                                             from: today, months: 2, calendar: equalised)
        #expect(moved.map(\.startsAt.date) == [day("2026-12-29")])
    }

    @Test func theScheduleKeepsToItsPeriod() {
        let planned = MeetingSchedule.upcoming([series("w", rhythm: .everyWeeks(1, from: day("2026-01-01")), weekday: 2)],
                                               from: today, months: 1, calendar: calendar)
        #expect(planned.first?.startsAt.date == today)
        #expect(planned.last?.startsAt.date == day("2026-12-22"))
        #expect(planned.count == 5)
        #expect(MeetingSchedule.upcoming([series("o", rhythm: .onDemand, weekday: 1)], from: today, calendar: calendar).isEmpty)
    }

    @Test func aSeriesPerMunicipalityPlansOneMeetingForEach() {
        let planned = MeetingSchedule.upcoming([series("l", kind: "lokaal_ondermijningsoverleg",
                                                       rhythm: .everyWeeks(4, from: day("2026-01-07")), weekday: 3,
                                                       perMunicipality: true)], from: today, months: 1, calendar: calendar)
        #expect(planned.count == 14)
        #expect(Set(planned.map(\.startsAt.date)) == [day("2026-12-09")])
        #expect(planned.contains { $0.title == "Overleg Enschede" && $0.location == "Stadhuis Enschede" })
        #expect(Set(planned.compactMap(\.municipality)).count == 14)
        #expect(Set(planned.map(\.occurrence)).count == 14)
        #expect(planned.contains { $0.occurrence == "l/2026-12-09/4" })
    }

    @Test func anUnknownKindPlansNothing() {
        #expect(MeetingSchedule.upcoming([series("x", kind: "koffie", rhythm: .quarterly(months: [12], week: 1), weekday: 1)],
                                         from: today, calendar: calendar).isEmpty)
    }
}
