import Foundation
import GRDB
import Meldroute
import SchakelCore

/// A real (not demo) database put into service: the schema with the municipalities, the shipped
/// sociale kaart, and a first beheerder; owner-only on disk.
extension Store {
    /// Creates the database at `path` (which must not exist) with `administrator` as its first
    /// beheerder and `directory` brought in; the file is made readable by its owner only.
    public static func initialise(path: String, administrator login: String, displayName: String, directory: ShippedDirectory,
                                  origin: SessionOrigin = .local, now: @escaping @Sendable () -> Date = { Date() }) throws(StoreFailure) -> Store {
        guard UserRules.problem(login: login, displayName: displayName) == nil else {
            throw .refused(UserRules.problem(login: login, displayName: displayName)!)
        }
        let store = try create(path: path, origin: origin, now: now)
        chmod(path, 0o600)
        try store.audited(byLogin: login) { db in
            try db.execute(sql: "INSERT INTO app_user (login, display_name, role) VALUES (?, ?, 'beheerder')",
                           arguments: [login, displayName.trimmingCharacters(in: .whitespaces)])
            _ = try ShippedDirectoryRows.bringIn(directory, dryRun: false, in: db)
            return ((), AuditRecord(.create, "database", path, detail: "aangemaakt; eerste beheerder \(login); sociale kaart versie \(directory.version)"))
        }
        return store
    }

    /// Changes a user's name, role and municipality. Only the beheerder may; audited with what changed.
    public func updateUser(login: String, displayName: String, role: Role, municipality: Municipality?,
                           by administrator: User) throws(StoreFailure) {
        guard AccessPolicy.canManageUsers(administrator) else {
            try audit(AuditRecord(.update, "user", login, result: .denied), by: administrator)
            throw .noAccess
        }
        if let problem = UserRules.problem(login: login, displayName: displayName, role: role, municipality: municipality) {
            throw .refused(problem)
        }
        let found = try audited(by: administrator) { db -> (Bool, AuditRecord) in
            try db.execute(sql: "UPDATE app_user SET display_name = ?, role = ?, municipality_id = ? WHERE login = ?",
                           arguments: [displayName.trimmingCharacters(in: .whitespaces), role.rawValue, municipality?.id, login])
            let found = db.changesCount == 1
            return (found, AuditRecord(.update, "user", login, result: found ? .ok : .notFound,
                                       detail: "\(role.rawValue)\(municipality.map { ", " + $0.name } ?? "")"))
        }
        if !found { throw .unknownUser(login: login) }
    }

    /// Every user, active or not, in login order: what `schakel gebruiker lijst` prints. Only the beheerder may.
    public func users(by administrator: User) throws(StoreFailure) -> [(user: User, isActive: Bool)] {
        guard AccessPolicy.canManageUsers(administrator) else {
            try audit(AuditRecord(.list, "user", result: .denied), by: administrator)
            throw .noAccess
        }
        return try audited(by: administrator) { db in
            let users = try Row.fetchAll(db, sql: """
                SELECT u.id, u.login, u.display_name, u.role, u.active, m.id AS m_id, m.name AS m_name
                FROM app_user u LEFT JOIN municipality m ON m.id = u.municipality_id ORDER BY u.login
                """).compactMap { row -> (user: User, isActive: Bool)? in
                guard let role = Role(rawValue: row["role"]) else { return nil }
                let municipality = (row["m_id"] as Int64?).map { Municipality(id: $0, name: row["m_name"]) }
                return (User(id: row["id"], login: row["login"], displayName: row["display_name"], role: role, municipality: municipality),
                        row["active"])
            }
            return (users, AuditRecord(.list, "user", detail: "\(users.count) gebruikers"))
        }
    }
}
