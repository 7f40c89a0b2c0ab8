import Meldroute

/// Which signals the inbox shows, within what the user may see. Empty sets mean "all".
public struct SignalFilter: Hashable, Sendable, Codable {
    public var states: Set<String> = []
    public var municipalityIDs: Set<Int64> = []
    /// Signals involving any of these forms.
    public var forms: Set<Int> = []
    public var acuteOnly = false
    public var minorOnly = false
    /// Registered by the user.
    public var mineOnly = false
    /// With a running deadline already passed (Achterstallig).
    public var overdueOnly = false

    public init() {}

    public var isEmpty: Bool { self == SignalFilter() }

    /// In Dutch, for the header of the list.
    public func summary(workflow: WorkflowDefinition) -> String {
        var parts: [String] = []
        if overdueOnly { parts.append("achterstallig") }
        if !states.isEmpty { parts.append(states.sorted().map { workflow.label(ofState: $0) }.joined(separator: "/")) }
        if !municipalityIDs.isEmpty {
            parts.append(Municipality.twente.filter { municipalityIDs.contains($0.id) }.map(\.name).joined(separator: "/"))
        }
        if !forms.isEmpty {
            parts.append(ExploitationForm.allCases.filter { forms.contains($0.rawValue) }.map(\.shortLabel).joined(separator: "/"))
        }
        if acuteOnly { parts.append("acuut") }
        if minorOnly { parts.append("minderjarige") }
        if mineOnly { parts.append("door mij") }
        return parts.joined(separator: ", ")
    }
}

/// One way a signal can be overdue, worked out for today: in one of `states`, with its deadline's
/// start before `cutoff` (the first start date whose deadline is not yet past).
public struct OverdueRule: Hashable, Sendable {
    public enum Start: Hashable, Sendable {
        case received
        /// A date recorded with an event, as stored in the route data.
        case recorded(event: String, field: String)
    }

    public let states: [String]
    public let start: Start
    public let cutoff: CivilDate

    public init(states: [String], start: Start, cutoff: CivilDate) {
        self.states = states
        self.start = start
        self.cutoff = cutoff
    }

    /// The rules for the workflow's deadlines (those without a condition: a condition such as
    /// "crisis" is not a column a list can filter on), for `today`.
    public static func rules(for workflow: WorkflowDefinition, today: CivilDate, calendar: WorkingDayCalendar) -> [OverdueRule] {
        workflow.deadlines.filter { $0.condition == nil }.map { deadline in
            // A deadline is past when its due date is before today; due dates only grow with the
            // start date, so step back from today to the first start whose due date is today or later.
            func due(_ start: CivilDate) -> CivilDate {
                deadline.workingDays == 0 ? calendar.workingDay(onOrAfter: start) : calendar.addWorkingDays(deadline.workingDays, to: start)
            }
            var cutoff = today
            while due(cutoff.adding(days: -1)) >= today { cutoff = cutoff.adding(days: -1) }
            let start: Start
            switch deadline.anchor {
            case .received: start = .received
            case .field(let event, let field): start = .recorded(event: event, field: field)
            }
            return OverdueRule(states: deadline.runningIn, start: start, cutoff: cutoff)
        }
    }
}

/// A filter kept under a name, by its owner, perhaps shared with the team.
public struct SavedFilter: Hashable, Sendable {
    public let id: Int64
    public let name: String
    public let owner: String
    public let isOwn: Bool
    public let isShared: Bool
    public let filter: SignalFilter

    public init(id: Int64, name: String, owner: String, isOwn: Bool, isShared: Bool, filter: SignalFilter) {
        self.id = id
        self.name = name
        self.owner = owner
        self.isOwn = isOwn
        self.isShared = isShared
        self.filter = filter
    }
}

/// Named filters: the user's own, and those colleagues of the same team share.
public protocol FilterKeeping: Sendable {
    func saveFilter(named name: String, _ filter: SignalFilter, shared: Bool, by user: User) throws(StoreFailure)
    func savedFilters(for user: User) throws(StoreFailure) -> [SavedFilter]
}
