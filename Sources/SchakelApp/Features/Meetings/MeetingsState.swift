import Meldroute
import SchakelCore

/// A meeting in the list.
public struct MeetingRow: ListRow {
    public let meeting: Meeting
    public var listKey: ListKey { meeting.key }
}

/// A meeting opened from the list: its agenda as the user may see it, and what is being done to it.
public struct OpenMeeting: Hashable, Sendable {
    public var meeting: Meeting
    /// Nil while it is being fetched.
    public var items: [AgendaItem]?
    public var selected = 0
    /// What is open over the agenda, one thing at a time; nil while the agenda itself has the keys.
    public var onTop: OnTop?
    /// The items there were before an addition: the added one is selected when the agenda comes back.
    public var itemsBeforeAdding: Set<Int64>?
    /// Items whose minutes were left unsaved, kept as drafts (marked in the list).
    public var itemsWithDraft: Set<Int64> = []

    public init(meeting: Meeting) {
        self.meeting = meeting
    }

    /// What can be open over a meeting's agenda.
    public enum OnTop: Hashable, Sendable {
        /// An item being added or changed.
        case itemForm(AgendaItemForm)
        /// Choosing a waiting signal or case to add.
        case picker(WaitingList)
        /// "Remove this item?" asked.
        case confirmingRemoval
        /// The meeting's next step in its workflow being chosen or filled in.
        case steps(MeetingSteps)
        /// The selected item's minutes being written.
        case minutes(MinutesForm)
        /// Choosing a document to export; the highlighted one.
        case exportMenu(ExportMenu)
    }

    // What is on top, read as each kind: for the views and the tests. Changed only through `onTop`.
    public var itemForm: AgendaItemForm? { if case .itemForm(let form)? = onTop { form } else { nil } }
    public var picker: WaitingList? { if case .picker(let picker)? = onTop { picker } else { nil } }
    public var steps: MeetingSteps? { if case .steps(let steps)? = onTop { steps } else { nil } }
    public var minutes: MinutesForm? { if case .minutes(let minutes)? = onTop { minutes } else { nil } }
    public var exportMenu: ExportMenu? { if case .exportMenu(let menu)? = onTop { menu } else { nil } }

    public var selectedItem: AgendaItem? { items.flatMap { $0.indices.contains(selected) ? $0[selected] : nil } }

    /// Minutes given to the items together.
    public var plannedMinutes: Int { items?.reduce(0) { $0 + $1.minutesAllotted } ?? 0 }

    /// Why no minutes can be written now, or nil when they can.
    public var whyNoMinutes: String? {
        if meeting.visibility != .full { return "Het verslag maakt wie het overleg in zijn geheel ziet." }
        switch meeting.status {
        case "agenda_vastgesteld", "gehouden": return nil
        case "gepland": return "Het verslag begint als de agenda is vastgesteld (z)."
        case "verslag_vastgesteld": return "Het verslag is vastgesteld; er kan niets meer bij."
        default: return "Van dit overleg wordt geen verslag gemaakt."
        }
    }

    /// Why the agenda cannot be changed now, or nil when it can.
    public var whyNotEditable: String? {
        if meeting.visibility != .full { return "Deze agenda kunt u inzien, niet wijzigen." }
        if meeting.status != "gepland" { return "De agenda van dit overleg is vastgesteld; zet hem eerst weer open." }
        return nil
    }
}

/// The steps of the `overleg` workflow from the meeting's status: which are possible (and why
/// others are not), and the chosen one's form when it asks for something.
public struct MeetingSteps: Hashable, Sendable {
    public let options: [EventOption]
    public var highlighted: Int
    public var form: EventForm?
    public var problem: String?
    public var isSaving = false

    public init(options: [EventOption]) {
        self.options = options
        highlighted = options.firstIndex(where: \.isAvailable) ?? 0
    }
}

/// What waits for a table, grouped by kind of meeting and oldest first within each.
public struct WaitingList: Hashable, Sendable {
    /// Most lines fetched: more than any table can take in one sitting.
    public static let limit = 500

    /// Nil while it is being fetched.
    public private(set) var items: [WaitingDiscussion]?
    public var selected = 0

    public init() {}

    /// Takes the fetched lines; the selected one stays selected when it is still there.
    public mutating func loaded(_ items: [WaitingDiscussion]) {
        let selectedID = selectedItem?.id
        let order = Dictionary(uniqueKeysWithValues: MeetingKind.allCases.enumerated().map { ($1, $0) })
        // Stable: the store's oldest-first order stays within each kind.
        self.items = items.enumerated().sorted { (order[$0.element.kind]!, $0.offset) < (order[$1.element.kind]!, $1.offset) }
            .map(\.element)
        selected = selectedID.flatMap { id in self.items!.firstIndex { $0.id == id } } ?? min(selected, max(0, self.items!.count - 1))
    }

    public var selectedItem: WaitingDiscussion? { items.flatMap { $0.indices.contains(selected) ? $0[selected] : nil } }
}

/// Tab 3, Overleggen: the meetings the user may see, from today on (earlier ones above), and the
/// one opened.
public struct MeetingsState: Hashable, Sendable {
    public static let pageSize = PagedList<MeetingRow>.pageSize

    public var list = PagedList<MeetingRow>()
    /// What is shown instead of the meetings, one thing at a time; nil for the meetings.
    public var onTop: OnTop?

    public init() {}

    /// What can be shown instead of the meetings.
    public enum OnTop: Hashable, Sendable {
        /// A meeting opened from the list.
        case meeting(OpenMeeting)
        /// The "Wacht op bespreking" list.
        case waiting(WaitingList)
        /// The open action items.
        case actions(ActionList)
    }

    // Each kind as a property: set, it is what is on top; nil closes it when it is.
    public var open: OpenMeeting? {
        get { if case .meeting(let open)? = onTop { open } else { nil } }
        set { replace(newValue.map(OnTop.meeting), when: open != nil) }
    }
    public var waiting: WaitingList? {
        get { if case .waiting(let waiting)? = onTop { waiting } else { nil } }
        set { replace(newValue.map(OnTop.waiting), when: waiting != nil) }
    }
    public var actions: ActionList? {
        get { if case .actions(let actions)? = onTop { actions } else { nil } }
        set { replace(newValue.map(OnTop.actions), when: actions != nil) }
    }

    private mutating func replace(_ entry: OnTop?, when isOnTop: Bool) {
        if entry != nil || isOnTop { onTop = entry }
    }
}
