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
    }

    static func keyPressed(_ key: Key, _ pane: inout TimelinePane, layout: TimelineLayout) -> Outcome {
        let rows = max(1, layout.list.height)
        if pane.isSavingNote { return .stay }
        if var note = pane.note {
            if pane.isConfirmingDiscardNote {
                // Only `j` throws away; any other key (Enter too, a new line in a note) goes back.
                pane.isConfirmingDiscardNote = false
                guard key == .character("j") || key == .character("J") else { return .stay }
                pane.note = nil
                pane.isNoteDirty = false
                return .discardedNote
            }
            switch key {
            case .escape:
                if note.isEmpty { pane.note = nil } else { pane.isConfirmingDiscardNote = true }
            case .function(2), .control("o"):
                guard !note.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .stay }
                pane.isSavingNote = true
                return .saveNote(note.text)
            default:
                let editor = layout.editor
                let before = note.text
                note.handle(key, width: max(10, editor.width - 4), height: max(1, editor.height - 3))
                if note.text != before { pane.isNoteDirty = true }
                pane.note = note
            }
            return .stay
        }
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
            pane.note = TextArea(maxLength: 20_000)
            return .openedNote
        default:
            request = nil
        }
        return request.map { .fetch($0) } ?? .stay
    }
}
