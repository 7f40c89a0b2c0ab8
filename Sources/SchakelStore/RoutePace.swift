import Foundation
import GRDB
import Meldroute
import SchakelCore

/// How fast the route went for the signals received in a period, counted in SQL in working days:
/// the local day of receipt (UTC moved by an hour, or two in summer time), the day the deadline's
/// event was recorded, and for each day the number of working days up to it (weekdays by
/// arithmetic, less the weekday holidays, a list of a few dozen days).
struct RoutePace {
    let count: FigureCount
    let timing: RouteTiming
    let today: CivilDate

    /// The SQL day (`YYYY-MM-DD`) in Amsterdam of a stored UTC moment.
    static func localDay(_ utc: String) -> String {
        "date(\(utc), CASE WHEN EXISTS (SELECT 1 FROM dst WHERE \(utc) >= dst.s AND \(utc) < dst.e) THEN '+2 hours' ELSE '+1 hour' END)"
    }

    /// Working days from a fixed Monday up to and including `day`: a counter whose differences
    /// are working days between two days.
    static func workingDayNumber(_ day: String) -> String {
        let days = "(CAST(julianday(\(day)) - 2440587.5 AS INTEGER) + 3)"
        return "(5 * (\(days) / 7) + min(\(days) % 7 + 1, 5) - (SELECT count(*) FROM holiday WHERE holiday.d <= \(day)))"
    }

    /// Summer time in Amsterdam, per year: from the last Sunday of March to that of October, 01:00 UTC.
    static func summerTimes(_ years: ClosedRange<Int>) -> [[String]] {
        years.map { year in
            [3, 10].map { month in
                let last = CivilDate(year: year, month: month, day: 31)!
                return last.adding(days: -(last.isoWeekday % 7)).iso + "T01:00:00Z"
            }
        }
    }

    struct Measured {
        let breakdown: FigureBreakdown
        let durations: [RouteDuration]
    }

    func measure(_ range: (sql: String, arguments: StatementArguments)) throws -> Measured {
        let (first, after) = count.period.bounds
        let last = max(today, after)
        let years = (first.year - 1)...(last.year + 1)
        let holidays = timing.weekdayHolidays(from: CivilDate(year: years.lowerBound, month: 1, day: 1)!,
                                              through: CivilDate(year: years.upperBound, month: 12, day: 31)!).map(\.iso)
        let path = "$.\"\(timing.event)\".\"\(timing.field)\".\(timing.isDateTime ? "datumtijd" : "datum")"
        let running = timing.runningIn.map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: ", ")
        let limit = timing.workingDays
        let number = Self.workingDayNumber
        let sql = """
            WITH dst(s, e) AS MATERIALIZED (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)),
                 holiday(d) AS MATERIALIZED (SELECT value FROM json_each(?)),
                 span(d) AS (SELECT ? UNION ALL SELECT date(d, '+1 day') FROM span WHERE d < ?),
                 daynum(d, n) AS MATERIALIZED (SELECT d, \(number("d")) FROM span),
                 route AS (
                    SELECT received_at, substr(json_extract(state_data, '\(path)'), 1, 10) AS c, state IN (\(running)) AS running,
                           (SELECT min(t.occurred_at) FROM timeline_event t
                            WHERE t.subject_type = 'signal' AND t.subject_id = signal.id AND t.kind = 'decision') AS decided_at
                    FROM signal WHERE \(range.sql)),
                 days AS (
                    SELECT \(Self.localDay("received_at")) AS r, c, running,
                           CASE WHEN decided_at IS NULL THEN NULL ELSE \(Self.localDay("decided_at")) END AS decided
                    FROM route),
                 numbered AS (
                    SELECT days.c, days.running, received.n AS nr, contacted.n AS nc, decided.n AS nd FROM days
                    JOIN daynum AS received ON received.d = days.r
                    LEFT JOIN daynum AS contacted ON contacted.d = days.c
                    LEFT JOIN daynum AS decided ON decided.d = days.decided),
                 measured AS MATERIALIZED (
                    SELECT c, running, nc - nr AS to_contact, nd - nr AS to_decision, (SELECT n FROM daynum WHERE d = ?) - nr AS waited
                    FROM numbered)
            SELECT
                (SELECT count(*) FROM measured WHERE to_contact <= \(limit)) AS within,
                (SELECT count(*) FROM measured WHERE to_contact > \(limit)) AS later,
                (SELECT count(*) FROM measured WHERE c IS NULL AND running AND waited <= \(limit)) AS waiting,
                (SELECT count(*) FROM measured WHERE c IS NULL AND running AND waited > \(limit)) AS overdue,
                (SELECT count(*) FROM measured WHERE c IS NULL AND NOT running) AS without,
                \(percentiles("to_contact", "contact")), \(percentiles("to_decision", "decision"))
            """
        // The days counted: from the period's first to today (or the period's end, if later).
        let arguments: StatementArguments = [try json(Self.summerTimes(years)), try json(holidays), first.iso, last.iso]
            + range.arguments + [today.iso]
        let row = try Row.fetchOne(count.db, sql: sql, arguments: arguments)!
        let rows = [
            FigureRow("binnen \(limit) werkdagen", row["within"]), FigureRow("later", row["later"]),
            FigureRow("nog niet, termijn loopt", row["waiting"]), FigureRow("nog niet, termijn verstreken", row["overdue"]),
            FigureRow("niet vastgelegd (route anders verlopen)", row["without"]),
        ]
        let total = rows.reduce(0) { $0 + $1.count }
        return Measured(
            breakdown: FigureBreakdown(id: RouteTiming.breakdownID, title: "\(timing.deadlineLabel) (termijn \(limit) werkdagen)", rows: rows, total: total),
            durations: [
                RouteDuration(label: "Werkdagen tot \(timing.deadlineLabel.lowercased())", count: row["contact_n"],
                              median: row["contact_median"], percentile90: row["contact_p90"]),
                RouteDuration(label: "Werkdagen tot het besluit", count: row["decision_n"], median: row["decision_median"],
                              percentile90: row["decision_p90"]),
            ])
    }

    /// The count, the median and the 90th percentile (nearest rank) of `column`, where known.
    private func percentiles(_ column: String, _ name: String) -> String {
        let ranked = "(SELECT \(column) AS v, row_number() OVER (ORDER BY \(column)) AS i, count(*) OVER () AS n FROM measured "
            + "WHERE \(column) IS NOT NULL)"
        return """
            (SELECT count(*) FROM measured WHERE \(column) IS NOT NULL) AS \(name)_n,
            (SELECT v FROM \(ranked) WHERE i = (n + 1) / 2) AS \(name)_median,
            (SELECT v FROM \(ranked) WHERE i = (9 * n + 9) / 10) AS \(name)_p90
            """
    }

    private func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
    }
}
