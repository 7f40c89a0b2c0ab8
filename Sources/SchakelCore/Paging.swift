/// Where a row stands in the key order of a list: its sort value and its id. Opaque to screens.
public struct ListKey: Hashable, Sendable {
    public let sortValue: String
    public let id: Int64

    public init(sortValue: String, id: Int64) {
        self.sortValue = sortValue
        self.id = id
    }
}

/// Which page of a list to fetch, by key — never by offset.
public enum PageRequest: Hashable, Sendable {
    /// The start of the list (the newest rows, in a newest-first list).
    case first
    /// The end of the list.
    case last
    /// Rows after the key in list order (older, in a newest-first list).
    case after(ListKey)
    /// Rows before the key in list order.
    case before(ListKey)
}

/// A page of any keyset-paged list.
public struct Page<Row: Hashable & Sendable>: Hashable, Sendable {
    public let rows: [Row]
    /// Whether there are more rows beyond this page in the direction it was fetched.
    public let hasMore: Bool

    public init(rows: [Row], hasMore: Bool) {
        self.rows = rows
        self.hasMore = hasMore
    }
}
