/// The calendar as the command line prints it.
public enum CalendarReport {
    /// The named non-working days of `year` (statutory holidays, equalised and local closing days),
    /// one line each: `2026-04-27  ma  Koningsdag`. Weekends without a name are left out.
    public static func nonWorkingDays(in year: Int, calendar: WorkingDayCalendar) -> String {
        var lines: [String] = []
        var day = CivilDate(year: year, month: 1, day: 1)!
        while day.year == year {
            if let name = calendar.holidayName(on: day) {
                lines.append("\(day.iso)  \(day.dutchWeekday)  \(name)")
            }
            day = day.adding(days: 1)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A date from the command line: `2026-11-24` or `24-11-2026`.
    public static func parseDate(_ text: String) -> CivilDate? {
        if let date = CivilDate(iso: text) { return date }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }
}
