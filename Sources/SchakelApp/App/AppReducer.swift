import SchakelCore
import TerminalKit

/// The only place state changes.
public enum AppReducer {
    public static func reduce(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
        let visibleRows = FrameLayout(size: state.size).inboxVisibleRows
        switch action {
        case .started:
            return [.loadInboxPage(.first, limit: InboxState.pageSize)]

        case .terminalResized(let size):
            state.size = size
            InboxReducer.scrollToSelection(&state.inbox, visibleRows: FrameLayout(size: size).inboxVisibleRows)
            return []

        case .terminationRequested:
            state.isRunning = false
            return []

        case .inboxPageLoaded(let request, let page):
            return InboxReducer.pageLoaded(&state.inbox, request: request, page: page, context: state.context,
                                           visibleRows: visibleRows)

        case .signalDetailLoaded(let detail):
            if let detail {
                state.detail = SignalDetailState(detail: detail)
            } else {
                state.status = StatusMessage("Dit signaal bestaat niet (meer) of u heeft er geen toegang toe.", isError: true)
            }
            return []

        case .loadFailed(let message):
            state.status = StatusMessage(message, isError: true)
            return []

        case .keyPressed(let key):
            return keyPressed(key, &state, visibleRows: visibleRows)
        }
    }

    private static func keyPressed(_ key: Key, _ state: inout AppState, visibleRows: Int) -> [AppEffect] {
        // Keys that work everywhere.
        if key == .control("l") { return [.repaintScreen] }
        state.status = nil

        if state.isShowingHelp {
            if [.escape, .character("?"), .character("q"), .enter].contains(key) { state.isShowingHelp = false }
            return []
        }
        if key == .character("?") {
            state.isShowingHelp = true
            return []
        }
        if state.detail != nil {
            return detailKeyPressed(key, &state)
        }
        switch key {
        case .character("q"):
            state.isRunning = false
            return []
        case .character(let c) where c.isNumber:
            if let number = c.wholeNumberValue, let tab = Tab(rawValue: number) { state.tab = tab }
            return []
        default:
            break
        }
        guard state.tab == .signals else { return [] }
        switch key {
        case .down, .character("j"): return InboxReducer.move(&state.inbox, by: 1, visibleRows: visibleRows)
        case .up, .character("k"): return InboxReducer.move(&state.inbox, by: -1, visibleRows: visibleRows)
        case .pageDown, .character(" "): return InboxReducer.move(&state.inbox, by: visibleRows, visibleRows: visibleRows)
        case .pageUp: return InboxReducer.move(&state.inbox, by: -visibleRows, visibleRows: visibleRows)
        case .home, .character("g"): return InboxReducer.jumpToStart(&state.inbox)
        case .end, .character("G"): return InboxReducer.jumpToEnd(&state.inbox, visibleRows: visibleRows)
        case .enter:
            guard let row = state.inbox.selectedRow else { return [] }
            return [.loadSignalDetail(id: row.signal.id)]
        default:
            return []
        }
    }

    private static func detailKeyPressed(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard var detail = state.detail else { return [] }
        let pane = FrameLayout(size: state.size).pane
        let bodyHeight = max(1, pane.height - 1)
        let lineCount = SignalDetailView.lines(detail.detail, context: state.context, width: pane.width - 2).count
        switch key {
        case .escape, .character("q"), .left, .backspace:
            state.detail = nil
            return []
        case .down, .character("j"): detail.scroll += 1
        case .up, .character("k"): detail.scroll -= 1
        case .pageDown, .character(" "): detail.scroll += bodyHeight
        case .pageUp: detail.scroll -= bodyHeight
        case .home, .character("g"): detail.scroll = 0
        case .end, .character("G"): detail.scroll = lineCount
        default: break
        }
        detail.scroll = SignalDetailView.clampedScroll(detail.scroll, lineCount: lineCount, height: bodyHeight)
        state.detail = detail
        return []
    }
}
