import Foundation
import GRDB
import Meldroute
import SchakelCore

/// The figures of tab 5 and the annual report, each counted in SQL over an index range of the
/// period (never by loading rows): signals by month, municipality, form, source and reporter;
/// acute and minor; KMT cases by track; referrals by partner.
extension Store: FigureCounting {
    public func signalFigures(_ period: FiguresPeriod, in area: FiguresArea, outcomes: RouteOutcomes?, timing: RouteTiming?,
                              for user: User) throws(StoreFailure) -> SignalFigures {
        guard AccessPolicy.figureAreas(for: user).contains(area) else {
            try audit(AuditRecord(.read, "figures", area.label, result: .denied, detail: period.label), by: user)
            throw .noAccess
        }
        let byMunicipality = area == .region && AccessPolicy.seesFiguresByMunicipality(user)
        // Counted on readers, so that a year's count never holds the writers up: the counts and the
        // route (which reads each signal's route data) on two at once. The figures are handed over
        // only once their audit line is written.
        let today = AmsterdamTime.localTime(of: now()).date
        let (counts, route) = try readTogether(
            { db in try FigureCount(period: period, area: area, db: db).counts(byMunicipality: byMunicipality) },
            { db in try FigureCount(period: period, area: area, db: db, outcomes: outcomes, timing: timing, today: today).route() })
        let figures = FigureCount.assembled(counts, route, period: period, area: area)
        try audit(AuditRecord(.read, "figures", area.label, detail: "\(period.label): \(figures.signals) signalen"), by: user)
        return figures
    }
}

extension Store {
    static let figuresThresholdSetting = "figures_threshold"
    public static let allowedFiguresThresholds = 2...20

    public func recordFiguresExport(_ period: FiguresPeriod, in area: FiguresArea, format: String, for user: User) throws(StoreFailure) {
        guard AccessPolicy.figureAreas(for: user).contains(area) else {
            try audit(AuditRecord(.export, "figures", area.label, result: .denied, detail: "\(period.label), \(format)"), by: user)
            throw .noAccess
        }
        try audit(AuditRecord(.export, "figures", area.label, detail: "\(period.label), \(format)"), by: user)
    }

    public func figuresThreshold() throws(StoreFailure) -> Int {
        try setting(Self.figuresThresholdSetting).flatMap(Int.init) ?? SmallNumberSuppression.defaultThreshold
    }

    /// Sets the threshold; audited. Who may is the caller's check.
    public func setFiguresThreshold(_ threshold: Int, by user: User) throws(StoreFailure) {
        guard Self.allowedFiguresThresholds.contains(threshold) else {
            throw .refused("Kies een drempel van \(Self.allowedFiguresThresholds.lowerBound) tot \(Self.allowedFiguresThresholds.upperBound).")
        }
        try setNumber(threshold, for: Self.figuresThresholdSetting, by: user)
    }
}

/// One counting: the period's UTC bounds and the area's condition, and each breakdown's query.
struct FigureCount {
    let period: FiguresPeriod
    let area: FiguresArea
    let db: Database
    var outcomes: RouteOutcomes?
    var timing: RouteTiming?
    var today: CivilDate?

    func utc(_ day: CivilDate) -> String { AmsterdamTime.utcText(from: LocalDateTime(date: day, hour: 0, minute: 0)) }

    /// `received_at` in [first, after) and, for a municipality, its id: the inbox's indexes.
    func signalRange(_ first: CivilDate, _ after: CivilDate) -> (sql: String, arguments: StatementArguments) {
        switch area {
        case .region:
            return ("received_at >= ? AND received_at < ?", [utc(first), utc(after)])
        case .municipality(let municipality):
            return ("municipality_id = ? AND received_at >= ? AND received_at < ?", [municipality.id, utc(first), utc(after)])
        }
    }

    /// Everything, on one connection (what the query-plan test traces; the store reads the two halves at once).
    func figures(byMunicipality: Bool) throws -> SignalFigures {
        Self.assembled(try counts(byMunicipality: byMunicipality), try route(), period: period, area: area)
    }

    /// The counts from the signals' own columns, and the cases and referrals: everything but the route.
    struct Counts: Sendable {
        let signals: Int
        /// The signals' breakdowns, ending with where they are in the route now.
        let ofSignals: [FigureBreakdown]
        let others: [FigureBreakdown]
    }

    /// What became of the signals, from their route data: the decisions and the pace.
    struct Route: Sendable {
        var breakdowns: [FigureBreakdown] = []
        var durations: [RouteDuration] = []
    }

    static func assembled(_ counts: Counts, _ route: Route, period: FiguresPeriod, area: FiguresArea) -> SignalFigures {
        SignalFigures(period: period, area: area, signals: counts.signals, breakdowns: counts.ofSignals + route.breakdowns + counts.others,
                      durations: route.durations)
    }

