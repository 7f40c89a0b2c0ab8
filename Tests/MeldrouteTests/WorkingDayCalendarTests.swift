import Foundation
import Testing
@testable import Meldroute

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
        #expect(day("2026-11-24").dutchWeekday == "di")
        #expect(day("2026-11-29").dutchWeekday == "zo")
    }

    @Test func minutesAddUpAcrossMidnightBothWays() {
        let start = LocalDateTime(date: day("2026-12-31"), hour: 22, minute: 45)
        #expect(start.adding(minutes: 150) == LocalDateTime(date: day("2027-01-01"), hour: 1, minute: 15))
        #expect(start.adding(minutes: -23 * 60) == LocalDateTime(date: day("2026-12-30"), hour: 23, minute: 45))
        #expect(start.adding(minutes: 0).clock == "22:45")
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

    /// Every statutory holiday of 2024–2030, worked out by hand from the Easter dates above.
    static let expectedHolidays: [Int: [String]] = [
        2024: ["01-01", "03-29", "03-31", "04-01", "04-27", "05-05", "05-09", "05-19", "05-20", "12-25", "12-26"],
        2025: ["01-01", "04-18", "04-20", "04-21", "04-26", "05-05", "05-29", "06-08", "06-09", "12-25", "12-26"],
        2026: ["01-01", "04-03", "04-05", "04-06", "04-27", "05-05", "05-14", "05-24", "05-25", "12-25", "12-26"],
        2027: ["01-01", "03-26", "03-28", "03-29", "04-27", "05-05", "05-06", "05-16", "05-17", "12-25", "12-26"],
        2028: ["01-01", "04-14", "04-16", "04-17", "04-27", "05-05", "05-25", "06-04", "06-05", "12-25", "12-26"],
        2029: ["01-01", "03-30", "04-01", "04-02", "04-27", "05-05", "05-10", "05-20", "05-21", "12-25", "12-26"],
        2030: ["01-01", "04-19", "04-21", "04-22", "04-27", "05-05", "05-30", "06-09", "06-10", "12-25", "12-26"],
    ]

    @Test(arguments: 2024...2030)
    func everyStatutoryHolidayFallsOnItsDay(year: Int) {
        let computed = WorkingDayCalendar.statutoryHolidays(in: year).map(\.date)
        #expect(computed == Self.expectedHolidays[year]!.map { day("\(year)-\($0)") })
        let plain = WorkingDayCalendar()
        for date in computed { #expect(!plain.isWorkingDay(date), "\(date)") }
        #expect(WorkingDayCalendar.statutoryHolidays(in: year).map(\.name) == [
            "Nieuwjaarsdag", "Goede Vrijdag", "Eerste Paasdag", "Tweede Paasdag", "Koningsdag", "Bevrijdingsdag",
            "Hemelvaartsdag", "Eerste Pinksterdag", "Tweede Pinksterdag", "Eerste Kerstdag", "Tweede Kerstdag",
        ])
    }

    /// Chains of holidays and weekends, with the Royal-Decree days of the shipped data file.
    @Test(arguments: [
        ("2024-03-28", 1, "2024-04-02"),   // Goede Vrijdag, weekend, tweede Paasdag
        ("2024-12-24", 1, "2024-12-27"),   // both Christmas days midweek
        ("2025-04-25", 1, "2025-04-28"),   // Koningsdag on Saturday the 26th: the weekend only
        ("2025-12-31", 1, "2026-01-05"),   // Nieuwjaarsdag, the equalised 2 January, weekend
        ("2026-05-13", 1, "2026-05-18"),   // Hemelvaartsdag, the equalised Friday, weekend
        ("2026-12-24", 1, "2026-12-28"),   // Christmas on Friday and Saturday, Sunday
        ("2027-03-25", 1, "2027-03-30"),   // Goede Vrijdag, weekend, tweede Paasdag
        ("2027-05-05", 1, "2027-05-10"),   // 5 mei, Hemelvaartsdag, the equalised Friday, weekend
        ("2028-04-26", 1, "2028-05-01"),   // Koningsdag, the equalised Friday, weekend
        ("2028-05-24", 1, "2028-05-29"),   // Hemelvaartsdag, the equalised Friday, weekend
        ("2029-12-31", 1, "2030-01-02"),   // Nieuwjaarsdag
        ("2030-06-07", 1, "2030-06-11"),   // weekend, tweede Pinksterdag
        ("2026-12-28", -1, "2026-12-24"),  // and backwards
    ])
    func chainsOfWeekendsAndHolidaysAreSkipped(from: String, count: Int, expected: String) throws {
        #expect(try Self.shippedCalendar().addWorkingDays(count, to: day(from)) == day(expected))
    }

    @Test func theSameWorkingDayOfAHolidayIsTheNextWorkingDay() {
        #expect(calendar.workingDay(onOrAfter: day("2026-11-24")) == day("2026-11-24"))
        #expect(calendar.workingDay(onOrAfter: day("2026-12-25")) == day("2026-12-28"))
    }

    /// The calendar as shipped: computed holidays plus `Resources/calendar/gelijkgestelde-dagen.yaml`.
    static func shippedCalendar() throws -> WorkingDayCalendar {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/calendar/gelijkgestelde-dagen.yaml")
        let days = try CalendarDataFile.parse(yaml: try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        return WorkingDayCalendar(extraDays: days)
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
