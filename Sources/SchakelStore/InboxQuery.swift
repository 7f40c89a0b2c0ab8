import GRDB
import Meldroute
import SchakelCore

/// The SQL of one inbox page, built apart from running it so its query plan can be inspected.
enum InboxQuery {
    /// The query for `request`, or nil when the scope allows no signals at all.
    static func make(_ request: PageRequest, limit: Int, scope: SignalScope, filter: SignalFilter = SignalFilter(),
                     overdue: [OverdueRule] = [], userID: Int64 = 0) -> KeysetQuery? {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        switch scope {
        case .none:
            return nil
        case .region:
            break
        case .municipality, .caseOrigins:
            guard let condition = SignalScopeSQL.condition(scope) else { return nil }
            conditions.append(condition.sql)
            arguments += StatementArguments(condition.ids)
        }
        func list<T: DatabaseValueConvertible>(_ values: [T]) -> String {
            arguments += StatementArguments(values)
            return "(" + values.map { _ in "?" }.joined(separator: ", ") + ")"
        }
        if !filter.states.isEmpty { conditions.append("s.state IN " + list(filter.states.sorted())) }
        if !filter.municipalityIDs.isEmpty { conditions.append("s.municipality_id IN " + list(filter.municipalityIDs.sorted())) }
        if !filter.forms.isEmpty {
            conditions.append("(s.forms & ?) <> 0")
            arguments += [filter.forms.reduce(0, |)]
        }
        if filter.acuteOnly { conditions.append("s.acute = 1") }
        if filter.minorOnly { conditions.append("s.minor_involved = 1") }
        if filter.mineOnly {
            conditions.append("s.created_by = ?")
            arguments += [userID]
        }
        if filter.overdueOnly {
            // Any running deadline whose start lies before its cutoff: none at all when there are no rules.
            var alternatives: [String] = []
            for rule in overdue {
                let states = list(rule.states)
                switch rule.start {
                case .received:
                    alternatives.append("(s.state IN \(states) AND s.received_at < ?)")
                    arguments += [AmsterdamTime.utcText(from: LocalDateTime(date: rule.cutoff, hour: 0, minute: 0))]
                case .recorded(let event, let field):
                    let path = "$.\"\(event)\".\"\(field)\""
                    alternatives.append("""
                        (s.state IN \(states) AND coalesce(json_extract(s.state_data, '\(path).datum'), \
                        substr(json_extract(s.state_data, '\(path).datumtijd'), 1, 10)) < ?)
                        """)
                    arguments += [rule.cutoff.iso]
                }
            }
            conditions.append(alternatives.isEmpty ? "0" : "(" + alternatives.joined(separator: " OR ") + ")")
        }
        return KeysetQuery.make(
            select: "s.id, s.code, s.received_at, m.name AS municipality, s.forms, s.state, s.acute, s.minor_involved, s.state_data",
            from: "signal s JOIN municipality m ON m.id = s.municipality_id",
            conditions: conditions, arguments: arguments,
            sortColumn: "s.received_at", idColumn: "s.id", newestFirst: true, request: request, limit: limit)
    }
}

/// Which signals and cases a user sees in full, as SQL over `signal s` and `kmt_case c` joined
/// beside a list (a timeline line, an agreement): the same rule as `Store.visibility(of:for:in:)`.
enum VisibleSubjects {
    static func condition(for user: User) -> (sql: String, arguments: StatementArguments)? {
        var visible: [String] = []
        var arguments: StatementArguments = []
        if let condition = SignalScopeSQL.condition(AccessPolicy.signalScope(for: user)) {
            visible.append(condition.sql)
            arguments += StatementArguments(condition.ids)
        }
        if let condition = CaseScopeSQL.seenInFull(by: user) {
            visible.append("(c.id IS NOT NULL AND \(condition.sql))")
            arguments += condition.arguments
        }
        guard !visible.isEmpty else { return nil }
        return ("(" + visible.joined(separator: " OR ") + ")", arguments)
    }

    /// On an agenda item (`a`) joined to its signal (`s`) and case (`c`): the user sees the item at
    /// all — it has no subject, or its subject is theirs in full or pseudonymised — as the agenda
    /// itself decides (`Store.visibility(of:for:in:)`). Only database ids are written into the SQL.
    static func seenAtAll(for user: User) -> String {
        var seen = ["a.subject_type IS NULL"]
        if let condition = SignalScopeSQL.condition(AccessPolicy.signalScope(for: user)) {
            seen.append(inlined(condition.sql, condition.ids))
        }
        if let condition = AccessPolicy.caseCondition(for: user) {
            seen.append("(c.id IS NOT NULL AND \(inlined(condition.sql, condition.arguments)))")
        }
        return "(" + seen.joined(separator: " OR ") + ")"
    }

    /// `sql` with each `?` replaced by the next id, in order.
    private static func inlined(_ sql: String, _ ids: [Int64]) -> String {
        var sql = sql
        for id in ids {
            if let mark = sql.firstIndex(of: "?") { sql.replaceSubrange(mark...mark, with: String(id)) }
        }
        return sql
    }
}

/// A signal scope as SQL over `signal s` (which may be left-joined and absent): the one place the
/// scopes are written as SQL, beside `Store.signalInScope` for one signal.
enum CaseScopeSQL {
    /// The condition on a case table aliased `c` keeping the cases the user sees in full; nil when
    /// none. The procesondersteuner sees cases pseudonymised only: never their content.
    static func seenInFull(by user: User) -> (sql: String, arguments: StatementArguments)? {
        guard user.role != .processSupporter, let condition = AccessPolicy.caseCondition(for: user) else { return nil }
        return (condition.sql, StatementArguments(condition.arguments))
    }
}

enum SignalScopeSQL {
    /// The signal became a victim-track KMT case (the zorgcoördinator's scope).
    private static let caseOrigin = "EXISTS (SELECT 1 FROM kmt_case k WHERE k.signal_id = s.id AND k.perpetrator_track = 0)"

    /// Nil when no signal at all is in scope. The placeholders stand for `ids`, in order.
    static func condition(_ scope: SignalScope) -> (sql: String, ids: [Int64])? {
        switch scope {
        case .none: return nil
        case .region: return ("s.id IS NOT NULL", [])
        case .municipality(let id): return ("s.municipality_id = ?", [id])
        case .caseOrigins: return (caseOrigin, [])
        }
    }
}
