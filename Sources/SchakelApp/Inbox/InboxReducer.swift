import SchakelCore
import TerminalKit

/// The inbox's part of the reducer: moving through the list and keeping the window filled.
enum InboxReducer {
    /// Moves the selection by `delta` rows, fetching the next page by key when the move runs
    /// past the rows held.
    static func move(_ inbox: inout InboxState, by delta: Int, visibleRows: Int) -> [AppEffect] {
        guard inbox.isLoaded else { return [] }
        let target = inbox.selected + delta
        var effects: [AppEffect] = []
        if target >= inbox.rows.count, inbox.hasOlder, let last = inbox.rows.last {
            inbox.pendingMove = target - (inbox.rows.count - 1)
            inbox.selected = inbox.rows.count - 1
            effects.append(.loadInboxPage(.after(last.signal.key), limit: InboxState.pageSize))
        } else if target < 0, inbox.hasNewer, let first = inbox.rows.first {
            inbox.pendingMove = target
            inbox.selected = 0
            effects.append(.loadInboxPage(.before(first.signal.key), limit: InboxState.pageSize))
        } else {
            inbox.selected = clamp(target, inbox.rows.count)
            effects += prefetch(inbox, visibleRows: visibleRows)
        }
        scrollToSelection(&inbox, visibleRows: visibleRows)
        return effects
    }

    static func jumpToStart(_ inbox: inout InboxState) -> [AppEffect] {
        if inbox.hasNewer { return [.loadInboxPage(.first, limit: InboxState.pageSize)] }
        inbox.selected = 0
        inbox.top = 0
        return []
    }

    static func jumpToEnd(_ inbox: inout InboxState, visibleRows: Int) -> [AppEffect] {
        if inbox.hasOlder { return [.loadInboxPage(.last, limit: InboxState.pageSize)] }
        inbox.selected = max(0, inbox.rows.count - 1)
        scrollToSelection(&inbox, visibleRows: visibleRows)
        return []
    }

    /// Takes a fetched page into the window.
    static func pageLoaded(_ inbox: inout InboxState, request: PageRequest, page: Page<SignalSummary>,
                           context: AppContext, visibleRows: Int) -> [AppEffect] {
        let rows = page.rows.map {
            InboxRow(signal: $0, deadline: DeadlineStanding.of($0, context: context))
        }
        switch request {
        case .first:
            inbox.rows = rows
            inbox.hasNewer = false
            inbox.hasOlder = page.hasMore
            inbox.selected = inbox.reselectID.flatMap { id in rows.firstIndex { $0.signal.id == id } } ?? 0
            inbox.reselectID = nil
            inbox.top = 0
        case .last:
            inbox.rows = rows
            inbox.hasOlder = false
            inbox.hasNewer = page.hasMore
            inbox.selected = max(0, rows.count - 1)
        case .after where inbox.isReloading:
            // The same window fetched again from its first row: colleagues' changes in place.
            inbox.isReloading = false
            let previousTop = inbox.top
            inbox.rows = rows
            inbox.hasOlder = page.hasMore
            inbox.selected = inbox.reselectID.flatMap { id in rows.firstIndex { $0.signal.id == id } }
                ?? clamp(inbox.selected, rows.count)
            inbox.reselectID = nil
            inbox.top = min(previousTop, inbox.selected)
        case .after:
            inbox.rows += rows
            inbox.hasOlder = page.hasMore
            let excess = inbox.rows.count - InboxState.capacity
            if excess > 0 {
                inbox.rows.removeFirst(excess)
                inbox.selected -= excess
                inbox.top -= excess
                inbox.hasNewer = true
            }
        case .before:
            inbox.rows = rows + inbox.rows
            inbox.selected += rows.count
            inbox.top += rows.count
            inbox.hasNewer = page.hasMore
            let excess = inbox.rows.count - InboxState.capacity
            if excess > 0 {
                inbox.rows.removeLast(excess)
                inbox.hasOlder = true
            }
        }
        inbox.isLoaded = true
        inbox.selected = clamp(inbox.selected + inbox.pendingMove, inbox.rows.count)
        inbox.pendingMove = 0
        inbox.top = max(0, inbox.top)
        scrollToSelection(&inbox, visibleRows: visibleRows)
        return []
    }

    /// Fetches the window again where it stands, keeping the selected signal selected.
    static func reload(_ inbox: inout InboxState) -> [AppEffect] {
        guard inbox.isLoaded else { return [] }
        inbox.reselectID = inbox.selectedRow?.signal.id
        guard inbox.hasNewer, let first = inbox.rows.first else {
            return [.loadInboxPage(.first, limit: InboxState.pageSize)]
        }
        inbox.isReloading = true
        // Rows after a key just newer than the first row: the window from that row on.
        let key = ListKey(sortValue: first.signal.key.sortValue, id: first.signal.key.id + 1)
        return [.loadInboxPage(.after(key), limit: max(InboxState.pageSize, inbox.rows.count))]
    }

    /// Keeps a screenful of rows fetched beyond the selection in both directions.
    private static func prefetch(_ inbox: InboxState, visibleRows: Int) -> [AppEffect] {
        let margin = max(visibleRows, 1)
        if inbox.hasOlder, inbox.selected + margin >= inbox.rows.count, let last = inbox.rows.last {
            return [.loadInboxPage(.after(last.signal.key), limit: InboxState.pageSize)]
        }
        if inbox.hasNewer, inbox.selected - margin < 0, let first = inbox.rows.first {
            return [.loadInboxPage(.before(first.signal.key), limit: InboxState.pageSize)]
        }
        return []
    }

    static func scrollToSelection(_ inbox: inout InboxState, visibleRows: Int) {
        let visible = max(1, visibleRows)
        if inbox.selected < inbox.top { inbox.top = inbox.selected }
        if inbox.selected >= inbox.top + visible { inbox.top = inbox.selected - visible + 1 }
        inbox.top = max(0, min(inbox.top, max(0, inbox.rows.count - visible)))
    }

    private static func clamp(_ index: Int, _ count: Int) -> Int { max(0, min(index, count - 1)) }
}
