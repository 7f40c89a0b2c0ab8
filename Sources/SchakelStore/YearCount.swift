import Foundation
import GRDB
import Meldroute
import SchakelCore

/// One year counted month by month and municipality by municipality, each kind of count in one
/// pass over the year's index range: the signals' own columns, their route data, the KMT cases,
/// their first time at a regional table, and the referrals.
struct YearCount {
    let year: Int
    let db: Database
    var outcomes: RouteOutcomes?
    var timing: RouteTiming?

    /// The first moment (UTC, as stored) of each month and of the next year: Dutch months.
    var boundaries: [String] {
        (0...12).map { month in
            let day = month == 12 ? CivilDate(year: year + 1, month: 1, day: 1)! : CivilDate(year: year, month: month + 1, day: 1)!
            return AmsterdamTime.utcText(from: LocalDateTime(date: day, hour: 0, minute: 0))
        }
    }

    /// The month (0–11) of a stored UTC moment within the year, in SQL.
    func month(of column: String, _ boundaries: [String]) -> String {
        "CASE " + (1...11).map { "WHEN \(column) < '\(boundaries[$0])' THEN \($0 - 1) " }.joined() + "ELSE 11 END"
    }

    /// The month (0–11) of a stored UTC moment within the year.
    static func month(of moment: String, _ boundaries: [String]) -> Int? {
        guard moment >= boundaries[0], moment < boundaries[12] else { return nil }
        return (1...12).first { moment < boundaries[$0] }! - 1
    }

    func leaves() throws -> YearLeaves {
        var leaves = YearLeaves(year: year)
        let bounds = boundaries
        let inYear = "received_at >= ? AND received_at < ?", arguments: StatementArguments = [bounds[0], bounds[12]]
        let month = month(of: "received_at", bounds)
        let forms = ExploitationForm.allCases.map { "coalesce(sum((forms & \($0.rawValue)) != 0), 0) AS \"form/\($0.rawValue)\"" }
        for row in try Row.fetchAll(db, sql: """
            SELECT \(month) AS month, municipality_id AS m, count(*) AS signals, coalesce(sum(acute), 0) AS acute,
                   coalesce(sum(minor_involved), 0) AS minor, \(forms.joined(separator: ", "))
            FROM signal WHERE \(inYear) GROUP BY month, m
            """, arguments: arguments) {
            for key in ["signals", "acute", "minor"] + ExploitationForm.allCases.map({ "form/\($0.rawValue)" }) {
                leaves.add(row[key], to: key, month: row["month"], municipalityID: row["m"])
            }
        }
        for (column, prefix) in [("source", "source"), ("reporter_type", "reporter"), ("state", "state")] {
            for row in try Row.fetchAll(db, sql: """
                SELECT \(month) AS month, municipality_id AS m, CAST(\(column) AS TEXT) AS key, count(*) AS n
                FROM signal WHERE \(inYear) GROUP BY month, m, \(column)
                """, arguments: arguments) {
                leaves.add(row["n"], to: "\(prefix)/\(row["key"] as String? ?? "")", month: row["month"], municipalityID: row["m"])
            }
        }
        if let outcomes { try decisions(outcomes, into: &leaves, month, inYear, arguments) }
        if let timing {
            for (municipality, group) in try RoutePaceQuery(db: db, timing: timing).groups((inYear, arguments)) {
                leaves.add(group, municipalityID: municipality)
            }
        }
        try cases(into: &leaves, bounds)
        try referrals(into: &leaves)
        return leaves
    }

    /// The signals decided on, grouped by the steps and the reason chosen, as one JSON array
    /// (`[["kmt_vtt"],null]`); the steps' texts are never read.
    func decisions(_ outcomes: RouteOutcomes, into leaves: inout YearLeaves, _ month: String, _ inYear: String,
                   _ arguments: StatementArguments) throws {
        let decision = "$.\"\(outcomes.event)\""
        let chosen = "\(decision).\"\(outcomes.field)\".meerkeuze"
        // Without a reason field, a path that finds nothing.
        let reason = outcomes.reasonField.map { "\(decision).\"\($0)\".keuze" } ?? "$.\"\""
        for row in try Row.fetchAll(db, sql: """
            SELECT \(month) AS month, municipality_id AS m, json_extract(state_data, '\(chosen)', '\(reason)') AS chosen, count(*) AS n
            FROM signal WHERE \(inYear) AND json_type(state_data, '\(decision)') IS NOT NULL GROUP BY month, m, chosen
            """, arguments: arguments) {
            let (n, month, municipality): (Int, Int, Int64) = (row["n"], row["month"], row["m"])
            leaves.add(n, to: "decided", month: month, municipalityID: municipality)
            let pair = (try? JSONSerialization.jsonObject(with: Data((row["chosen"] as String? ?? "[]").utf8))) as? [Any] ?? []
            let ids = pair.first as? [String] ?? []
            for id in Set(ids) { leaves.add(n, to: "step/\(id)", month: month, municipalityID: municipality) }
            guard ids.isEmpty else { continue }
            leaves.add(n, to: "without", month: month, municipalityID: municipality)
            let reason = (pair.dropFirst().first as? String).map { "reason/\($0)" } ?? "reason-other"
            leaves.add(n, to: reason, month: month, municipalityID: municipality)
        }
    }

