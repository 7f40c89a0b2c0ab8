import Testing
@testable import SchakelCore

private func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

@Suite struct CivilDateTests {
    @Test func daysSinceEpochRoundTripsAcrossCenturies() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(day("1970-01-01").daysSinceEpoch == 0)
        #expect(day("2000-03-01").daysSinceEpoch == 11017)
    }

    @Test func weekdaysAreISOWeekdays() {
        #expect(day("2026-11-24").isoWeekday == 2)  // Tuesday
        #expect(day("2026-11-29").isoWeekday == 7)
        #expect(day("1969-12-31").isoWeekday == 3)
    }

    @Test func impossibleDatesAreRejected() {
        #expect(CivilDate(iso: "2026-02-29") == nil)
        #expect(CivilDate(iso: "2028-02-29") != nil)
        #expect(CivilDate(iso: "2026-13-01") == nil)
        #expect(CivilDate(iso: "24-11-2026") == nil)
    }

    @Test func datesPrintTheDutchWay() {
        #expect(day("2026-01-02").dutch == "02-01-2026")
    }
}

@Suite struct WorkingDayCalendarTests {
    let calendar = WorkingDayCalendar(extraDays: [Holiday(date: day("2026-05-15"), name: "Gelijkgestelde dag")])

    @Test(arguments: [
        ("2024-03-31", 2024), ("2025-04-20", 2025), ("2026-04-05", 2026), ("2027-03-28", 2027),
        ("2028-04-16", 2028), ("2029-04-01", 2029), ("2030-04-21", 2030),
    ])
    func easterFollowsTheComputus(expected: String, year: Int) {
        #expect(WorkingDayCalendar.easterSunday(year) == day(expected))
    }

    @Test func kingsDayMovesToThe26thWhenThe27thIsASunday() {
        let kingsDay2025 = WorkingDayCalendar.statutoryHolidays(in: 2025).first { $0.name == "Koningsdag" }
        let kingsDay2026 = WorkingDayCalendar.statutoryHolidays(in: 2026).first { $0.name == "Koningsdag" }
        #expect(kingsDay2025?.date == day("2025-04-26"))
        #expect(kingsDay2026?.date == day("2026-04-27"))
    }

    @Test func the2026HolidaysAreNotWorkingDays() {
        for date in ["2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14",
                     "2026-05-25", "2026-12-25", "2026-12-26", "2026-05-15"] {
            #expect(!calendar.isWorkingDay(day(date)), "\(date)")
        }
        #expect(calendar.isWorkingDay(day("2026-11-24")))
        #expect(!calendar.isWorkingDay(day("2026-11-28")))
    }

    @Test func addingWorkingDaysSkipsWeekendsAndHolidays() {
        #expect(calendar.addWorkingDays(3, to: day("2026-11-24")) == day("2026-11-27"))
        #expect(calendar.addWorkingDays(3, to: day("2026-11-26")) == day("2026-12-01"))
        // Goede Vrijdag, the weekend and tweede Paasdag in a row.
        #expect(calendar.addWorkingDays(1, to: day("2026-04-02")) == day("2026-04-07"))
        // Hemelvaartsdag and the equalised Friday after it.
        #expect(calendar.addWorkingDays(1, to: day("2026-05-13")) == day("2026-05-18"))
        #expect(calendar.addWorkingDays(-1, to: day("2026-05-18")) == day("2026-05-13"))
        #expect(calendar.addWorkingDays(0, to: day("2026-05-16")) == day("2026-05-16"))
    }

    @Test func workingDaysBetweenDatesAreSignedAndSkipHolidays() {
        #expect(calendar.workingDays(from: day("2026-11-24"), to: day("2026-11-27")) == 3)
        #expect(calendar.workingDays(from: day("2026-11-27"), to: day("2026-11-24")) == -3)
        #expect(calendar.workingDays(from: day("2026-12-24"), to: day("2026-12-28")) == 1)
        #expect(calendar.workingDays(from: day("2026-11-24"), to: day("2026-11-24")) == 0)
    }

    @Test func addingAndCountingAgreeOverSevenYears() {
        var date = day("2024-01-01")
        while date < day("2030-12-31") {
            for count in [1, 3, 10] {
                let due = calendar.addWorkingDays(count, to: date)
                #expect(calendar.workingDays(from: date, to: due) == count)
                #expect(calendar.isWorkingDay(due))
            }
            date = date.adding(days: 5)
        }
    }
}

@Suite struct CalendarDataFileTests {
    @Test func theEqualisedDaysAreRead() throws {
        let days = try CalendarDataFile.parse(yaml: """
            # commentaar
            dagen:
              - datum: "2026-01-02"
                naam: Gelijkgestelde dag
            """, file: "dagen.yaml")
        #expect(days == [Holiday(date: day("2026-01-02"), name: "Gelijkgestelde dag")])
    }

    @Test func aBadDateIsReportedWithItsLine() {
        #expect(throws: CalendarDataError(file: "dagen.yaml", line: 3, message: "'datum' ontbreekt of is geen datum JJJJ-MM-DD")) {
            try CalendarDataFile.parse(yaml: """
                dagen:
                  - {datum: "2026-01-02", naam: a}
                  - datum: "2026-02-30"
                    naam: b
                """, file: "dagen.yaml")
        }
    }
}
