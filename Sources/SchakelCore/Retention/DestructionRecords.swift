import Meldroute

/// A destruction list (vernietigingslijst): what a beheerder proposed to destroy, and what became
/// of each record once a procesmanager — never the same login — approved it.
public struct DestructionList: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable {
        /// Waiting for a procesmanager's approval.
        case proposed = "voorgesteld"
        /// Approved: its records are destroyed (or dropped out, with the reason).
        case approved = "goedgekeurd"
        /// A newer proposal took its place before anyone approved it.
        case replaced = "vervangen"
    }

    public let id: Int64
    public let proposedBy: String
    public let proposedOn: CivilDate
    public let status: Status
    public let approvedBy: String?
    public let approvedOn: CivilDate?
    public let items: [DestructionItem]

    public init(id: Int64, proposedBy: String, proposedOn: CivilDate, status: Status, approvedBy: String?, approvedOn: CivilDate?,
                items: [DestructionItem]) {
        self.id = id
        self.proposedBy = proposedBy
        self.proposedOn = proposedOn
        self.status = status
        self.approvedBy = approvedBy
        self.approvedOn = approvedOn
        self.items = items
    }

    public var destroyed: [DestructionItem] { items.filter { if case .destroyed = $0.state { true } else { false } } }
    public var droppedOut: [DestructionItem] { items.filter { if case .droppedOut = $0.state { true } else { false } } }
    /// Approved, but not every record was done yet (a crash, a full disk): `schakel bewaren uitvoeren` finishes it.
    public var isUnfinished: Bool { status == .approved && items.contains { $0.state == .waiting } }
}

/// One record of a destruction list: what the list shows of it (never its content), and its fate.
public struct DestructionItem: Hashable, Sendable {
    public enum State: Hashable, Sendable {
        case waiting
        case destroyed(on: CivilDate)
        /// No longer due when the list was approved (reopened, or its case reopened): kept.
        case droppedOut(reason: String)
    }

    public let due: RetentionDue
    public let state: State

    public init(due: RetentionDue, state: State) {
        self.due = due
        self.state = state
    }
}

/// What the Beheer tab shows of retention: whether the periods were confirmed, what is due now,
/// the proposal waiting for approval and the last list approved.
public struct RetentionOverview: Hashable, Sendable {
    public let rulesConfirmed: Bool
    public let due: [RetentionDue]
    public let proposal: DestructionList?
    public let lastApproved: DestructionList?

    public init(rulesConfirmed: Bool, due: [RetentionDue], proposal: DestructionList?, lastApproved: DestructionList?) {
        self.rulesConfirmed = rulesConfirmed
        self.due = due
        self.proposal = proposal
        self.lastApproved = lastApproved
    }
}

/// Proposing and approving destruction lists: the beheerder proposes, a procesmanager approves.
public protocol RetentionKeeping: Sendable {
    func retentionOverview(under rules: RetentionRules, today: CivilDate, for user: User) throws(StoreFailure) -> RetentionOverview
    /// A new list of what is due on `today`; an earlier proposal not yet approved is replaced.
    func proposeDestruction(under rules: RetentionRules, today: CivilDate, by user: User) throws(StoreFailure) -> DestructionList
    /// Approves list `id` and destroys its records, one transaction each; what is no longer due drops out.
    func approveDestruction(_ id: Int64, under rules: RetentionRules, today: CivilDate, by user: User) throws(StoreFailure) -> DestructionList
}
