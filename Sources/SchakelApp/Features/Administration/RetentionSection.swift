import Meldroute
import SchakelCore
import TerminalKit

/// The destruction list in tab 7: what is over its period, or the list a beheerder proposed, and
/// what became of the last one approved. The beheerder proposes (`p`), a procesmanager approves
/// (`a`); both wait for `j`, asked as the Beheer tab's one on-top value.
public struct RetentionSection: Hashable, Sendable {
    public var overview: RetentionOverview?
    /// Why the list could not be loaded, shown in its place until a load succeeds.
    public var loadProblem: String?
    public var selected = 0
    /// The list just approved in this session, shown with each record's fate until the next load.
    public var approved: DestructionList?
    public init() {}

    /// What the table shows: the list just approved, the proposal, or what is due.
    public var rows: [DestructionItem] {
        if let approved { return approved.items }
        if let proposal = overview?.proposal { return proposal.items }
        return overview?.due.map { DestructionItem(due: $0, state: .waiting) } ?? []
    }
}

enum RetentionReducer {
    /// A key for the list while nothing is on top of it; what it opens goes on top of the tab.
    static func keyPressed(_ key: Key, _ section: inout RetentionSection, onTop: inout AdministrationState.OnTop?,
                           user: User) -> [AdministrationEffect] {
        switch key {
        case .character("p") where AccessPolicy.canProposeDestruction(user):
            if section.overview?.due.isEmpty == false { onTop = .confirmingProposal }
        case .character("a") where user.role == .processManager:
            if let proposal = section.overview?.proposal { onTop = .confirmingApproval(listID: proposal.id) }
        case .control("r"):
            section.approved = nil
            return [.loadRetention]
        default:
            section.selected = ShortList.moved(section.selected, by: key, count: section.rows.count)
        }
        return []
    }

    /// The question on the status line while `p` or `a` waits for `j`.
    static func prompt(_ section: RetentionSection, onTop: AdministrationState.OnTop?) -> String? {
        switch onTop {
        case .confirmingProposal?:
            let count = section.overview?.due.count ?? 0
            return " " + YesNoQuestion.prompt("Deze \(count) records voorstellen voor vernietiging?")
        case .confirmingApproval(let id)?:
            let count = section.overview?.proposal?.items.count ?? 0
            return " " + YesNoQuestion.prompt("Lijst \(id): \(count) records onherroepelijk vernietigen?")
        default:
            return nil
        }
    }

    /// What the approver is told: how many were destroyed, and which dropped out and why.
    static func outcome(of list: DestructionList) -> String {
        var message = "Lijst \(list.id): \(list.destroyed.count) vernietigd"
        let dropped = list.droppedOut
        guard !dropped.isEmpty else { return message + "." }
        message += ", \(dropped.count) vervallen ("
        message += dropped.map { item in
            if case .droppedOut(let reason) = item.state { "\(item.due.code) \(reason)" } else { item.due.code }
        }.joined(separator: "; ")
        return message + ")."
    }
}
