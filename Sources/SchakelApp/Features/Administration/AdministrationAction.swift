import SchakelCore
import TerminalKit

/// What happened in the Beheer tab, or to it.
public enum AdministrationAction: Hashable, Sendable {
    case shown
    case keyPressed(Key)
    case usersLoaded([ManagedUser])
    case failed(String)
    /// A change was saved: the message to show, and the list to load again.
    case saved(String, login: String)
    case retentionLoaded(RetentionOverview)
    /// A list was proposed or approved: what the store answered.
    case destructionProposed(DestructionList)
    case destructionApproved(DestructionList)
    case retentionFailed(String)
}

/// Work for the Beheer tab's runner; each result comes back as an `AdministrationAction`.
public enum AdministrationEffect: Hashable, Sendable {
    case loadUsers
    case save(UserChange)
    case setActive(login: String, active: Bool)
    case loadRetention
    case proposeDestruction
    case approveDestruction(Int64)
}
