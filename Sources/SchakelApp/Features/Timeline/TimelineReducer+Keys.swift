import SchakelCore
import TerminalKit

/// Keys in a timeline, and in its note editor.
extension TimelineReducer {
    enum Outcome: Hashable {
        case stay
        case close
        case fetch(PageRequest)
        case saveNote(String)
        /// The editor opened: an earlier draft of the note may be waiting.
        case openedNote
        /// The note was thrown away: so is its draft.
        case discardedNote
        /// The persons of the signal or case (`b`).
        case persons
    }

    static func keyPressed(_ key: Key, _ pane: inout TimelinePane, layout: TimelineLayout) -> Outcome {
        // The key goes to what is on top; the list gets it only when nothing is.
        switch pane.onTop {
        case .note(let editor)?: return noteKey(key, editor, &pane, layout: layout)
        case .noteDiscardQuestion(let editor)?:
            // Only `j` throws away; any other key (Enter too, a new line in a note) goes back.
            guard key == .character("j") || key == .character("J") else {
                pane.onTop = .note(editor)
                return .stay
            }
            pane.onTop = nil
            return .discardedNote
        case nil: return listKey(key, &pane, layout: layout)
        }
    }

    private static func noteKey(_ key: Key, _ editor: TimelinePane.NoteEditor, _ pane: inout TimelinePane, layout: TimelineLayout) -> Outcome {
        guard !editor.isSaving else { return .stay }
        var editor = editor
        switch key {
        case .escape:
            if editor.text.isEmpty {
                pane.onTop = nil
                return .stay
            }
            pane.onTop = .noteDiscardQuestion(editor)
            return .stay
        case .function(2), .control("o"):
            guard !editor.text.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .stay }
            editor.isSaving = true
            pane.onTop = .note(editor)
            return .saveNote(editor.text.text)
        default:
            let area = layout.editor
            let before = editor.text.text
            editor.text.handle(key, width: max(10, area.width - 4), height: max(1, area.height - 3))
            if editor.text.text != before { editor.isDirty = true }
        }
        pane.onTop = .note(editor)
        return .stay
    }

    private static func listKey(_ key: Key, _ pane: inout TimelinePane, layout: TimelineLayout) -> Outcome {
        let rows = max(1, layout.list.height)
        let request: PageRequest?
        switch key {
        case .escape, .character("q"), .left:
            return .close
        case _ where PagedList<TimelineRow>.isMovement(key): request = pane.list.move(for: key, visibleRows: rows)
        case .character("f"):
            let current = TimelinePane.filters.firstIndex { $0 == pane.kinds.first } ?? 0
            let next = TimelinePane.filters[(current + 1) % TimelinePane.filters.count]
            pane.kinds = next.map { [$0] } ?? []
            pane.list = PagedList()
            request = .last
        case .character("n"):
            pane.onTop = .note(TimelinePane.NoteEditor())
            return .openedNote
        case .character("b"):
            return .persons
        default:
            request = nil
        }
        return request.map { .fetch($0) } ?? .stay
    }
}
