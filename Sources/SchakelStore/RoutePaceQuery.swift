import GRDB
import Meldroute
import SchakelCore

/// The signals of a period grouped by municipality and by the days their pace is measured by,
/// counted in SQL over the period's index range: the moment of receipt, the day the deadline's
/// event names, the moment of the first decision (from the partial index of decisions, a few per
/// signal at most, read once rather than looked up per signal), and whether the deadline still
/// runs. The municipality is `+municipality_id`, so that the planner reads the period's range
/// rather than every signal by municipality. A moment is grouped by its UTC day, or by its hour
/// from 22:00 UTC on, the only hours whose Amsterdam day is the next one (UTC+1 in winter, UTC+2
/// in summer). A year of 18,000 signals comes back as a few thousand groups; they become Amsterdam
/// days and the working days are counted in Swift, by the calendar the deadlines use.
struct RoutePaceQuery {
    let db: Database
    let timing: RouteTiming

    func groups(_ range: (sql: String, arguments: StatementArguments)) throws -> [(municipalityID: Int64, group: RoutePaceGroup)] {
        let path = "$.\"\(timing.event)\".\"\(timing.field)\".\(timing.isDateTime ? "datumtijd" : "datum")"
        let running = timing.runningIn.map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: """
            SELECT +municipality_id AS m, \(Self.dayOrLateHour("received_at")) AS r, substr(json_extract(state_data, '\(path)'), 1, 10) AS c,
                   \(Self.dayOrLateHour("decision.first")) AS d, state IN (\(running)) AS running, count(*) AS n
            FROM signal LEFT JOIN (SELECT t.subject_id, min(t.occurred_at) AS first FROM timeline_event t
                                   WHERE t.kind = 'decision' AND t.subject_type = 'signal' GROUP BY t.subject_id) AS decision
                 ON decision.subject_id = signal.id
            WHERE \(range.sql) GROUP BY m, r, c, d, running
            """, arguments: range.arguments)
        var localDays: [String: CivilDate] = [:]
        func localDay(_ key: String?) -> CivilDate? {
            guard let key else { return nil }
            if let day = localDays[key] { return day }
            let day = key.utf8.count == 10 ? CivilDate(iso: key) : AmsterdamTime.localTime(fromUTC: key + ":00")?.date
            localDays[key] = day
            return day
        }
        return rows.compactMap { row in
            guard let received = localDay(row["r"]) else { return nil }
            let contacted = (row["c"] as String?).flatMap(CivilDate.init(iso:))
            return (row["m"], RoutePaceGroup(received: received, contacted: contacted, decided: localDay(row["d"]), running: row["running"],
                                             count: row["n"]))
        }
    }

    /// `2026-11-24` for a UTC moment before 22:00, `2026-11-24T23` from then on.
    static func dayOrLateHour(_ utc: String) -> String {
        "CASE WHEN substr(\(utc), 12, 2) >= '22' THEN substr(\(utc), 1, 13) ELSE substr(\(utc), 1, 10) END"
    }
}
