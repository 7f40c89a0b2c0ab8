import Meldroute
import SchakelCore
import TerminalKit

/// An opened meeting: browsing its agenda, and building it (items from the waiting list or new,
/// standing items, edit, reorder, remove), each change saved at once against the meeting's version.
enum MeetingAgendaReducer {
    static func key(_ key: Key, _ state: inout MeetingsState, _ shell: inout Shell) -> [MeetingsEffect] {
        guard var open = state.open else { return [] }
        if open.itemForm == nil && open.picker == nil && open.steps == nil && open.minutes == nil && open.exportMenu == nil
            && !open.isConfirmingRemoval
            && (key == .escape || key == .left) {
            state.open = nil
            return []
        }
        let effects = self.key(key, &open, &shell)
        state.open = open
        return effects
    }

    private static func key(_ key: Key, _ open: inout OpenMeeting, _ shell: inout Shell) -> [MeetingsEffect] {
        if open.itemForm != nil { return formKey(key, &open) }
        if open.minutes != nil { return minutesKey(key, &open, today: shell.context.today) }
        if open.exportMenu != nil { return exportKey(key, &open, &shell) }
        if open.steps != nil { return MeetingStepsReducer.key(key, &open) }
        if open.picker != nil { return pickerKey(key, &open, today: shell.context.today) }
        if open.isConfirmingRemoval {
            open.isConfirmingRemoval = false
            guard key == .character("j"), let item = open.selectedItem else { return [] }
            return [change(.remove(itemID: item.id), open)]
        }
        switch key {
        case .character("z"):
            guard open.meeting.visibility == .full else {
                shell.status = StatusMessage("De stappen van dit overleg zet wie het in zijn geheel ziet.", isError: true)
                return []
            }
            guard let workflow = shell.context.meetingWorkflow else { return [] }
            open.steps = MeetingStepsReducer.steps(for: open.meeting, workflow: workflow)
            return []
        case .character("e"):
            open.exportMenu = ExportMenu(for: open)
            return []
        case .character("v"):
            if let reason = open.whyNoMinutes {
                shell.status = StatusMessage(reason, isError: true)
                return []
            }
            guard let item = open.selectedItem else { return [] }
            let minutes = MinutesForm(item, meetingVersion: open.meeting.version, today: shell.context.today)
            open.minutes = minutes
            return [.draft(.load(minutes.draftKey))]
        case .character("a"), .character("n"), .character("s"), .enter, .character("K"), .character("J"),
             .shiftUp, .shiftDown, .character("x"), .delete:
            if let reason = open.whyNotEditable {
                shell.status = StatusMessage(reason, isError: true)
                return []
            }
            return edit(key, &open, &shell)
        default:
            open.selected = ShortList.moved(open.selected, by: key, count: open.items?.count ?? 0)
            return []
        }
    }

    private static func edit(_ key: Key, _ open: inout OpenMeeting, _ shell: inout Shell) -> [MeetingsEffect] {
        let today = shell.context.today
        switch key {
        case .character("a"):
            open.picker = WaitingList()
            return [.loadWaiting(limit: WaitingList.limit)]
        case .character("n"):
            open.itemForm = .adding(to: open.meeting, today: today)
        case .character("s"):
            let titles = shell.context.standingItems(ofSeries: open.meeting.series)
            guard !titles.isEmpty else {
                shell.status = StatusMessage("Dit overleg hoort bij geen reeks met vaste agendapunten.", isError: true)
                return []
            }
            return [change(.standing(titles), open)]
        case .enter:
            guard let item = open.selectedItem else { return [] }
            open.itemForm = .editing(item, of: open.meeting, today: today)
        case .character("K"), .shiftUp, .character("J"), .shiftDown:
            guard let item = open.selectedItem, let count = open.items?.count else { return [] }
            let offset = key == .character("K") || key == .shiftUp ? -1 : 1
            guard (0..<count).contains(open.selected + offset) else { return [] }
            // The moved item stays selected in its new place.
            open.selected += offset
            return [change(.move(itemID: item.id, by: offset), open)]
        case .character("x"), .delete:
            if open.selectedItem != nil { open.isConfirmingRemoval = true }
        default:
            break
        }
        return []
    }

    private static func formKey(_ key: Key, _ open: inout OpenMeeting) -> [MeetingsEffect] {
        guard let draft = FormKeys.handle(key, &open.itemForm, check: { $0.draft() }), let item = open.itemForm else { return [] }
        let change: AgendaChange = item.itemID.map { .update(itemID: $0, draft) } ?? .add(draft, about: item.subject)
        if item.itemID == nil { open.itemsBeforeAdding = Set(open.items?.map(\.id) ?? []) }
        return [.changeAgenda(change, meetingID: open.meeting.id, expectedVersion: item.baseVersion ?? open.meeting.version)]
    }

