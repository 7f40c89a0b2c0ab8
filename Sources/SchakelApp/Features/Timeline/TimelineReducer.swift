import Meldroute
import SchakelCore
import TerminalKit

/// The timeline's reducer. Its state is optional: nil while no timeline is open.
public enum TimelineReducer {
    public static func reduce(_ state: inout TimelinePane?, _ action: TimelineAction, _ shell: inout Shell) -> [TimelineEffect] {
        switch action {
        case .open(let subject, let code):
            state = TimelinePane(subject: subject, code: code)
            return [.loadPage(subject, kinds: [], .last, limit: PagedList<TimelineRow>.pageSize)]

        case .idle:
            // The note being written is kept as a draft when something was typed since the last one.
            guard var pane = state, var editor = pane.noteEditor, editor.isDirty else { return [] }
            editor.isDirty = false
            pane.noteEditor = editor
            state = pane
            return [.draft(.save(.note(pane.subject), payload: editor.text.text))]

        case .terminating:
            guard let pane = state, let note = pane.note, !note.isEmpty else { return [] }
            return [.draft(.save(.note(pane.subject), payload: note.text))]

        case .keyPressed(let key):
            guard var pane = state else { return [] }
            let layout = TimelineLayout(pane: shell.pane)
            switch keyPressed(key, &pane, layout: layout) {
            case .stay:
                state = pane
                return []
            case .close:
                state = nil
                return []
            case .fetch(let request):
                state = pane
                return [.loadPage(pane.subject, kinds: pane.kinds, request, limit: PagedList<TimelineRow>.pageSize)]
            case .saveNote(let text):
                state = pane
                return [.addNote(pane.subject, text)]
            case .openedNote:
                state = pane
                return [.draft(.load(.note(pane.subject)))]
            case .discardedNote:
                state = pane
                return [.draft(.discard(.note(pane.subject)))]
            case .persons:
                state = pane
                return [.request(.openPersons(pane.subject, code: pane.code))]
            }

        case .pageLoaded(let subject, let request, let page):
            guard var pane = state, pane.subject == subject else { return [] }
            let rows = max(1, TimelineLayout(pane: shell.pane).list.height)
            pane.list.pageLoaded(request, rows: page.rows.map(TimelineRow.init), hasMore: page.hasMore, visibleRows: rows)
            state = pane
            return []

        case .loadFailed(let message):
            shell.status = StatusMessage(message, isError: true)
            return []

        case .noteAdded:
            guard var pane = state else { return [] }
            pane.onTop = nil
            pane.list = PagedList()
            state = pane
            shell.status = StatusMessage("Notitie opgeslagen.")
            return [.draft(.discard(.note(pane.subject))),
                    .loadPage(pane.subject, kinds: pane.kinds, .last, limit: PagedList<TimelineRow>.pageSize)]

        case .linesAdded(let subject):
            guard var pane = state, pane.subject == subject else { return [] }
            pane.list = PagedList()
            state = pane
            return [.loadPage(pane.subject, kinds: pane.kinds, .last, limit: PagedList<TimelineRow>.pageSize)]

        case .noteFailed(let message):
            if var editor = state?.noteEditor {
                editor.isSaving = false
                state?.noteEditor = editor
            }
            shell.status = StatusMessage(message, isError: true)
            return []

        case .draft(.found(let key, let text?)):
            // A note left unsaved on this timeline in an earlier session, into the empty editor.
            guard !text.isEmpty, var pane = state, key == .note(pane.subject), var editor = pane.noteEditor, editor.text.isEmpty else { return [] }
            editor.text = TextArea(text, maxLength: 20_000)
            pane.onTop = .note(editor)
            state = pane
            shell.status = StatusMessage("Het concept van deze notitie uit een vorige sessie is hersteld.")
            return []

        case .draft(.notSaved(let message)):
            shell.status = StatusMessage(message, isError: true)
            return []

        case .draft:
            return []
        }
    }
}
