import SchakelCore
import TerminalKit

/// A row of a keyset-paged list: where it stands in the list's order.
public protocol ListRow: Hashable, Sendable {
    var listKey: ListKey { get }
}

/// A window over a list that may be far longer than memory should hold (the inbox, a timeline of
/// 10,000 lines): rows are fetched by key around the selection and `rows` never exceeds
/// `capacity`. "Before" and "after" follow the list's own order. Pure: it says which page to
/// fetch; the caller fetches it.
public struct PagedList<Row: ListRow>: Hashable, Sendable {
    /// Rows fetched per page.
    public static var pageSize: Int { 100 }
    /// Most rows held at once; the far end is dropped as the window moves.
    public static var capacity: Int { 3 * pageSize }

    public var rows: [Row] = []
    /// Index in `rows` of the selected row.
    public var selected = 0
    /// Index in `rows` of the first visible row.
    public var top = 0
    /// Rows exist before the window's first / after its last.
    public var hasRowsBefore = false
    public var hasRowsAfter = false
    /// Whether the first page has arrived.
    public var isLoaded = false
    /// Selection movement still to make once the page being fetched arrives.
    public var pendingMove = 0
    /// After a reload: the row to select again, by id, if it is on the page.
    public var reselectID: Int64?
    /// The page on its way replaces the window instead of extending it (a reload in place).
    public var isReloading = false

    public init() {}

    public var selectedRow: Row? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// Moves the selection by `delta` rows; returns the page to fetch when the move runs past
    /// the rows held, or to keep a screenful fetched ahead.
    public mutating func move(by delta: Int, visibleRows: Int) -> PageRequest? {
        guard isLoaded else { return nil }
        let target = selected + delta
        var request: PageRequest?
        if target >= rows.count, hasRowsAfter, let last = rows.last {
            pendingMove = target - (rows.count - 1)
            selected = rows.count - 1
            request = .after(last.listKey)
        } else if target < 0, hasRowsBefore, let first = rows.first {
            pendingMove = target
            selected = 0
            request = .before(first.listKey)
        } else {
            selected = Self.clamp(target, rows.count)
            request = prefetch(visibleRows: visibleRows)
        }
        scrollToSelection(visibleRows: visibleRows)
        return request
    }

    /// The list's movement keys: ↑ ↓ (j k), PgUp PgDn (space), Home End (g G).
    public static func isMovement(_ key: Key) -> Bool {
        [.down, .character("j"), .up, .character("k"), .pageDown, .character(" "), .pageUp, .home, .character("g"), .end,
         .character("G")].contains(key)
    }

    /// Moves the selection as a movement key says; the page to fetch, if one is needed.
    public mutating func move(for key: Key, visibleRows: Int) -> PageRequest? {
        switch key {
        case .down, .character("j"): return move(by: 1, visibleRows: visibleRows)
        case .up, .character("k"): return move(by: -1, visibleRows: visibleRows)
        case .pageDown, .character(" "): return move(by: visibleRows, visibleRows: visibleRows)
        case .pageUp: return move(by: -visibleRows, visibleRows: visibleRows)
        case .home, .character("g"): return jumpToStart()
        case .end, .character("G"): return jumpToEnd(visibleRows: visibleRows)
        default: return nil
        }
    }

    public mutating func jumpToStart() -> PageRequest? {
        if hasRowsBefore { return .first }
        selected = 0
        top = 0
        return nil
    }

    public mutating func jumpToEnd(visibleRows: Int) -> PageRequest? {
        if hasRowsAfter { return .last }
        selected = max(0, rows.count - 1)
        scrollToSelection(visibleRows: visibleRows)
        return nil
    }

    /// Takes a fetched page into the window.
    public mutating func pageLoaded(_ request: PageRequest, rows page: [Row], hasMore: Bool, visibleRows: Int) {
        switch request {
        case .first:
            rows = page
            hasRowsBefore = false
            hasRowsAfter = hasMore
            selected = reselectID.flatMap { id in page.firstIndex { $0.listKey.id == id } } ?? 0
            reselectID = nil
            top = 0
        case .last:
            rows = page
            hasRowsAfter = false
            hasRowsBefore = hasMore
            selected = max(0, page.count - 1)
        case .after where isReloading:
            // The same window fetched again from its first row: colleagues' changes in place.
            isReloading = false
            let previousTop = top
            rows = page
            hasRowsAfter = hasMore
            selected = reselectID.flatMap { id in page.firstIndex { $0.listKey.id == id } } ?? Self.clamp(selected, page.count)
            reselectID = nil
            top = min(previousTop, selected)
        case .after:
            rows += page
            hasRowsAfter = hasMore
            let excess = rows.count - Self.capacity
            if excess > 0 {
                rows.removeFirst(excess)
                selected -= excess
                top -= excess
                hasRowsBefore = true
            }
        case .before:
            rows = page + rows
            selected += page.count
            top += page.count
            hasRowsBefore = hasMore
            let excess = rows.count - Self.capacity
            if excess > 0 {
                rows.removeLast(excess)
                hasRowsAfter = true
            }
        }
        isLoaded = true
        selected = Self.clamp(selected + pendingMove, rows.count)
        pendingMove = 0
        top = max(0, top)
        scrollToSelection(visibleRows: visibleRows)
    }

    /// Fetches the window again where it stands, keeping the selected row selected.
    /// `newestFirst`: the list is in descending order (the inbox), not ascending (a timeline).
    public mutating func reload(newestFirst: Bool) -> PageRequest? {
        guard isLoaded else { return nil }
        reselectID = selectedRow?.listKey.id
        guard hasRowsBefore, let first = rows.first else { return .first }
        isReloading = true
        // Rows after a key just before the first row in list order: the window from that row on.
        // Ids break ties in the sort's direction, so one id further is just before it.
        let key = ListKey(sortValue: first.listKey.sortValue, id: first.listKey.id + (newestFirst ? 1 : -1))
        return .after(key)
    }

    /// Keeps a screenful of rows fetched beyond the selection in both directions.
    public func prefetch(visibleRows: Int) -> PageRequest? {
        let margin = max(visibleRows, 1)
        if hasRowsAfter, selected + margin >= rows.count, let last = rows.last { return .after(last.listKey) }
        if hasRowsBefore, selected - margin < 0, let first = rows.first { return .before(first.listKey) }
        return nil
    }

    public mutating func scrollToSelection(visibleRows: Int) {
        let visible = max(1, visibleRows)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, min(top, max(0, rows.count - visible)))
    }

    static func clamp(_ index: Int, _ count: Int) -> Int { max(0, min(index, count - 1)) }
}
