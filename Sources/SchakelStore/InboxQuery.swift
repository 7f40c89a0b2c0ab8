import GRDB
import SchakelCore

/// The SQL of one inbox page, built apart from running it so its query plan can be inspected.
struct InboxQuery {
    let sql: String
    let arguments: StatementArguments
    /// Whether rows come back newest first; `false` for pages fetched towards older rows' end.
    let newestFirst: Bool

    /// The query for `request`, or nil when the scope allows no signals at all.
    /// One row more than `limit` is asked for, to know whether there is more.
    static func make(_ request: InboxPageRequest, limit: Int, scope: SignalScope) -> InboxQuery? {
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
        // Pages are fetched in the direction of travel and put back in newest-first order.
        let newestFirst: Bool
        switch request {
        case .first:
            newestFirst = true
        case .last:
            newestFirst = false
        case .after(let key):
            newestFirst = true
            conditions.append("(s.received_at, s.id) < (?, ?)")
            arguments += [key.receivedAt, key.id]
        case .before(let key):
            newestFirst = false
            conditions.append("(s.received_at, s.id) > (?, ?)")
            arguments += [key.receivedAt, key.id]
        }
        let order = newestFirst ? "DESC" : "ASC"
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments += [limit + 1]
        let sql = """
            SELECT s.id, s.code, s.received_at, m.name AS municipality, s.forms, s.state, s.acute, s.minor_involved
            FROM signal s JOIN municipality m ON m.id = s.municipality_id
            \(whereClause)
            ORDER BY s.received_at \(order), s.id \(order)
            LIMIT ?
            """
        return InboxQuery(sql: sql, arguments: arguments, newestFirst: newestFirst)
    }
}
