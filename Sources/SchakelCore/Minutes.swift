import Meldroute
import TextSafety

/// What is minuted for one agenda item at one time: the summary (replacing the one before), and a
/// decision and an action item when there is one to add.
public struct MinutesEntry: Hashable, Sendable {
    public var summary: String
    /// Empty: no decision added this time.
    public var decision: String
    /// Empty: no action item added this time.
    public var action: String
    /// The organisation or person who carries the action out.
    public var actionOwner: String
    public var actionDue: CivilDate?

    public init(summary: String, decision: String = "", action: String = "", actionOwner: String = "", actionDue: CivilDate? = nil) {
        self.summary = summary
        self.decision = decision
        self.action = action
        self.actionOwner = actionOwner
        self.actionDue = actionDue
    }

    /// What is wrong with it on `today`, in Dutch, or nil.
    public func problem(today: CivilDate) -> String? {
        if summary.count > 4000 { return "De samenvatting is hooguit 4000 tekens." }
        if decision.count > 1000 { return "Een besluit is hooguit 1000 tekens." }
        if action.count > 1000 { return "Een actie is hooguit 1000 tekens." }
        // A decision is one line: the minutes keep their decisions a line each.
        if let wrong = FieldCharacters.firstProblem([("Samenvatting", summary, true), ("Besluit", decision, false), ("Actie", action, false),
                                                      ("Actiehouder", actionOwner, false)]) {
            return wrong
        }
        if action.isEmpty {
            if !actionOwner.isEmpty || actionDue != nil { return "Vul de actie in, of laat actiehouder en datum leeg." }
            return nil
        }
        if actionOwner.trimmingCharacters(in: .whitespaces).isEmpty { return "Een actie heeft een actiehouder: wie voert haar uit?" }
        guard let due = actionDue else { return "Een actie heeft een datum waarop ze klaar is." }
        if due < today { return "De datum van de actie (\(due.dutch)) ligt in het verleden." }
        return nil
    }
}

/// Which open action items to list.
public struct ActionFilter: Hashable, Sendable {
    /// Part of the owner's name, any case; empty: all.
    public var owner: String
    /// Only those made in this meeting.
    public var meetingID: Int64?

    public init(owner: String = "", meetingID: Int64? = nil) {
        self.owner = owner
        self.meetingID = meetingID
    }

    public static let all = ActionFilter()
}

/// Minutes per agenda item, written back to the signals' and cases' timelines, and the action
/// items that come of them.
public protocol MinutesKeeping: Sendable {
    /// Records the entry for an item, checked against the meeting's version; each decision and
    /// action item goes onto the item's signal or case timeline in the same transaction.
    func recordMinutes(_ entry: MinutesEntry, onItem itemID: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) -> Int
    /// Open action items the user may see, soonest due first, paged by key.
    func openActionItems(_ request: PageRequest, limit: Int, filter: ActionFilter, for user: User,
                         _ occasion: ReadOccasion) throws(StoreFailure) -> Page<ActionItem>
    /// Marks an action item done (a line on its timeline too); refused when it changed since.
    func completeActionItem(_ id: Int64, expectedVersion: Int, by user: User) throws(StoreFailure)
    /// The minutes of a meeting the user sees in full, for export; audited.
    func minutesForExport(meetingID: Int64, for user: User) throws(StoreFailure) -> MinutesExport
}

/// A meeting's minutes as they leave Schakel: the agenda with each item's summary, decisions and
/// action items.
public struct MinutesExport: Hashable, Sendable {
    public let meeting: Meeting
    public let items: [AgendaItem]
    /// Every action item agreed in the meeting, open or done, in the order they were made.
    public let actions: [ActionItem]

    public init(meeting: Meeting, items: [AgendaItem], actions: [ActionItem]) {
        self.meeting = meeting
        self.items = items
        self.actions = actions
    }

    public func document(statusLabel: String) -> MinutesDocument {
        MinutesDocument(meeting: meeting, items: items, actions: actions, statusLabel: statusLabel)
    }
}

/// Where exports made on the screen go: a folder the administrator sets for the database.
public protocol ExportFiling: Sendable {
    /// The folder, or nil when none is set.
    func exportFolder() throws(StoreFailure) -> String?
    /// Writes `text` as `name` in the export folder, whole or not at all and readable by its owner
    /// only; the path written. Audited with the path.
    func writeExport(_ text: String, named name: String, by user: User) throws(StoreFailure) -> String
}

extension MinutesKeeping {
    /// A page of action items a person asked for (audited).
    public func openActionItems(_ request: PageRequest, limit: Int, filter: ActionFilter = .all,
                                for user: User) throws(StoreFailure) -> Page<ActionItem> {
        try openActionItems(request, limit: limit, filter: filter, for: user, .asked)
    }
}
