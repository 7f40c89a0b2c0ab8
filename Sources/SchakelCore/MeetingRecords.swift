import Meldroute
import TextSafety

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
    /// Rises with every change to the meeting or its agenda: a save against an older one is refused.
    public let version: Int
    public let chair: String
    /// The calendar file's SEQUENCE: rises whenever the meeting or its agenda changes.
    public let calendarSequence: Int
    /// The organisations invited (filled in when one meeting is fetched, not in lists).
    public let invited: [String]

    public init(id: Int64, key: ListKey, kind: MeetingKind, title: String, startsAt: LocalDateTime, location: String,
                municipality: String?, status: String, visibility: Visibility, lengthMinutes: Int = 90, itemCount: Int = 0,
                series: String? = nil, version: Int = 1, chair: String = "", calendarSequence: Int = 0, invited: [String] = []) {
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
        self.version = version
        self.chair = chair
        self.calendarSequence = calendarSequence
        self.invited = invited
    }
}

/// One agenda item as the user may see it: pseudonymised items show the subject's code only.
/// Never a name, never a signal's description: about a signal or case it shows the code, the
/// persons' pseudonym codes, the forms of exploitation and the municipality.
public struct AgendaItem: Hashable, Sendable {
    public let id: Int64
    public let position: Int
    public let title: String
    public let subjectCode: String?
    public let notes: String
    /// The question to the table.
    public let question: String
    /// The organisation that brings it (from the partner directory).
    public let broughtBy: String
    public let minutesAllotted: Int
    /// One of the series' standing items (opening, mededelingen, rondvraag, ...).
    public let isStanding: Bool
    /// About a signal or case: its persons' pseudonym codes, forms of exploitation and municipality.
    public let persons: [String]
    public let forms: ExploitationForms
    public let municipality: String?
    /// Organisations invited for this item besides the one that brings it.
    public let invited: [String]
    /// The minutes so far: the summary, and the decisions one per line.
    public let summary: String
    public let decisions: [String]

    public init(id: Int64, position: Int, title: String, subjectCode: String?, notes: String, question: String = "",
                broughtBy: String = "", minutesAllotted: Int = 10, isStanding: Bool = false, persons: [String] = [],
                forms: ExploitationForms = [], municipality: String? = nil, invited: [String] = [], summary: String = "",
                decisions: [String] = []) {
        self.id = id
        self.position = position
        self.title = title
        self.subjectCode = subjectCode
        self.notes = notes
        self.question = question
        self.broughtBy = broughtBy
        self.minutesAllotted = minutesAllotted
        self.isStanding = isStanding
        self.persons = persons
        self.forms = forms
        self.municipality = municipality
        self.invited = invited
        self.summary = summary
        self.decisions = decisions
    }
}

/// What an agenda item says, as its editor fills it in.
public struct AgendaItemDraft: Hashable, Sendable, Codable {
    public var title: String
    public var question: String
    public var broughtBy: String
    public var minutesAllotted: Int
    public var invited: [String]

    public init(title: String, question: String = "", broughtBy: String = "", minutesAllotted: Int = 10, invited: [String] = []) {
        self.title = title
        self.question = question
        self.broughtBy = broughtBy
        self.minutesAllotted = minutesAllotted
        self.invited = invited
    }

    /// Most minutes one item can be given.
    public static let maximumMinutes = 240

    /// What is wrong with it, in Dutch, or nil.
    public var problem: String? {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 300 { return "Een agendapunt heeft een titel van 1 tot 300 tekens." }
        if question.count > 1000 { return "De vraag aan de tafel is hooguit 1000 tekens." }
        if broughtBy.count > 200 { return "De inbrengende organisatie is hooguit 200 tekens." }
        if !(1...Self.maximumMinutes).contains(minutesAllotted) {
            return "Een agendapunt krijgt 1 tot \(Self.maximumMinutes) minuten."
        }
        return FieldCharacters.firstProblem([("Titel", title, false), ("Vraag aan de tafel", question, true), ("Brengt in", broughtBy, false)]
            + invited.map { ("Ook uitgenodigd", $0, false) })
    }
}

/// An agreement (afspraak, actiepunt) about a signal or case, or made in a meeting: what, who, by when.
public struct ActionItem: Hashable, Sendable {
    public let id: Int64
    public let key: ListKey
    public let description: String
    public let owner: String
    public let due: CivilDate
    /// The signal or case it is about, if any, and its code.
    public let subject: TimelineSubject?
    public let subjectCode: String?
    public let version: Int
    /// The meeting it was agreed in, if any: its id and "casustafel mensenhandel 08-12-2026".
    public let meetingID: Int64?
    public let meeting: String?
    /// The agenda item it came from, if any.
    public let agendaItemID: Int64?
    public let isDone: Bool

    public init(id: Int64, key: ListKey, description: String, owner: String, due: CivilDate, subject: TimelineSubject? = nil,
                subjectCode: String?, version: Int, meetingID: Int64? = nil, meeting: String? = nil, agendaItemID: Int64? = nil,
                isDone: Bool = false) {
        self.agendaItemID = agendaItemID
        self.isDone = isDone
        self.subject = subject
        self.id = id
        self.key = key
        self.description = description
        self.owner = owner
        self.due = due
        self.subjectCode = subjectCode
        self.version = version
        self.meetingID = meetingID
        self.meeting = meeting
    }

