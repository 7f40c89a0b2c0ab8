import GRDB
import SchakelCore

extension Store {
    /// Starts a session: the active user with this login, with the login in the audit log.
    /// An unknown or inactive login is refused, and the refusal is logged too.
    public func logIn(login: String) throws(StoreFailure) -> User {
        let pseudoUser = User(id: 0, login: login, displayName: login, role: .administrator, municipality: nil)
        do {
            let user = try user(login: login)
            // A read-only database cannot record the login; it then shows nothing that must be audited.
            if !isReadOnly { try audit(AuditRecord(.login, "user", login), by: user) }
            return user
        } catch let failure {
            switch failure {
            case .unknownUser where !isReadOnly, .inactiveUser where !isReadOnly:
                try audit(AuditRecord(.login, "user", login, result: .denied, detail: failure == .unknownUser(login: login)
                                          ? "onbekende gebruiker" : "account niet actief"), by: pseudoUser)
            default:
                break
            }
            throw failure
        }
    }

    /// Starts a session as another user, for `--als`: only on a demo database. On a real one the
    /// attempt to be someone else is refused, and logged as `denied` under the login that made it.
    public func logIn(as asked: String, by actual: String) throws(StoreFailure) -> User {
        guard try isDemo() else {
            if !isReadOnly {
                try audited(byLogin: actual) { _ in ((), AuditRecord(.login, "user", asked, result: .denied, detail: "--als op een echte database")) }
            }
            throw .refused("--als kan alleen bij een demodatabase; hier geldt wie er is ingelogd.")
        }
        return try logIn(login: asked)
    }

    /// A start refused before a user could be looked up (sudo misused, files open to others, root
    /// without sudo): logged as a denied login when this process can write the database at all.
    public func recordRefusedStart(actor: String, claimed: String, reason: String) {
        guard !isReadOnly else { return }
        let reason = reason.prefix { $0 != "." && $0 != "\n" }
        try? audited(byLogin: actor) { _ in ((), AuditRecord(.login, "user", claimed, result: .denied, detail: String(reason))) }
    }

    /// The active user with this login. Unknown and inactive logins are refused with a reason.
    public func user(login: String) throws(StoreFailure) -> User {
        let row = try read { db in
            try Row.fetchOne(db, sql: """
                SELECT u.id, u.login, u.display_name, u.role, u.active, m.id AS m_id, m.name AS m_name
                FROM app_user u LEFT JOIN municipality m ON m.id = u.municipality_id
                WHERE u.login = ?
                """, arguments: [login])
        }
        guard let row else { throw .unknownUser(login: login) }
        guard row["active"] as Bool else { throw .inactiveUser(login: login) }
        guard let role = Role(rawValue: row["role"]) else { throw .other("onbekende rol voor \(login)") }
        let municipality: Municipality? = (row["m_id"] as Int64?).map { Municipality(id: $0, name: row["m_name"]) }
        return User(id: row["id"], login: row["login"], displayName: row["display_name"], role: role, municipality: municipality)
    }
}
