import Meldroute

/// A meeting (overleg) as lists show it.
public struct Meeting: Hashable, Sendable {
    public let id: Int64
    public let key: ListKey
    public let kind: MeetingKind
    public let title: String
    public let startsAt: LocalDateTime
    public let location: String
    public let municipality: String?
    /// The state in the `overleg` workflow.
    public let status: String
    public let visibility: Visibility
    public let lengthMinutes: Int
    /// How many items its agenda has.
    public let itemCount: Int
    /// The series it was planned from, if any.
    public let series: String?

    public init(id: Int64, key: ListKey, kind: MeetingKind, title: String, startsAt: LocalDateTime, location: String,
                municipality: String?, status: String, visibility: Visibility, lengthMinutes: Int = 90, itemCount: Int = 0,
                series: String? = nil) {
        self.id = id
        self.key = key
        self.kind = kind
        self.title = title
        self.startsAt = startsAt
        self.location = location
        self.municipality = municipality
        self.status = status
        self.visibility = visibility
        self.lengthMinutes = lengthMinutes
        self.itemCount = itemCount
        self.series = series
    }
}

/// One agenda item as the user may see it: pseudonymised items show the subject's code only.
public struct AgendaItem: Hashable, Sendable {
    public let id: Int64
    public let position: Int
    public let title: String
    public let subjectCode: String?
    public let notes: String

    public init(id: Int64, position: Int, title: String, subjectCode: String?, notes: String) {
        self.id = id
        self.position = position
        self.title = title
        self.subjectCode = subjectCode
        self.notes = notes
    }
}

/// An agreement (afspraak, actiepunt) about a signal or case, or made in a meeting: what, who, by when.
public struct ActionItem: Hashable, Sendable {
    public let id: Int64
    public let key: ListKey
    public let description: String
    public let owner: String
    public let due: CivilDate
    /// The signal or case code it is about, if any.
    public let subjectCode: String?
    public let version: Int

    public init(id: Int64, key: ListKey, description: String, owner: String, due: CivilDate, subjectCode: String?, version: Int) {
        self.id = id
        self.key = key
        self.description = description
        self.owner = owner
        self.due = due
        self.subjectCode = subjectCode
        self.version = version
    }
}

/// Reading meetings and their agendas, with the access policy applied: what the Overleggen tab lists.
public protocol MeetingBrowsing: Sendable {
    /// Meetings in time order, earliest first; `.after(meetingListKey(atStartOf: today))` starts at today's.
    func meetingPage(_ request: PageRequest, limit: Int, for user: User) throws(StoreFailure) -> Page<Meeting>
    /// The key of the list's place at the start of `day`: the page after it lists the meetings
    /// from that day on, the page before it those earlier.
    func meetingListKey(atStartOf day: CivilDate) -> ListKey
    func agenda(ofMeeting meetingID: Int64, for user: User) throws(StoreFailure) -> [AgendaItem]
    /// What waits for a table of the kinds the user may see, oldest first (at most `limit`).
    func waitingForDiscussion(limit: Int, for user: User) throws(StoreFailure) -> [WaitingDiscussion]
}

/// Planning meetings, their agendas and the agreements made, with the access policy applied.
public protocol MeetingPlanning: MeetingBrowsing {
    func planMeeting(kind: MeetingKind, title: String, startsAt: LocalDateTime, location: String,
                     municipality: Municipality?, by user: User) throws(StoreFailure) -> Int64
    func addAgendaItem(toMeeting meetingID: Int64, title: String, about subject: TimelineSubject?,
                       by user: User) throws(StoreFailure) -> Int64
    func addActionItem(about subject: TimelineSubject, description: String, owner: String, due: CivilDate,
                       by user: User) throws(StoreFailure) -> Int64
    func openActionItems(_ request: PageRequest, limit: Int, for user: User) throws(StoreFailure) -> Page<ActionItem>
}
