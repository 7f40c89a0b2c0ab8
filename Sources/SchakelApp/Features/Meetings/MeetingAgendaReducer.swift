import Meldroute
import SchakelCore
import TerminalKit

/// An opened meeting: browsing its agenda, and building it (items from the waiting list or new,
/// standing items, edit, reorder, remove), each change saved at once against the meeting's version.
enum MeetingAgendaReducer {
    static func key(_ key: Key, _ state: inout MeetingsState, _ shell: inout Shell) -> [MeetingsEffect] {
        guard var open = state.open else { return [] }
        if open.onTop == nil && (key == .escape || key == .left) {
            state.open = nil
            return []
        }
        let effects = self.key(key, &open, &shell)
        state.open = open
        return effects
    }

    /// The key goes to what is on top; the agenda gets it only when nothing is.
    private static func key(_ key: Key, _ open: inout OpenMeeting, _ shell: inout Shell) -> [MeetingsEffect] {
        switch open.onTop {
        case .itemForm(let form)?: return formKey(key, form, &open)
        case .minutes(let minutes)?: return minutesKey(key, minutes, &open, today: shell.context.today)
        case .exportMenu(let menu)?: return exportKey(key, menu, &open, &shell)
        case .steps(let steps)?: return MeetingStepsReducer.key(key, steps, &open)
        case .picker(let picker)?: return pickerKey(key, picker, &open, today: shell.context.today)
        case .confirmingRemoval?:
            open.onTop = nil
            guard YesNoQuestion.isYes(key), let item = open.selectedItem else { return [] }
            return [change(.remove(itemID: item.id), open)]
        case nil:
            return agendaKey(key, &open, &shell)
        }
    }

    private static func agendaKey(_ key: Key, _ open: inout OpenMeeting, _ shell: inout Shell) -> [MeetingsEffect] {
        switch key {
        case .character("z"):
            guard open.meeting.visibility == .full else {
                shell.status = StatusMessage("De stappen van dit overleg zet wie het in zijn geheel ziet.", isError: true)
                return []
            }
            guard let workflow = shell.context.meetingWorkflow else { return [] }
            open.onTop = .steps(MeetingStepsReducer.steps(for: open.meeting, workflow: workflow))
            return []
        case .character("e"):
            open.onTop = .exportMenu(ExportMenu(for: open))
            return []
        case .character("v"):
            if let reason = open.whyNoMinutes {
                shell.status = StatusMessage(reason, isError: true)
                return []
            }
            guard let item = open.selectedItem else { return [] }
            let minutes = MinutesForm(item, meetingVersion: open.meeting.version, today: shell.context.today)
            open.onTop = .minutes(minutes)
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
            open.onTop = .picker(WaitingList())
            return [.loadWaiting(limit: WaitingList.limit)]
        case .character("n"):
            open.onTop = .itemForm(.adding(to: open.meeting, today: today))
        case .character("s"):
            let titles = shell.context.standingItems(ofSeries: open.meeting.series)
            guard !titles.isEmpty else {
                shell.status = StatusMessage("Dit overleg hoort bij geen reeks met vaste agendapunten.", isError: true)
                return []
            }
            return [change(.standing(titles), open)]
        case .enter:
            guard let item = open.selectedItem else { return [] }
            open.onTop = .itemForm(.editing(item, of: open.meeting, today: today))
        case .character("K"), .shiftUp, .character("J"), .shiftDown:
            guard let item = open.selectedItem, let count = open.items?.count else { return [] }
            let offset = key == .character("K") || key == .shiftUp ? -1 : 1
            guard (0..<count).contains(open.selected + offset) else { return [] }
            // The moved item stays selected in its new place.
            open.selected += offset
            return [change(.move(itemID: item.id, by: offset), open)]
        case .character("x"), .delete:
            if open.selectedItem != nil { open.onTop = .confirmingRemoval }
        default:
            break
        }
        return []
    }

