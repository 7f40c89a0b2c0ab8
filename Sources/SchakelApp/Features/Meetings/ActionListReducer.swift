import Meldroute
import SchakelCore
import TerminalKit

/// The Acties list: paging, the owner filter typed after `/`, the meeting filter on `m`, marking
/// one done on `d` after a `j`, and the signal's or case's timeline on Enter.
enum ActionListReducer {
    static func key(_ key: Key, _ actions: inout ActionList, rows: Int) -> (close: Bool, effects: [MeetingsEffect]) {
        // The key goes to what is on top; the list gets it only when nothing is.
        switch actions.onTop {
        case .ownerInput(var input)?:
            return (false, ownerKey(key, &input, &actions))
        case .confirmingDone?:
            actions.onTop = nil
            guard YesNoQuestion.isYes(key), let row = actions.list.selectedRow else { return (false, []) }
            return (false, [.completeAction(id: row.action.id, expectedVersion: row.action.version)])
        case nil:
            break
        }
        let request: PageRequest?
        switch key {
        case .escape, .character("a"): return (true, [])
        case _ where PagedList<ActionRow>.isMovement(key): request = actions.list.move(for: key, visibleRows: rows)
        case .character("/"):
            actions.onTop = .ownerInput(TextField(actions.filter.owner, maxLength: 100))
            return (false, [])
        case .character("m"):
            // Only the selected action's meeting; again: every meeting.
            if actions.filter.meetingID != nil {
                actions.filter.meetingID = nil
                actions.meetingLabel = nil
            } else if let action = actions.list.selectedRow?.action, let meetingID = action.meetingID {
                actions.filter.meetingID = meetingID
                actions.meetingLabel = action.meeting
            } else {
                return (false, [])
            }
            return (false, [reload(actions.filter)])
        case .character("d"):
            if actions.list.selectedRow != nil { actions.onTop = .confirmingDone }
            return (false, [])
        case .enter:
            guard let action = actions.list.selectedRow?.action, let subject = action.subject else { return (false, []) }
            return (false, [.request(.openTimeline(subject, code: action.subjectCode ?? ""))])
        default:
            request = nil
        }
        return (false, request.map { [.loadActions($0, actions.filter, limit: MeetingsState.pageSize)] } ?? [])
    }

    private static func ownerKey(_ key: Key, _ input: inout TextField, _ actions: inout ActionList) -> [MeetingsEffect] {
        switch key {
        case .escape:
            actions.onTop = nil
            return []
        case .enter:
            actions.onTop = nil
            actions.filter.owner = input.text.trimmingCharacters(in: .whitespaces)
            return [reload(actions.filter)]
        default:
            _ = input.handle(key)
            actions.onTop = .ownerInput(input)
            return []
        }
    }

    static func reload(_ filter: ActionFilter) -> MeetingsEffect { .loadActions(.first, filter, limit: MeetingsState.pageSize) }

    /// The list fetched again where it stands.
    private static func again(_ actions: inout ActionList) -> MeetingsEffect {
        .loadActions(actions.list.reload(newestFirst: false) ?? .first, actions.filter, limit: MeetingsState.pageSize)
    }

    /// What came back from the store for the list.
    static func result(_ action: MeetingsAction, _ state: inout MeetingsState, _ shell: inout Shell, rows: Int) -> [MeetingsEffect] {
        guard var actions = state.actions else { return [] }
        defer { state.actions = actions }
        switch action {
        case .actionsLoaded(let request, let filter, let page):
            // A page for a filter since changed is left.
            guard filter == actions.filter else { return [] }
            actions.list.pageLoaded(request, rows: page.rows.map(ActionRow.init), hasMore: page.hasMore, visibleRows: rows)
        case .actionCompleted:
            shell.status = StatusMessage("Actie afgerond; dat staat op de tijdlijn.")
            return [again(&actions)]
        case .actionFailed(let message):
            shell.status = StatusMessage(message, isError: true)
            return [again(&actions)]
        default:
            break
        }
        return []
    }
}
