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
        let validLogin = login.count >= 2 && login.count <= 32
            && login.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
        guard validLogin else { throw .other("een login is 2 tot 32 tekens: kleine letters, cijfers, punt, streepje of liggend streepje") }
        let name = displayName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else { throw .other("een naam is 1 tot 100 tekens") }
        guard (role == .designatedOfficer) == (municipality != nil) else {
            throw .other(role == .designatedOfficer ? "een aandachtsfunctionaris hoort bij een gemeente"
                                                    : "een \(role.label) werkt voor de regio, zonder gemeente")
        }
        let outcome = try audited(by: administrator) { db -> (Int64?, AuditRecord) in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM app_user WHERE login = ?)", arguments: [login])! {
                return (nil, AuditRecord(.create, "user", login, result: .rejected, detail: "bestaat al"))
            }
            try db.execute(sql: "INSERT INTO app_user (login, display_name, role, municipality_id) VALUES (?, ?, ?, ?)",
                           arguments: [login, name, role.rawValue, municipality?.id])
            return (db.lastInsertedRowID, AuditRecord(.create, "user", login, detail: role.rawValue))
        }
        guard let outcome else { throw .other("de login '\(login)' bestaat al") }
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