    private static func formKey(_ key: Key, _ form: AgendaItemForm, _ open: inout OpenMeeting) -> [MeetingsEffect] {
        var form: AgendaItemForm? = form
        let draft = FormKeys.handle(key, &form, check: { $0.draft() })
        open.onTop = form.map(OpenMeeting.OnTop.itemForm)
        guard let draft, let item = form else { return [] }
        let change: AgendaChange = item.itemID.map { .update(itemID: $0, draft) } ?? .add(draft, about: item.subject)
        if item.itemID == nil { open.itemsBeforeAdding = Set(open.items?.map(\.id) ?? []) }
        return [.changeAgenda(change, meetingID: open.meeting.id, expectedVersion: item.baseVersion ?? open.meeting.version)]
    }

    /// The minutes form: typing, F2 saves, Esc leaves (asking first when something was typed).
    private static func minutesKey(_ key: Key, _ minutes: MinutesForm, _ open: inout OpenMeeting, today: CivilDate) -> [MeetingsEffect] {
        guard !minutes.isSaving else { return [] }
        var minutes = minutes
        switch FormKeys.handle(key, &minutes.form, edited: &minutes.isDraftDirty) {
        case .leave:
            open.onTop = nil
            // Thrown away on purpose, or left with nothing typed: no draft stays behind.
            guard minutes.form.isChanged else { return [] }
            open.itemsWithDraft.remove(minutes.itemID)
            return [.draft(.discard(minutes.draftKey))]
        case .stay:
            open.onTop = .minutes(minutes)
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
        open.onTop = .minutes(minutes)
        return effects
    }

    private static func exportKey(_ key: Key, _ menu: ExportMenu, _ open: inout OpenMeeting, _ shell: inout Shell) -> [MeetingsEffect] {
        guard !menu.isExporting else { return [] }
        var menu = menu
        switch key {
        case .escape:
            open.onTop = nil
            return []
        case .enter:
            let choice = menu.highlightedChoice
            if let reason = choice.unavailable {
                shell.status = StatusMessage("\(choice.document.label): \(reason).", isError: true)
                return []
            }
            menu.isExporting = true
            open.onTop = .exportMenu(menu)
            return [.export(choice.document, meetingID: open.meeting.id)]
        default:
            menu.highlighted = ShortList.moved(menu.highlighted, by: key, count: menu.choices.count)
            open.onTop = .exportMenu(menu)
            return []
        }
    }

    private static func pickerKey(_ key: Key, _ picker: WaitingList, _ open: inout OpenMeeting, today: CivilDate) -> [MeetingsEffect] {
        var picker = picker
        switch key {
        case .escape:
            open.onTop = nil
        case .enter:
            guard let waiting = picker.selectedItem else { return [] }
            open.onTop = .itemForm(.adding(waiting, to: open.meeting, today: today))
        default:
            picker.selected = ShortList.moved(picker.selected, by: key, count: picker.items?.count ?? 0)
            open.onTop = .picker(picker)
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
            // The form that was saved closes; nothing else can have been on top.
            switch open.onTop {
            case .itemForm?, .steps?, .minutes?: open.onTop = nil
            default: break
            }
            state.open = open
            return effects
        case .agendaChangeFailed(let meetingID, let message, let isConflict):
            guard var open = state.open, open.meeting.id == meetingID else { return [] }
            open.itemsBeforeAdding = nil
            let hasForm: Bool
            switch open.onTop {
            case .steps(var steps)?:
                steps.isSaving = false
                steps.problem = message
                open.onTop = .steps(steps)
                hasForm = true
            case .itemForm(var item)?:
                // The form stays as it was typed: saving again after the reload is one key.
                item.isSaving = false
                item.problem = isConflict ? message + " F2 slaat uw punt nu op." : message
                if isConflict { item.baseVersion = nil }
                open.onTop = .itemForm(item)
                hasForm = true
            case .minutes(var minutes)?:
                minutes.isSaving = false
                minutes.problem = isConflict ? message + " F2 slaat uw verslag nu op." : message
                if isConflict { minutes.baseVersion = nil }
                open.onTop = .minutes(minutes)
                hasForm = true
            case .picker?, .confirmingRemoval?, .exportMenu?, nil:
                shell.status = StatusMessage(message, isError: true)
                hasForm = false
            }
            state.open = open
            return isConflict || !hasForm ? [.loadAgenda(meetingID: meetingID)] : []
        default:
            return []
        }
    }
}
