import Meldroute
import SchakelCore
import TerminalKit

/// The inbox's part of the reducer: the paged window's moves, as effects that fetch signals.
enum InboxReducer {
    static func fetch(_ request: PageRequest?) -> [SignalsEffect] {
        request.map { [.loadInboxPage($0, limit: InboxState.pageSize)] } ?? []
    }

    static func move(_ inbox: inout InboxState, by delta: Int, visibleRows: Int) -> [SignalsEffect] {
        fetch(inbox.move(by: delta, visibleRows: visibleRows))
    }

    static func jumpToStart(_ inbox: inout InboxState) -> [SignalsEffect] { fetch(inbox.jumpToStart()) }

    static func jumpToEnd(_ inbox: inout InboxState, visibleRows: Int) -> [SignalsEffect] {
        fetch(inbox.jumpToEnd(visibleRows: visibleRows))
    }

    /// Takes a fetched page of signals into the window, with each one's deadline.
    static func pageLoaded(_ inbox: inout InboxState, request: PageRequest, page: Page<SignalSummary>,
                           context: AppContext, visibleRows: Int) -> [SignalsEffect] {
        let engine = WorkflowEngine(context.workflow)
        let rows = page.rows.map {
            InboxRow(signal: $0, deadline: DeadlineStanding.of($0, context: context), owesVTTReport: VTTReminder.owesReport($0, engine: engine))
        }
        inbox.pageLoaded(request, rows: rows, hasMore: page.hasMore, visibleRows: visibleRows)
        return []
    }

    /// Fetches the window again where it stands, keeping the selected signal selected.
    static func reload(_ inbox: inout InboxState) -> [SignalsEffect] {
        guard let request = inbox.reload(newestFirst: true) else { return [] }
        // A reload in place asks for as many rows as the window holds.
        let limit = request == .first ? InboxState.pageSize : max(InboxState.pageSize, inbox.rows.count)
        return [.loadInboxPage(request, limit: limit, .refresh)]
    }

    static func scrollToSelection(_ inbox: inout InboxState, visibleRows: Int) {
        inbox.scrollToSelection(visibleRows: visibleRows)
    }
}