    /// KMT cases opened, by track; and brought to a regional table for the first time, by table
    /// (marked for it on the waiting list or put on its agenda, whichever came first), and to
    /// either for the first time — so that a year's is its months'.
    func cases(into leaves: inout YearLeaves, _ bounds: [String]) throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT \(month(of: "received_at", bounds)) AS month, municipality_id AS m, coalesce(sum(NOT perpetrator_track), 0) AS victim,
                   coalesce(sum(perpetrator_track), 0) AS perpetrator
            FROM kmt_case WHERE received_at >= ? AND received_at < ? GROUP BY month, m
            """, arguments: [bounds[0], bounds[12]]) {
            leaves.add(row["victim"], to: "case/victim", month: row["month"], municipalityID: row["m"])
            leaves.add(row["perpetrator"], to: "case/perpetrator", month: row["month"], municipalityID: row["m"])
        }
        let tables = [MeetingKind.casustafel, .dadertafel].map { "'\($0.rawValue)'" }.joined(separator: ", ")
        for row in try Row.fetchAll(db, sql: """
            WITH escalation(case_id, kind, at) AS (
                SELECT subject_id, kind, requested_at FROM discussion_request WHERE subject_type = 'case' AND kind IN (\(tables))
                UNION ALL
                SELECT a.subject_id, m.kind, m.starts_at FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
                WHERE a.subject_type = 'case' AND m.kind IN (\(tables))),
            firsts AS (SELECT case_id, kind, min(at) AS at FROM escalation GROUP BY case_id, kind)
            SELECT f.kind AS kind, f.at AS at, f.at = (SELECT min(g.at) FROM firsts g WHERE g.case_id = f.case_id) AS first_at_any,
                   c.municipality_id AS m
            FROM firsts f JOIN kmt_case c ON c.id = f.case_id WHERE f.at >= ? AND f.at < ?
            """, arguments: [bounds[0], bounds[12]]) {
            guard let month = Self.month(of: row["at"], bounds) else { continue }
            leaves.add(1, to: "table/\(row["kind"] as String)", month: month, municipalityID: row["m"])
            if row["first_at_any"] as Bool { leaves.add(1, to: "table/any", month: month, municipalityID: row["m"]) }
        }
    }

    /// Referrals made in the year (their date is a local day), by organisation, in the municipality
    /// of the signal or case referred.
    func referrals(into leaves: inout YearLeaves) throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT r.partner_id AS partner, p.name AS name, CAST(substr(r.referred_at, 6, 2) AS INTEGER) - 1 AS month,
                   coalesce(s.municipality_id, c.municipality_id) AS m, count(*) AS n
            FROM referral r JOIN partner p ON p.id = r.partner_id
            LEFT JOIN signal s ON r.subject_type = 'signal' AND s.id = r.subject_id
            LEFT JOIN kmt_case c ON r.subject_type = 'case' AND c.id = r.subject_id
            WHERE r.referred_at >= ? AND r.referred_at < ?
            GROUP BY partner, month, m
            """, arguments: [CivilDate(year: year, month: 1, day: 1)!.iso, CivilDate(year: year + 1, month: 1, day: 1)!.iso]) {
            guard let municipality = row["m"] as Int64? else { continue }
            leaves.add(row["n"], to: "partner/\(row["partner"] as Int64)", month: row["month"], municipalityID: municipality,
                       label: row["name"])
        }
    }
}

/// The activities held in one year, counted month by month and area by area in one pass.
struct ActivityYearCount {
    let year: Int
    let db: Database

    func leaves() throws -> ActivityLeaves {
        var leaves = ActivityLeaves(year: year)
        for row in try Row.fetchAll(db, sql: """
            SELECT CAST(substr(held_on, 6, 2) AS INTEGER) - 1 AS month, municipality_id AS m, kind, theme, audience, given_by,
                   count(*) AS n, coalesce(sum(participants), 0) AS reach
            FROM activity WHERE held_on >= ? AND held_on < ? AND status = 'gehouden'
            GROUP BY month, m, kind, theme, audience, given_by
            """, arguments: [CivilDate(year: year, month: 1, day: 1)!.iso, CivilDate(year: year + 1, month: 1, day: 1)!.iso]) {
            let (month, municipality, n, reach): (Int, Int64?, Int, Int) = (row["month"], row["m"], row["n"], row["reach"])
            let kind: String = row["kind"]
            for key in ["held", "kind/\(kind)", "theme/\(row["theme"] as String)", "audience/\(row["audience"] as String)",
                        "giver/\(row["given_by"] as String)"] {
                leaves.add(n, to: key, month: month, municipalityID: municipality)
            }
            leaves.add(reach, to: "reach", month: month, municipalityID: municipality)
            leaves.add(reach, to: "reach/\(kind)", month: month, municipalityID: municipality)
        }
        return leaves
    }
}

/// The consults asked in one year, counted month by month and municipality by municipality in one
/// pass: by asker, forms and outcome (as they stand now).
struct ConsultYearCount {
    let year: Int
    let db: Database

    func leaves() throws -> ConsultLeaves {
        var leaves = ConsultLeaves(year: year)
        let count = YearCount(year: year, db: db)
        let bounds = count.boundaries
        for row in try Row.fetchAll(db, sql: """
            SELECT \(count.month(of: "asked_at", bounds)) AS month, municipality_id AS m, asker_kind, forms, outcome, count(*) AS n
            FROM consult WHERE asked_at >= ? AND asked_at < ?
            GROUP BY month, m, asker_kind, forms, outcome
            """, arguments: [bounds[0], bounds[12]]) {
            leaves.add(row["n"], month: row["month"], municipalityID: row["m"], asker: row["asker_kind"],
                       forms: ExploitationForms(rawValue: row["forms"]), outcome: row["outcome"])
        }
        return leaves
    }
}
