import Meldroute
import SchakelCore
import TerminalKit

/// A line of a timeline in the paged window.
public struct TimelineRow: ListRow {
    public let entry: TimelineEntry
    public var listKey: ListKey { entry.key }
}

/// The timeline of a signal or a case: every event in order, with type, author and time; a filter
/// by type; `n` adds a note in the built-in editor.
public struct TimelinePane: Hashable, Sendable {
    public let subject: TimelineSubject
    public let title: String
    public var list = PagedList<TimelineRow>()
    /// The types shown; all when empty.
    public var kinds: Set<TimelineKind> = []
    /// The note being written, when the editor is open.
    public var note: TextArea?
    public var isConfirmingDiscardNote = false
    public var isSavingNote = false
    /// Typed since the note's draft was last kept.
    public var isNoteDirty = false

    public init(subject: TimelineSubject, title: String) {
        self.subject = subject
        self.title = title
    }

    /// The filter steps `f` goes through: everything, then one type at a time.
    static let filters: [TimelineKind?] = [nil, .note, .transition, .contact, .decision, .referral, .meeting, .action, .received]

    var filterLabel: String {
        guard let kind = kinds.first else { return "alles" }
        return kind.label
    }
}

/// Where the timeline's parts go: the list, and below it the selected line in full.
struct TimelineLayout {
    let title: Rect
    let list: Rect
    let detail: Rect

    init(pane: Rect) {
        let (title, rest) = pane.splitTop(1)
        let detailHeight = pane.height >= 30 ? 8 : 5
        let (list, detail) = rest.splitBottom(min(detailHeight, max(0, rest.height - 3)))
        self.title = title
        self.list = list
        self.detail = detail
    }

    /// The note editor takes the detail area and a few rows above it.
    var editor: Rect {
        let height = min(list.height + detail.height, max(detail.height + 3, 8))
        return Rect(x: list.x, y: detail.maxY - height, width: list.width, height: height)
    }
}

enum TimelineReducer {
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
        case .down, .character("j"): request = pane.list.move(by: 1, visibleRows: rows)
        case .up, .character("k"): request = pane.list.move(by: -1, visibleRows: rows)
        case .pageDown, .character(" "): request = pane.list.move(by: rows, visibleRows: rows)
        case .pageUp: request = pane.list.move(by: -rows, visibleRows: rows)
        case .home, .character("g"): request = pane.list.jumpToStart()
        case .end, .character("G"): request = pane.list.jumpToEnd(visibleRows: rows)
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