    /// Past its date on `today`.
    public func isOverdue(on today: CivilDate) -> Bool { due < today }
}

/// Reading meetings and their agendas, with the access policy applied: what the Overleggen tab lists.
public protocol MeetingBrowsing: Sendable {
    /// Meetings in time order, earliest first; `.after(meetingListKey(atStartOf: today))` starts at today's.
    func meetingPage(_ request: PageRequest, limit: Int, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> Page<Meeting>
    /// The key of the list's place at the start of `day`: the page after it lists the meetings
    /// from that day on, the page before it those earlier.
    func meetingListKey(atStartOf day: CivilDate) -> ListKey
    func agenda(ofMeeting meetingID: Int64, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> [AgendaItem]
    /// One meeting, with who is invited; nil when it is not there or not for the user.
    func meeting(id: Int64, for user: User) throws(StoreFailure) -> Meeting?
    /// The agenda as it leaves Schakel, for all the invited or for one invited partner; the export
    /// is written to the audit log. A partner not invited is refused with who is.
    func agendaForExport(meetingID: Int64, partner: String?, format: String, for user: User) throws(StoreFailure) -> AgendaExport
    /// What waits for a table of the kinds the user may see, oldest first (at most `limit`).
    func waitingForDiscussion(limit: Int, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> [WaitingDiscussion]
}

extension MeetingBrowsing {
    /// Pages, an agenda and the waiting list a person asked for (audited).
    public func meetingPage(_ request: PageRequest, limit: Int, for user: User) throws(StoreFailure) -> Page<Meeting> {
        try meetingPage(request, limit: limit, for: user, .asked)
    }

    public func agenda(ofMeeting meetingID: Int64, for user: User) throws(StoreFailure) -> [AgendaItem] {
        try agenda(ofMeeting: meetingID, for: user, .asked)
    }

    public func waitingForDiscussion(limit: Int, for user: User) throws(StoreFailure) -> [WaitingDiscussion] {
        try waitingForDiscussion(limit: limit, for: user, .asked)
    }
}

/// Planning meetings, their agendas and the agreements made, with the access policy applied.
public protocol MeetingPlanning: MeetingBrowsing, AgendaEditing {
    func planMeeting(kind: MeetingKind, title: String, startsAt: LocalDateTime, location: String,
                     municipality: Municipality?, by user: User) throws(StoreFailure) -> Int64
    func addActionItem(about subject: TimelineSubject, description: String, owner: String, due: CivilDate,
                       by user: User) throws(StoreFailure) -> Int64
}

/// Building a meeting's agenda. Every change names the meeting version it was made on: a change on
/// an older one (a colleague saved first) is refused with who did what, and nothing is written. A
/// fixed agenda is not changed until it is opened again. Each returns the meeting's new version.
public protocol AgendaEditing: Sendable {
    /// Adds an item, about a signal or case when given (it leaves the waiting list; its timeline says so).
    func addAgendaItem(_ item: AgendaItemDraft, about subject: TimelineSubject?, toMeeting meetingID: Int64,
                       expectedVersion: Int, by user: User) throws(StoreFailure) -> Int
    /// Adds the series' standing items that the agenda does not have yet.
    func addStandingItems(_ titles: [String], toMeeting meetingID: Int64, expectedVersion: Int,
                          by user: User) throws(StoreFailure) -> Int
    func updateAgendaItem(_ itemID: Int64, _ item: AgendaItemDraft, expectedVersion: Int, by user: User) throws(StoreFailure) -> Int
    /// Moves an item up (negative) or down (positive) by one place.
    func moveAgendaItem(_ itemID: Int64, by offset: Int, expectedVersion: Int, by user: User) throws(StoreFailure) -> Int
    /// Removes an item; a signal or case it was about waits for a table again.
    func removeAgendaItem(_ itemID: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) -> Int
}

/// Moving a meeting through the `overleg` workflow (agenda vastgesteld, gehouden, ...), checked
/// against the meeting's version like an agenda change. Returns the meeting's new version.
public protocol MeetingStepping: Sendable {
    func recordMeetingEvent(_ eventID: String, fields: FieldValues, onMeeting meetingID: Int64, expectedVersion: Int,
                            engine: WorkflowEngine, by user: User) throws(StoreFailure) -> Int
}

/// An agenda ready to be written out: the meeting, its items as the user may see them (one
/// partner's only, when asked), and when it was made (UTC, as `20261201T120000Z`).
public struct AgendaExport: Hashable, Sendable {
    public let meeting: Meeting
    public let items: [AgendaItem]
    /// The partner it is for, named as the meeting's invitation names it.
    public let partner: String?
    public let stamp: String

    public init(meeting: Meeting, items: [AgendaItem], partner: String?, stamp: String) {
        self.meeting = meeting
        self.items = items
        self.partner = partner
        self.stamp = stamp
    }

    /// The document, with the meeting's status named as its workflow names it.
    public func document(statusLabel: String) -> AgendaDocument {
        AgendaDocument(meeting: meeting, items: items, partner: partner, statusLabel: statusLabel)
    }
}
