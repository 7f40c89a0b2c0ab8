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
