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
    /// The signal's or case's code.
    public let code: String
    public var list = PagedList<TimelineRow>()
    /// The types shown; all when empty.
    public var kinds: Set<TimelineKind> = []
    /// What is open over the timeline; nil while the list has the keys.
    public var onTop: OnTop?

    public init(subject: TimelineSubject, code: String) {
        self.subject = subject
        self.code = code
    }

    /// "Tijdlijn van casus C2026-0008".
    public var title: String {
        if case .kmtCase = subject { return "Tijdlijn van casus \(code)" }
        return "Tijdlijn van signaal \(code)"
    }

    /// What can be open over a timeline.
    public enum OnTop: Hashable, Sendable {
        /// A note being written in the built-in editor.
        case note(NoteEditor)
        /// Esc was pressed on a note with text: throwing it away waits for `j`, the note underneath.
        case noteDiscardQuestion(NoteEditor)
    }

    /// A note being written: its text, and whether it is being saved, or typed in since its draft
    /// was last kept.
    public struct NoteEditor: Hashable, Sendable {
        public var text = TextArea(maxLength: 20_000)
        public var isSaving = false
        public var isDirty = false
    }

    // What is on top, read as its kind: for the views and the tests.
    // Set, the editor changes and the question over it (if any) stays.
    public var noteEditor: NoteEditor? {
        get {
            switch onTop {
            case .note(let editor)?, .noteDiscardQuestion(let editor)?: editor
            case nil: nil
            }
        }
        set {
            guard let newValue else { onTop = nil; return }
            if case .noteDiscardQuestion? = onTop { onTop = .noteDiscardQuestion(newValue) } else { onTop = .note(newValue) }
        }
    }
    public var note: TextArea? { noteEditor?.text }
    public var isSavingNote: Bool { noteEditor?.isSaving == true }


    /// The filter steps `f` goes through: everything, then one type at a time.
    static let filters: [TimelineKind?] = [nil, .note, .transition, .contact, .decision, .referral, .meeting, .action, .person, .received]

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
