import GRDB
import SchakelCore

/// SQL for one page of a list ordered by (sort column, id), found by key through an index:
/// never OFFSET, never everything. One row more than the limit is asked for, to know if there is more.
struct KeysetQuery {
    let sql: String
    let arguments: StatementArguments
    /// Whether the rows come back in the list's own order; if not, they must be reversed.
    let inListOrder: Bool

    /// - Parameters:
    ///   - newestFirst: the list's own order is descending (inboxes) rather than ascending (timelines).
    static func make(select: String, from: String, conditions: [String], arguments: StatementArguments,
                     sortColumn: String, idColumn: String, newestFirst: Bool, request: PageRequest, limit: Int) -> KeysetQuery {
        var conditions = conditions
        var arguments = arguments
        // "Forward" walks the list in its own order; .last and .before walk it backwards.
        let forward: Bool
        switch request {
        case .first:
            forward = true
        case .last:
            forward = false
        case .after(let key):
            forward = true
            conditions.append("(\(sortColumn), \(idColumn)) \(newestFirst ? "<" : ">") (?, ?)")
            arguments += [key.sortValue, key.id]
        case .before(let key):
            forward = false
            conditions.append("(\(sortColumn), \(idColumn)) \(newestFirst ? ">" : "<") (?, ?)")
            arguments += [key.sortValue, key.id]
        }
        let descending = forward == newestFirst
        let order = descending ? "DESC" : "ASC"
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments += [limit + 1]
        return KeysetQuery(
            sql: "SELECT \(select) FROM \(from) \(whereClause) ORDER BY \(sortColumn) \(order), \(idColumn) \(order) LIMIT ?",
            arguments: arguments, inListOrder: forward)
    }

    /// Runs the query and turns the rows into a page in the list's own order. The statement is
    /// prepared once per connection, and each row is read in place (by column index in
    /// `transform`), never copied.
    func page<T: Hashable & Sendable>(in db: Database, limit: Int, _ transform: (Row) throws -> T) throws -> Page<T> {
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        var rows: [T] = []
        rows.reserveCapacity(limit)
        var hasMore = false
        while let row = try cursor.next() {
            guard rows.count < limit else {
                hasMore = true
                break
            }
            rows.append(try transform(row))
        }
        if !inListOrder { rows.reverse() }
        return Page(rows: rows, hasMore: hasMore)
    }
}
