/// A user as the beheerder sees them: who, with which role and place, and whether they may log in.
public struct ManagedUser: Hashable, Sendable {
    public let user: User
    public let isActive: Bool

    public init(user: User, isActive: Bool) {
        self.user = user
        self.isActive = isActive
    }
}

/// What the Beheer pane asks of the store: the users, and changes to them (only a beheerder's,
/// each in the audit log; never any case content).
public protocol UserAdministering: Sendable {
    func managedUsers(by administrator: User) throws(StoreFailure) -> [ManagedUser]
    @discardableResult
    func createUser(login: String, displayName: String, role: Role, municipality: Municipality?, by administrator: User) throws(StoreFailure)
        -> Int64
    func updateUser(login: String, displayName: String, role: Role, municipality: Municipality?, by administrator: User) throws(StoreFailure)
    func setUserActive(login: String, active: Bool, by administrator: User) throws(StoreFailure)
}
