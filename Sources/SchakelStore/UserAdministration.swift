import Foundation
import GRDB
import SchakelCore

extension Store {
    /// Adds a user. Only the beheerder may; an AF works for one municipality, KMT roles for the region.
    @discardableResult
    public func createUser(login: String, displayName: String, role: Role, municipality: Municipality?,
                           by administrator: User) throws(StoreFailure) -> Int64 {
        guard AccessPolicy.canManageUsers(administrator) else {
            try audit(AuditRecord(.create, "user", login, result: .denied), by: administrator)
            throw .noAccess
        }
        if let problem = UserRules.problem(login: login, displayName: displayName, role: role, municipality: municipality) {
            throw .refused(problem)
        }
        let name = displayName.trimmingCharacters(in: .whitespaces)
        let outcome = try audited(by: administrator) { db -> (Int64?, AuditRecord) in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM app_user WHERE login = ?)", arguments: [login])! {
                return (nil, AuditRecord(.create, "user", login, result: .rejected, detail: "bestaat al"))
            }
            try db.execute(sql: "INSERT INTO app_user (login, display_name, role, municipality_id) VALUES (?, ?, ?, ?)",
                           arguments: [login, name, role.rawValue, municipality?.id])
            return (db.lastInsertedRowID, AuditRecord(.create, "user", login, detail: role.rawValue))
        }
        guard let outcome else { throw .refused("De login '\(login)' bestaat al.") }
        return outcome
    }

    /// Switches a user's account on or off; an inactive user cannot log in. Only the beheerder may.
    public func setUserActive(login: String, active: Bool, by administrator: User) throws(StoreFailure) {
        guard AccessPolicy.canManageUsers(administrator) else {
            try audit(AuditRecord(.update, "user", login, result: .denied), by: administrator)
            throw .noAccess
        }
        let found = try audited(by: administrator) { db -> (Bool, AuditRecord) in
            try db.execute(sql: "UPDATE app_user SET active = ? WHERE login = ?", arguments: [active, login])
            let found = db.changesCount == 1
            return (found, AuditRecord(.update, "user", login, result: found ? .ok : .notFound,
                                       detail: active ? "actief" : "niet actief"))
        }
        if !found { throw .unknownUser(login: login) }
    }
}

extension Store: UserAdministering {
    public func managedUsers(by administrator: User) throws(StoreFailure) -> [ManagedUser] {
        try users(by: administrator).map { ManagedUser(user: $0.user, isActive: $0.isActive) }
    }
}