    /// The minutes form: typing, F2 saves, Esc leaves (asking first when something was typed).
    private static func minutesKey(_ key: Key, _ open: inout OpenMeeting, today: CivilDate) -> [MeetingsEffect] {
        guard var minutes = open.minutes, !minutes.isSaving else { return [] }
        switch FormKeys.handle(key, &minutes.form, isConfirmingDiscard: &minutes.isConfirmingDiscard, edited: &minutes.isDraftDirty) {
        case .leave:
            open.minutes = nil
            // Thrown away on purpose, or left with nothing typed: no draft stays behind.
            guard minutes.form.isChanged else { return [] }
            open.itemsWithDraft.remove(minutes.itemID)
            return [.draft(.discard(minutes.draftKey))]
        case .stay:
            open.minutes = minutes
            return []
        case .save:
            break
        }
        var effects: [MeetingsEffect] = []
        switch minutes.entry(today: today) {
        case .failure(let problem):
            minutes.problem = problem.message
        case .success(let entry):
            minutes.problem = nil
            minutes.isSaving = true
            effects = [.recordMinutes(entry, itemID: minutes.itemID, meetingID: open.meeting.id,
                                      expectedVersion: minutes.baseVersion ?? open.meeting.version)]
        }
        open.minutes = minutes
        return effects
    }

    private static func exportKey(_ key: Key, _ open: inout OpenMeeting, _ shell: inout Shell) -> [MeetingsEffect] {
        guard var menu = open.exportMenu, !menu.isExporting else { return [] }
        switch key {
        case .escape:
            open.exportMenu = nil
            return []
        case .enter:
            let choice = menu.highlightedChoice
            if let reason = choice.unavailable {
                shell.status = StatusMessage("\(choice.document.label): \(reason).", isError: true)
                return []
            }
            menu.isExporting = true
            open.exportMenu = menu
            return [.export(choice.document, meetingID: open.meeting.id)]
        default:
            menu.highlighted = ShortList.moved(menu.highlighted, by: key, count: menu.choices.count)
            open.exportMenu = menu
            return []
        }
    }

    private static func pickerKey(_ key: Key, _ open: inout OpenMeeting, today: CivilDate) -> [MeetingsEffect] {
        guard var picker = open.picker else { return [] }
        switch key {
        case .escape:
            open.picker = nil
        case .enter:
            guard let waiting = picker.selectedItem else { return [] }
            open.picker = nil
            open.itemForm = .adding(waiting, to: open.meeting, today: today)
        default:
            picker.selected = ShortList.moved(picker.selected, by: key, count: picker.items?.count ?? 0)
            open.picker = picker
        }
        return []
    }

    private static func change(_ change: AgendaChange, _ open: OpenMeeting) -> MeetingsEffect {
        .changeAgenda(change, meetingID: open.meeting.id, expectedVersion: open.meeting.version)
    }

    /// What came back from the store for the open meeting.
    static func result(_ action: MeetingsAction, _ state: inout MeetingsState, _ shell: inout Shell) -> [MeetingsEffect] {
        switch action {
        case .agendaLoaded(let meetingID, let meeting, let items):
            guard var open = state.open, open.meeting.id == meetingID else { return [] }
            guard let meeting else {
                state.open = nil
                shell.status = StatusMessage("Dit overleg is er niet meer, of niet meer voor u.", isError: true)
                return []
            }
            let isFirstLoad = open.items == nil
            open.meeting = meeting
            open.items = items
            open.selected = min(open.selected, max(0, items.count - 1))
            if let before = open.itemsBeforeAdding, let added = items.firstIndex(where: { !before.contains($0.id) }) {
                open.selected = added
                open.itemsBeforeAdding = nil
            }
            state.open = open
            // Minutes left unsaved in an earlier session: which items have them.
            return isFirstLoad && open.whyNoMinutes == nil ? [.draft(.loadAll(kind: DraftKey.minutesKind))] : []
        case .agendaChanged(let meetingID):
            guard var open = state.open, open.meeting.id == meetingID else { return [] }
            var effects: [MeetingsEffect] = [.loadAgenda(meetingID: meetingID)]
            if let minutes = open.minutes {
                let position = open.items?.first { $0.id == minutes.itemID }?.position
                let entry = try? minutes.entry(today: shell.context.today).get()
                let onTimeline = entry.map { !$0.decision.isEmpty || !$0.action.isEmpty } ?? false
                shell.status = StatusMessage("Verslag van punt \(position.map(String.init) ?? "?") opgeslagen"
                    + (onTimeline ? "; ook op de tijdlijn." : "."))
                open.itemsWithDraft.remove(minutes.itemID)
                effects.append(.draft(.discard(minutes.draftKey)))
            } else {
                shell.status = StatusMessage("Agenda opgeslagen.")
            }
            open.itemForm = nil
            open.steps = nil
            open.minutes = nil
            state.open = open
            return effects
        case .agendaChangeFailed(let meetingID, let message, let isConflict):
            guard var open = state.open, open.meeting.id == meetingID else { return [] }
            open.itemsBeforeAdding = nil
            if var steps = open.steps {
                steps.isSaving = false
                steps.problem = message
                open.steps = steps
            } else if var item = open.itemForm {
                // The form stays as it was typed: saving again after the reload is one key.
                item.isSaving = false
                item.problem = isConflict ? message + " F2 slaat uw punt nu op." : message
                if isConflict { item.baseVersion = nil }
                open.itemForm = item
            } else if var minutes = open.minutes {
                minutes.isSaving = false
                minutes.problem = isConflict ? message + " F2 slaat uw verslag nu op." : message
                if isConflict { minutes.baseVersion = nil }
                open.minutes = minutes
            } else {
                shell.status = StatusMessage(message, isError: true)
            }
            state.open = open
            let hasForm = open.itemForm != nil || open.steps != nil || open.minutes != nil
            return isConflict || !hasForm ? [.loadAgenda(meetingID: meetingID)] : []
        default:
            return []
        }
    }
}
