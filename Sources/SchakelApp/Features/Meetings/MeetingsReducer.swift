import Meldroute
import SchakelCore
import TerminalKit

/// The Overleggen tab's reducer: the list paged by key from today, a meeting opened on its agenda.
public enum MeetingsReducer {
    public static func reduce(_ state: inout MeetingsState, _ action: MeetingsAction, _ shell: inout Shell) -> [MeetingsEffect] {
        let rows = MeetingsView.listRows(in: shell.pane)
        switch action {
        case .shown:
            return state.list.isLoaded ? [] : [.loadPage(.from(shell.context.today), limit: MeetingsState.pageSize)]
        case .pageLoaded(let request, let page, let fromDay):
            if fromDay { state.list = PagedList() }
            state.list.pageLoaded(request, rows: page.rows.map(MeetingRow.init), hasMore: page.hasMore, visibleRows: rows)
            // Started at a day: earlier meetings may be there, above.
            if fromDay { state.list.hasRowsBefore = true }
            return []
        case .agendaLoaded, .agendaChanged, .agendaChangeFailed:
            return MeetingAgendaReducer.result(action, &state, &shell)
        case .idle:
            return MinutesDrafts.saveIfChanged(&state.open)
        case .terminating:
            return MinutesDrafts.saveEvery(state.open)
        case .draft(let result):
            return MinutesDrafts.result(result, &state.open, &shell)
        case .exported(let path):
            if state.open?.exportMenu != nil { state.open?.onTop = nil }
            shell.status = .written(path)
            return []
        case .exportFailed(let message):
            if var menu = state.open?.exportMenu {
                menu.isExporting = false
                state.open?.onTop = .exportMenu(menu)
            }
            shell.status = StatusMessage(message, isError: true)
            return []
        case .actionsLoaded, .actionCompleted, .actionFailed:
            return ActionListReducer.result(action, &state, &shell, rows: ActionListView.listRows(in: shell.pane))
        case .waitingLoaded(let items):
            if var open = state.open, var picker = open.picker {
                // Only what waits for this kind of table (of this municipality, for a local one).
                picker.loaded(items.filter { $0.kind == open.meeting.kind
                    && (open.meeting.municipality == nil || $0.municipality == open.meeting.municipality) })
                open.onTop = .picker(picker)
                state.open = open
            } else {
                state.waiting?.loaded(items)
            }
            return []
        case .loadFailed(let message):
            shell.status = StatusMessage(message, isError: true)
            return []
        case .otherProcessCommitted:
            // What is open is shown again, not opened anew: nothing is written to the audit log.
            var effects: [MeetingsEffect] = state.list.reload(newestFirst: false)
                .map { [.loadPage(.page($0), limit: MeetingsState.pageSize, .refresh)] } ?? []
            if let open = state.open { effects.append(.loadAgenda(meetingID: open.meeting.id, .refresh)) }
            if state.waiting != nil { effects.append(.loadWaiting(limit: WaitingList.limit, .refresh)) }
            if var actions = state.actions, let request = actions.list.reload(newestFirst: false) {
                state.actions = actions
                effects.append(.loadActions(request, actions.filter, limit: MeetingsState.pageSize, .refresh))
            }
            return effects
        case .keyPressed(let key):
            // The key goes to what is on top; the meetings get it only when nothing is.
            switch state.onTop {
            case .meeting?: return MeetingAgendaReducer.key(key, &state, &shell)
            case .waiting?: return waitingKey(key, &state)
            case .actions(var actions)?:
                let (close, effects) = ActionListReducer.key(key, &actions, rows: ActionListView.listRows(in: shell.pane))
                state.onTop = close ? nil : .actions(actions)
                return effects
            case nil: return listKey(key, &state, rows: rows, today: shell.context.today)
            }
        }
    }

    private static func listKey(_ key: Key, _ state: inout MeetingsState, rows: Int, today: CivilDate) -> [MeetingsEffect] {
        let request: PageRequest?
        switch key {
        case .down, .character("j"): request = state.list.move(by: 1, visibleRows: rows)
        case .up, .character("k"):
            // Nothing from today on: the way up is to the last earlier meeting.
            if state.list.rows.isEmpty && state.list.hasRowsBefore { return [.loadPage(.page(.last), limit: MeetingsState.pageSize)] }
            request = state.list.move(by: -1, visibleRows: rows)
        case .pageDown, .character(" "): request = state.list.move(by: rows, visibleRows: rows)
        case .pageUp: request = state.list.move(by: -rows, visibleRows: rows)
        case .home, .character("g"): request = state.list.jumpToStart()
        case .end, .character("G"): request = state.list.jumpToEnd(visibleRows: rows)
        case .character("t"): return [.loadPage(.from(today), limit: MeetingsState.pageSize)]
        case .character("w"):
            state.waiting = WaitingList()
            return [.loadWaiting(limit: WaitingList.limit)]
        case .character("a"):
            state.actions = ActionList()
            return [ActionListReducer.reload(.all)]
        case .enter:
            guard let row = state.list.selectedRow else { return [] }
            state.open = OpenMeeting(meeting: row.meeting)
            return [.loadAgenda(meetingID: row.meeting.id)]
        default:
            request = nil
        }
        return request.map { [.loadPage(.page($0), limit: MeetingsState.pageSize)] } ?? []
    }

    private static func waitingKey(_ key: Key, _ state: inout MeetingsState) -> [MeetingsEffect] {
        guard var waiting = state.waiting else { return [] }
        switch key {
        case .escape, .character("w"):
            state.waiting = nil
        case .enter:
            guard let item = waiting.selectedItem else { return [] }
            return [.request(.openTimeline(item.subject, code: item.code))]
        default:
            waiting.selected = ShortList.moved(waiting.selected, by: key, count: waiting.items?.count ?? 0)
            state.waiting = waiting
        }
        return []
    }
}
