import Meldroute
import SchakelCore
import TerminalKit

/// The Cijfers tab's keys: ←→ the period before or after, `p` year → quarter → month, `g`/`G` the
/// next or previous area the user may see, Tab/Shift-Tab the breakdown, ↑↓ its rows.
enum FiguresReducer {
    static func reduce(_ state: inout FiguresState, _ action: FiguresAction, _ shell: inout Shell) -> [FiguresEffect] {
        switch action {
        case .shown:
            if state.period == nil { state.period = .year(shell.context.today.year) }
            return load(&state)
        case .loaded(let figures):
            guard figures.period == state.period, figures.area == state.area else { return [] }
            let named = figures.namingRouteStates(shell.context.workflow)
            state.figures = shell.context.activityVocabulary.map(named.namingActivities) ?? named
            state.isLoading = false
            state.breakdown = min(state.breakdown, max(0, state.listed.count - 1))
            return []
        case .failed(let message):
            state.isLoading = false
            shell.status = StatusMessage(message, isError: true)
            return []
        case .exported(let path):
            shell.status = .written(path)
            return []
        case .keyPressed(let key):
            return keyPressed(key, &state, user: shell.context.user)
        }
    }

    private static func keyPressed(_ key: Key, _ state: inout FiguresState, user: User) -> [FiguresEffect] {
        guard let period = state.period else { return [] }
        // The key goes to what is on top; the figures get it only when nothing is.
        switch state.onTop {
        case .choosingExport?:
            state.onTop = nil
            let formats: [Key: FiguresReport.Format] = [.character("m"): .markdown, .character("c"): .csv, .character("h"): .html]
            if key == .character("j"), case .year = period { return [.export(.html, annual: true)] }
            return formats[key].map { [.export($0, annual: false)] } ?? []
        case nil:
            break
        }
        switch key {
        case .character("e"):
            if state.figures != nil { state.onTop = .choosingExport }
            return []
        case .left, .character("h"):
            state.period = period.moved(by: -1)
        case .right, .character("l"):
            state.period = period.moved(by: 1)
        case .character("p"):
            state.period = period.nextKind()
        case .character("g"), .character("G"):
            let areas = AccessPolicy.figureAreas(for: user)
            guard let index = areas.firstIndex(of: state.area), areas.count > 1 else { return [] }
            state.area = areas[(index + (key == .character("g") ? 1 : areas.count - 1)) % areas.count]
        case .tab, .backTab:
            let count = state.listed.count
            guard count > 0 else { return [] }
            state.breakdown = (state.breakdown + (key == .tab ? 1 : count - 1)) % count
            state.scroll = 0
            return []
        case .down, .character("j"):
            let rows = state.listed.indices.contains(state.breakdown) ? state.listed[state.breakdown].rows.count : 0
            state.scroll = min(state.scroll + 1, max(0, rows - 1))
            return []
        case .up, .character("k"):
            state.scroll = max(0, state.scroll - 1)
            return []
        default:
            return []
        }
        return load(&state)
    }

    private static func load(_ state: inout FiguresState) -> [FiguresEffect] {
        guard let period = state.period else { return [] }
        state.isLoading = true
        return [.load(period, state.area)]
    }
}
