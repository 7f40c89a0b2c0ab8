import SchakelCore

/// Tab 7, Beheer: who may use Schakel (the users, one selected; a form to add or change one; a
/// question before blocking), and the destruction list. Nothing of any case is here but codes.
public struct AdministrationState: Hashable, Sendable {
    /// Which part is shown: the beheerder switches with Tab; a procesmanager has the destruction list only.
    public var section: Section = .users
    public var retention = RetentionSection()
    /// Who opened the tab (set when it is shown): the keys offered depend on it.
    public var viewer: User?

    public var users: [ManagedUser] = []
    public var isLoaded = false
    public var selected = 0
    /// What is open over the list, one thing at a time; nil while the list has the keys.
    public var onTop: OnTop?
    /// The user to select once the list is loaded again (the one just saved).
    var loginToSelect: String?

    public init() {}

    public enum Section: Hashable, Sendable {
        case users
        case destruction
    }

    /// What can be open over the users.
    public enum OnTop: Hashable, Sendable {
        /// A user being added or changed.
        case form(UserForm)
        /// `b` was pressed: blocking (or unblocking) the selected user waits for `j`.
        case confirmingBlock
        /// `p`: proposing what is due for destruction waits for `j`.
        case confirmingProposal
        /// `a`: approving the proposal (and so destroying its records) waits for `j`.
        case confirmingApproval(listID: Int64)
        /// The store is proposing or approving: keys wait.
        case working
    }

    // What is on top, read as its form: for the views and the tests. Changed only through `onTop`.
    public var form: UserForm? { if case .form(let form)? = onTop { form } else { nil } }

    var selectedUser: ManagedUser? { users.indices.contains(selected) ? users[selected] : nil }
}
