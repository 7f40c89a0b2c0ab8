import SchakelCore
import TerminalKit

/// The Casussen tab's reducer: paging the list by key, opening a case's timeline.
public enum CasesReducer {
    public static func reduce(_ state: inout CasesState, _ action: CasesAction, _ shell: inout Shell) -> [CasesEffect] {
        let rows = max(1, shell.pane.height - 1)
        switch action {
        case .shown:
            return state.isLoaded ? [] : [.loadCasePage(.first, limit: CasesState.pageSize)]
        case .changed:
            state = CasesState()
            return []
        case .otherProcessCommitted:
            // A colleague's case shows where the list stands; shown again, not asked for: not logged.
            return state.reload(newestFirst: true).map { [.loadCasePage($0, limit: CasesState.pageSize, .refresh)] } ?? []
        case .casePageLoaded(let request, let page):
            state.pageLoaded(request, rows: page.rows.map(CaseRow.init), hasMore: page.hasMore, visibleRows: rows)
            return []
        case .loadFailed(let message):
            shell.status = StatusMessage(message, isError: true)
            return []
        case .keyPressed(let key):
            let request: PageRequest?
            switch key {
            case .down, .character("j"): request = state.move(by: 1, visibleRows: rows)
            case .up, .character("k"): request = state.move(by: -1, visibleRows: rows)
            case .pageDown, .character(" "): request = state.move(by: rows, visibleRows: rows)
            case .pageUp: request = state.move(by: -rows, visibleRows: rows)
            case .home, .character("g"): request = state.jumpToStart()
            case .end, .character("G"): request = state.jumpToEnd(visibleRows: rows)
            case .enter:
                guard let row = state.selectedRow else { return [] }
                return [.request(.openTimeline(.kmtCase(row.summary.id), code: row.summary.code))]
            case .character("b"):
                guard let row = state.selectedRow else { return [] }
                return [.request(.openPersons(.kmtCase(row.summary.id), code: row.summary.code))]
            case .character("v"):
                guard let row = state.selectedRow else { return [] }
                return [.request(.refer(.kmtCase(row.summary.id), code: row.summary.code))]
            case .character("w"):
                guard let row = state.selectedRow else { return [] }
                let summary = row.summary
                return [.request(.whoToCall(CallSituation(minor: summary.minorInvolved, forms: summary.forms,
                                                          acute: summary.acute || summary.crisis, municipality: summary.municipality)))]
            default:
                request = nil
            }
            return request.map { [.loadCasePage($0, limit: CasesState.pageSize)] } ?? []
        }
    }
}
