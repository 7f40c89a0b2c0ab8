import Foundation
import Meldroute
import SchakelCore
@testable import SchakelApp

/// The fake store: the retention overview it answers, and the proposals and approvals asked of it.
extension FakeSignals {
    func retentionOverview(under rules: RetentionRules, today: CivilDate, for user: User) throws(StoreFailure) -> RetentionOverview {
        retentionRequests.append("overzicht \(user.login)")
        if let failure = retentionFailure { throw failure }
        return overview
    }

    func proposeDestruction(under rules: RetentionRules, today: CivilDate, by user: User) throws(StoreFailure) -> DestructionList {
        retentionRequests.append("voorstel \(user.login)")
        if let failure = retentionFailure { throw failure }
        let list = DestructionList(id: 7, proposedBy: user.login, proposedOn: today, status: .proposed, approvedBy: nil, approvedOn: nil,
                                   items: overview.due.map { DestructionItem(due: $0, state: .waiting) })
        overview = RetentionOverview(rulesConfirmed: overview.rulesConfirmed, due: overview.due, proposal: list, lastApproved: overview.lastApproved)
        return list
    }

    func approveDestruction(_ id: Int64, under rules: RetentionRules, today: CivilDate, by user: User) throws(StoreFailure) -> DestructionList {
        retentionRequests.append("goedkeuring \(id) \(user.login)")
        if let failure = retentionFailure { throw failure }
        guard let proposal = overview.proposal else { throw .refused("Er is geen vernietigingslijst \(id).") }
        let approved = DestructionList(id: id, proposedBy: proposal.proposedBy, proposedOn: proposal.proposedOn, status: .approved,
                                       approvedBy: user.login, approvedOn: today,
                                       items: proposal.items.enumerated().map { index, item in
                                           DestructionItem(due: item.due, state: index == 0 && approvalDropsFirst
                                                           ? .droppedOut(reason: "heropend op 20-12-2026")
                                                           : .destroyed(on: today))
                                       })
        overview = RetentionOverview(rulesConfirmed: overview.rulesConfirmed, due: [], proposal: nil, lastApproved: approved)
        return approved
    }
}
