import SchakelCore

/// Tab 6, Beheer: who may use Schakel. The users, one selected; a form to add or change one; a
/// question before blocking. Nothing of any case is here.
public struct AdministrationState: Hashable, Sendable {
    public var users: [ManagedUser] = []
    public var isLoaded = false
    public var selected = 0
    public var form: UserForm?
    /// `b` was pressed: blocking (or unblocking) the selected user waits for `j`.
    public var isConfirmingBlock = false
    /// The user to select once the list is loaded again (the one just saved).
    var loginToSelect: String?

    public init() {}

    var selectedUser: ManagedUser? { users.indices.contains(selected) ? users[selected] : nil }
}