    func counts(byMunicipality: Bool) throws -> Counts {
        let (first, after) = period.bounds
        let range = signalRange(first, after)
        let forms = ExploitationForm.allCases.map { "coalesce(sum((forms & \($0.rawValue)) != 0), 0)" }.joined(separator: ", ")
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*) AS signals, coalesce(sum(acute), 0) AS acute, coalesce(sum(minor_involved), 0) AS minor, \(forms)
            FROM signal WHERE \(range.sql)
            """, arguments: range.arguments)!
        let signals: Int = row["signals"]
        var breakdowns = [
            FigureBreakdown(id: "maand", title: "Signalen per maand", rows: try months(), total: signals),
        ]
        if byMunicipality {
            breakdowns.append(FigureBreakdown(id: "gemeente", title: "Signalen per gemeente",
                                              rows: try grouped("municipality_id", Municipality.twente.map { (String($0.id), $0.name) }, range),
                                              total: signals))
        }
        breakdowns += [
            FigureBreakdown(id: "vorm", title: "Vorm van uitbuiting (een signaal kan meer vormen hebben)",
                            rows: ExploitationForm.allCases.enumerated().map { FigureRow($1.label, row[3 + $0]) }, total: signals),
            FigureBreakdown(id: "bron", title: "Bron van het signaal",
                            rows: try grouped("source", SignalSource.allCases.map { ($0.rawValue, $0.label) }, range), total: signals),
            FigureBreakdown(id: "melder", title: "Melder",
                            rows: try grouped("reporter_type", ReporterType.allCases.map { ($0.rawValue, $0.label) }, range), total: signals),
            FigureBreakdown(id: "acuut", title: "Acuut", rows: [FigureRow("acuut", row["acute"]), FigureRow("niet acuut", signals - row["acute"])],
                            total: signals),
            FigureBreakdown(id: "minderjarig", title: "Minderjarige betrokken",
                            rows: [FigureRow("minderjarige", row["minor"]), FigureRow("geen minderjarige", signals - row["minor"])], total: signals),
            FigureBreakdown(id: FigureBreakdown.routeStateID, title: "Stand van de meldroute (nu)", rows: try grouped("state", nil, range),
                            total: signals),
        ]
        let cases = try casesByTrack(first, after)
        let escalated = try casesToTables(first, after)
        let referrals = try referralsByPartner(first, after)
        return Counts(signals: signals, ofSignals: breakdowns, others: [
            FigureBreakdown(id: "casus", title: "KMT-casussen geopend", rows: cases, total: cases.reduce(0) { $0 + $1.count }),
            FigureBreakdown(id: "tafel", title: "KMT-casussen opgeschaald naar een tafel (een casus kan naar beide)",
                            rows: escalated.rows, total: escalated.total),
            FigureBreakdown(id: "verwijzing", title: "Verwijzingen per organisatie", rows: referrals, total: referrals.reduce(0) { $0 + $1.count }),
        ])
    }

    func route() throws -> Route {
        let (first, after) = period.bounds
        let range = signalRange(first, after)
        var route = Route()
        if let outcomes {
            route.breakdowns += try decisions(outcomes, range)
        }
        if let timing, let today {
            let pace = RoutePace(try RoutePaceQuery(db: db, timing: timing).groups(range), timing: timing, today: today)
            route.breakdowns.append(pace.breakdown)
            route.durations = pace.durations
        }
        return route
    }

    /// One count per month of the period, each over its own index range.
    func months() throws -> [FigureRow] {
        try period.months.map { month in
            let range = signalRange(month.first, month.after)
            return FigureRow(month.label, try Int.fetchOne(db, sql: "SELECT count(*) FROM signal WHERE \(range.sql)", arguments: range.arguments) ?? 0)
        }
    }

    /// Counts grouped by `column`, in the order of `keys` (stored value, label), zeros included;
    /// without keys, each value found with its count, labelled by the value.
    func grouped(_ column: String, _ keys: [(String, String)]?, _ range: (sql: String, arguments: StatementArguments)) throws -> [FigureRow] {
        var counts: [(String, Int)] = []
        for row in try Row.fetchAll(db, sql: "SELECT CAST(\(column) AS TEXT) AS key, count(*) AS n FROM signal WHERE \(range.sql) GROUP BY \(column)",
                                    arguments: range.arguments) {
            counts.append((row["key"], row["n"]))
        }
        guard let keys else { return counts.map { FigureRow($0.0, $0.1) } }
        let found = Dictionary(uniqueKeysWithValues: counts)
        return keys.map { FigureRow($0.1, found[$0.0] ?? 0) }
    }

    /// Of the signals received in the period and decided on: each next step chosen (a signal may
    /// have several), those decided without one, and their reasons where chosen from a list.
    func decisions(_ outcomes: RouteOutcomes, _ range: (sql: String, arguments: StatementArguments)) throws -> [FigureBreakdown] {
        // One pass: the decided signals grouped by the steps and the reason chosen, as one JSON
        // array (`[["kmt_vtt"],null]`); the steps' texts are never read.
        let decision = "$.\"\(outcomes.event)\""
        let chosen = "\(decision).\"\(outcomes.field)\".meerkeuze"
        // Without a reason field, a path that finds nothing.
        let reason = outcomes.reasonField.map { "\(decision).\"\($0)\".keuze" } ?? "$.\"\""
        var steps: [String: Int] = [:], reasons: [String: Int] = [:], decided = 0, without = 0, unsorted = 0
        for row in try Row.fetchAll(db, sql: """
            SELECT json_extract(state_data, '\(chosen)', '\(reason)') AS chosen, count(*) AS n FROM signal
            WHERE \(range.sql) AND json_type(state_data, '\(decision)') IS NOT NULL GROUP BY chosen
            """, arguments: range.arguments) {
            let n: Int = row["n"]
            decided += n
            let pair = (try? JSONSerialization.jsonObject(with: Data((row["chosen"] as String? ?? "[]").utf8))) as? [Any] ?? []
            let ids = pair.first as? [String] ?? []
            for id in ids { steps[id, default: 0] += n }
            guard ids.isEmpty else { continue }
            without += n
            if let id = pair.dropFirst().first as? String { reasons[id, default: 0] += n } else { unsorted += n }
        }
        var result = [FigureBreakdown(id: "besluit", title: "Besluit op het beslismoment (een signaal kan meer vervolgstappen hebben)",
                                      rows: outcomes.options.map { FigureRow($0.label, steps[$0.id] ?? 0) } + [FigureRow("geen vervolg", without)],
                                      total: decided)]
        if outcomes.reasonField != nil {
            let rows = outcomes.reasons.map { FigureRow($0.label, reasons[$0.id] ?? 0) }
            let others = unsorted + reasons.filter { id, _ in !outcomes.reasons.contains { $0.id == id } }.values.reduce(0, +)
            result.append(FigureBreakdown(id: RouteOutcomes.reasonBreakdownID, title: "Reden bij geen vervolg",
                                          rows: rows + (others > 0 ? [FigureRow("reden niet uit de lijst", others)] : []), total: without))
        }
        return result
    }

    func casesByTrack(_ first: CivilDate, _ after: CivilDate) throws -> [FigureRow] {
        var sql = "SELECT coalesce(sum(NOT perpetrator_track), 0) AS victim, coalesce(sum(perpetrator_track), 0) AS perpetrator FROM kmt_case "
            + "WHERE received_at >= ? AND received_at < ?"
        var arguments: StatementArguments = [utc(first), utc(after)]
        if case .municipality(let municipality) = area {
            sql += " AND municipality_id = ?"
            arguments += [municipality.id]
        }
        let row = try Row.fetchOne(db, sql: sql, arguments: arguments)!
        return [FigureRow("slachtofferspoor", row["victim"]), FigureRow("daderspoor", row["perpetrator"])]
    }

    /// KMT cases brought to a regional table for the first time in the period, by table: marked for
    /// it (the waiting list) or put on its agenda, whichever came first. The total counts each case once.
    func casesToTables(_ first: CivilDate, _ after: CivilDate) throws -> (rows: [FigureRow], total: Int) {
        let tables = [MeetingKind.casustafel, .dadertafel]
        let kinds = tables.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        var arguments: StatementArguments = [utc(first), utc(after)]
        var inArea = ""
        if case .municipality(let municipality) = area {
            inArea = " AND case_id IN (SELECT id FROM kmt_case WHERE municipality_id = ?)"
            arguments += [municipality.id]
        }
        let rows = try Row.fetchAll(db, sql: """
            WITH escalation(case_id, kind, at) AS (
                SELECT subject_id, kind, requested_at FROM discussion_request WHERE subject_type = 'case' AND kind IN (\(kinds))
                UNION ALL
                SELECT a.subject_id, m.kind, m.starts_at FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
                WHERE a.subject_type = 'case' AND m.kind IN (\(kinds))),
            firsts AS (SELECT case_id, kind, min(at) AS at FROM escalation GROUP BY case_id, kind)
            SELECT kind, case_id FROM firsts WHERE at >= ? AND at < ?\(inArea)
            """, arguments: arguments)
        let counted = tables.map { table in FigureRow(table.label, rows.filter { $0["kind"] == table.rawValue }.count) }
        return (counted, Set(rows.map { $0["case_id"] as Int64 }).count)
    }

    /// Referrals made in the period (their date is a local day), by organisation, most first.
    func referralsByPartner(_ first: CivilDate, _ after: CivilDate) throws -> [FigureRow] {
        var sql = """
            SELECT p.name AS name, count(*) AS n FROM referral r JOIN partner p ON p.id = r.partner_id
            WHERE r.referred_at >= ? AND r.referred_at < ?
            """
        var arguments: StatementArguments = [first.iso, after.iso]
        if case .municipality(let municipality) = area {
            sql += """
                 AND ((r.subject_type = 'signal' AND r.subject_id IN (SELECT id FROM signal WHERE municipality_id = ?))
                   OR (r.subject_type = 'case' AND r.subject_id IN (SELECT id FROM kmt_case WHERE municipality_id = ?)))
                """
            arguments += [municipality.id, municipality.id]
        }
        sql += " GROUP BY p.id ORDER BY n DESC, p.name"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { FigureRow($0["name"], $0["n"]) }
    }
}
