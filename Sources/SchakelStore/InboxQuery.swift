import GRDB
import SchakelCore

/// The SQL of one inbox page, built apart from running it so its query plan can be inspected.
enum InboxQuery {
    /// The query for `request`, or nil when the scope allows no signals at all.
    static func make(_ request: PageRequest, limit: Int, scope: SignalScope) -> KeysetQuery? {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        switch scope {
        case .none:
            return nil
        case .municipality(let id):
            conditions.append("s.municipality_id = ?")
            arguments += [id]
        case .region:
            break
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
        switch AccessPolicy.signalScope(for: user) {
        case .none: break
        case .region: visible.append("s.id IS NOT NULL")
        case .municipality(let id):
            visible.append("s.municipality_id = ?")
            arguments += [id]
        }
        // The procesondersteuner sees cases pseudonymised only: never their content.
        if user.role != .processSupporter, let condition = AccessPolicy.caseCondition(for: user) {
            visible.append("(c.id IS NOT NULL AND \(condition.sql))")
            arguments += StatementArguments(condition.arguments)
        }
        guard !visible.isEmpty else { return nil }
        return ("(" + visible.joined(separator: " OR ") + ")", arguments)
    }
}
