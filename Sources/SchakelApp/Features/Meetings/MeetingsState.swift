import SchakelCore

/// A meeting in the list.
public struct MeetingRow: ListRow {
    public let meeting: Meeting
    public var listKey: ListKey { meeting.key }
}

/// A meeting opened from the list: its agenda as the user may see it.
public struct OpenMeeting: Hashable, Sendable {
    public var meeting: Meeting
    /// Nil while it is being fetched.
    public var items: [AgendaItem]?
    public var selected = 0

    public var selectedItem: AgendaItem? { items.flatMap { $0.indices.contains(selected) ? $0[selected] : nil } }
}

/// Tab 3, Overleggen: the meetings the user may see, from today on (earlier ones above), and the
/// one opened.
public struct MeetingsState: Hashable, Sendable {
    public static let pageSize = PagedList<MeetingRow>.pageSize

    public var list = PagedList<MeetingRow>()
    public var open: OpenMeeting?

    public init() {}
}
