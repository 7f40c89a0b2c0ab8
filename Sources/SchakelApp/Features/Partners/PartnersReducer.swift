import Meldroute
import SchakelCore
import TerminalKit

/// The Sociale kaart tab's reducer: the list paged by key, narrowed as the user types (`/`) and by
/// facets (`f`), cleared with `c`; an organisation opened with Enter.
public enum PartnersReducer {
    public static func reduce(_ state: inout PartnersState, _ action: PartnersAction, _ shell: inout Shell) -> [PartnersEffect] {
        let rows = PartnersView.listRows(in: shell.pane)
        switch action {
        case .shown:
            return state.list.isLoaded ? [] : [reload(state.filter)]
        case .pageLoaded(let request, let filter, let page):
            // A page for a filter since changed is left: the newer one is on its way.
            guard filter == state.filter else { return [] }
            state.list.pageLoaded(request, rows: page.rows.map(PartnerRow.init), hasMore: page.hasMore, visibleRows: rows)
            return []
        case .detailLoaded(let id, let detail):
            guard state.open?.id == id else { return [] }
            guard let detail else {
                state.open = nil
                shell.status = StatusMessage("Deze organisatie staat niet (meer) op de sociale kaart.", isError: true)
                return []
            }
            state.open?.detail = detail
            return []
        case .askWhoToCall(let situation):
            state.open = nil
            state.callAdvice = CallAdvicePane(asking: situation, today: shell.context.today)
            state.callAdvice?.form = nil
            return [.advise(situation)] + (state.list.isLoaded ? [] : [reload(state.filter)])
        case .adviceLoaded(let situation, let lines):
            guard state.callAdvice?.situation == situation, state.callAdvice?.form == nil else { return [] }
            state.callAdvice?.lines = lines
            state.callAdvice?.selected = 0
            return []
        case .loadFailed(let message):
            shell.status = StatusMessage(message, isError: true)
            return []
        case .otherProcessCommitted:
            var effects: [PartnersEffect] = []
            if let request = state.list.reload(newestFirst: false) { effects.append(.loadPage(request, state.filter, limit: PartnersState.pageSize)) }
            if let open = state.open { effects.append(.loadDetail(id: open.id)) }
            return effects
        case .keyPressed(let key):
            if state.open != nil { return detailKey(key, &state, shell) }
            if state.callAdvice != nil { return adviceKey(key, &state, today: shell.context.today) }
            if state.facets != nil { return facetKey(key, &state) }
            if state.query != nil { return queryKey(key, &state, rows: rows) }
            return listKey(key, &state, rows: rows, today: shell.context.today)
        }
    }

    static func reload(_ filter: PartnerFilter) -> PartnersEffect { .loadPage(.first, filter, limit: PartnersState.pageSize) }

    private static func listKey(_ key: Key, _ state: inout PartnersState, rows: Int, today: CivilDate) -> [PartnersEffect] {
        switch key {
        case _ where PagedList<PartnerRow>.isMovement(key):
            return state.list.move(for: key, visibleRows: rows).map { [.loadPage($0, state.filter, limit: PartnersState.pageSize)] } ?? []
        case .character("/"):
            state.query = TextField(state.filter.text, maxLength: 100)
        case .character("f"):
            state.facets = PartnerFacets.form(for: state.filter, today: today)
        case .character("w"):
            state.callAdvice = CallAdvicePane(asking: CallSituation(), today: today)
        case .character("c"):
            guard state.filter != .none else { return [] }
            state.filter = .none
            return [reload(state.filter)]
        case .enter:
            guard let id = state.list.selectedRow?.partner.id else { return [] }
            state.open = OpenPartner(id: id)
            return [.loadDetail(id: id)]
        default:
            break
        }
        return []
    }

    /// Typing narrows the list at every key; ↑↓ still move; Enter keeps the text, Esc drops it.
    private static func queryKey(_ key: Key, _ state: inout PartnersState, rows: Int) -> [PartnersEffect] {
        guard var query = state.query else { return [] }
        switch key {
        case .enter:
            state.query = nil
            return []
        case .escape:
            state.query = nil
            guard !state.filter.text.isEmpty else { return [] }
            state.filter.text = ""
            return [reload(state.filter)]
        case .up, .down, .pageUp, .pageDown:
            return state.list.move(for: key, visibleRows: rows).map { [.loadPage($0, state.filter, limit: PartnersState.pageSize)] } ?? []
        default:
            _ = query.handle(key)
            state.query = query
            guard query.text != state.filter.text else { return [] }
            state.filter.text = query.text
            return [reload(state.filter)]
        }
    }

    /// The facets' form: F2 (or Ctrl-O) applies, Esc leaves them as they were.
    private static func facetKey(_ key: Key, _ state: inout PartnersState) -> [PartnersEffect] {
        guard var form = state.facets else { return [] }
        switch key {
        case .escape:
            state.facets = nil
            return []
        case .function(2), .control("o"):
            state.facets = nil
            let filter = PartnerFacets.filter(from: form, text: state.filter.text)
            guard filter != state.filter else { return [] }
            state.filter = filter
            return [reload(filter)]
        default:
            form.handle(key)
            state.facets = form
            return []
        }
    }

    /// The situation's form (F2 asks), then the advice: Enter opens an organisation, `w` changes
    /// the situation, Esc goes back to the list.
    private static func adviceKey(_ key: Key, _ state: inout PartnersState, today: CivilDate) -> [PartnersEffect] {
        guard var pane = state.callAdvice else { return [] }
        if var form = pane.form {
            switch key {
            case .escape:
                state.callAdvice = nil
                return []
            case .function(2), .control("o"):
                pane.situation = CallAdvicePane.situation(from: form)
                pane.form = nil
                pane.lines = nil
                state.callAdvice = pane
                return [.advise(pane.situation)]
            default:
                form.handle(key)
                pane.form = form
                state.callAdvice = pane
                return []
            }
        }
        switch key {
        case .escape, .left:
            state.callAdvice = nil
        case .character("w"), .character("e"):
            pane.form = CallAdvicePane(asking: pane.situation, today: today).form
            state.callAdvice = pane
        case .enter:
            guard let id = pane.selectedLine?.partner?.id else { return [] }
            state.open = OpenPartner(id: id)
            return [.loadDetail(id: id)]
        default:
            pane.selected = moved(pane.selected, by: key, count: pane.lines?.count ?? 0)
            state.callAdvice = pane
        }
        return []
    }

    /// The selection in a short list (all of it held) after ↑↓; unchanged for other keys.
    static func moved(_ selected: Int, by key: Key, count: Int) -> Int {
        switch key {
        case .down, .character("j"): return min(selected + 1, max(0, count - 1))
        case .up, .character("k"): return max(selected - 1, 0)
        default: return selected
        }
    }

    private static func detailKey(_ key: Key, _ state: inout PartnersState, _ shell: Shell) -> [PartnersEffect] {
        switch key {
        case .escape, .left, .character("q"):
            state.open = nil
        case .down, .character("j"):
            guard let open = state.open, let detail = open.detail else { return [] }
            let lines = PartnerDetailView.lines(detail, today: shell.context.today, width: shell.pane.width - 2).count
            state.open?.scroll = min(open.scroll + 1, max(0, lines - (shell.pane.height - 1)))
        case .up, .character("k"):
            let scroll = state.open?.scroll ?? 0
            state.open?.scroll = max(0, scroll - 1)
        default:
            break
        }
        return []
    }
}
