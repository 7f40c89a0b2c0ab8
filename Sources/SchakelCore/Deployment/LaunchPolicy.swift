/// Owner and permission bits of a file or folder, as `stat` gives them.
public struct FileFacts: Hashable, Sendable {
    public var ownerID: UInt32
    /// The permission bits (`0o600`, say), without the file type.
    public var mode: UInt32

    public init(ownerID: UInt32, mode: UInt32) {
        self.ownerID = ownerID
        self.mode = mode & 0o7777
    }

    /// Whether anyone but the owner may read, write or enter it.
    public var isOpenToOthers: Bool { mode & 0o077 != 0 }
}

/// How this process was started, read at the edge: who it runs as, what sudo says, and the
/// database it is to open.
public struct LaunchFacts: Hashable, Sendable {
    public var effectiveUserID: UInt32
    /// The login of the effective user, when the password database knows it.
    public var effectiveLogin: String?
    /// `SUDO_USER`, when set and not empty.
    public var sudoUser: String?
    public var database: FileFacts
    public var folder: FileFacts

    public init(effectiveUserID: UInt32, effectiveLogin: String?, sudoUser: String?, database: FileFacts, folder: FileFacts) {
        self.effectiveUserID = effectiveUserID
        self.effectiveLogin = effectiveLogin
        self.sudoUser = sudoUser.flatMap { $0.isEmpty ? nil : $0 }
        self.database = database
        self.folder = folder
    }
}

/// Who is acting on a real database, and when Schakel must not start at all. Identity never comes
/// from input: `SUDO_USER` counts only when Schakel runs as the database's owner (the service
/// account sudo switched to), because anyone else could set it.
public enum LaunchPolicy {
    /// The login. For an officer's `session` (the screen), also refused: a database or folder
    /// others may enter, and root without `SUDO_USER`. A command-line job (an administrator's, an
    /// intake service's) acts as the account it runs as.
    public static func login(for facts: LaunchFacts, databasePath: String, session: Bool) -> Result<String, LaunchRefusal> {
        if session, let problem = permissionProblem(facts, databasePath: databasePath) { return .failure(problem) }
        if let sudoUser = facts.sudoUser {
            guard facts.effectiveUserID == facts.database.ownerID else {
                return .failure(LaunchRefusal(description: "SUDO_USER (\(sudoUser)) telt alleen als Schakel via sudo draait als de "
                    + "eigenaar van de database; dat is hier niet zo. Start Schakel zoals de beheerder het heeft ingericht "
                    + "(via SSH), niet met een eigen SUDO_USER."))
            }
            return .success(sudoUser)
        }
        guard facts.effectiveUserID != 0 || !session else {
            return .failure(LaunchRefusal(description: "Schakel start niet als root zonder SUDO_USER. Start het als uzelf, of via "
                + "sudo als het service-account (zie 'schakel installeer')."))
        }
        guard let login = facts.effectiveLogin, !login.isEmpty else {
            return .failure(LaunchRefusal(description: "Kan niet vaststellen wie er is ingelogd."))
        }
        return .success(login)
    }

    /// A database or folder that others may read is refused: the data are special-category.
    public static func permissionProblem(_ facts: LaunchFacts, databasePath: String) -> LaunchRefusal? {
        let folder = databasePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if facts.database.isOpenToOthers {
            return LaunchRefusal(description: "De database \(databasePath) is ook voor anderen toegankelijk (rechten "
                + "\(octal(facts.database.mode))). Schakel start pas als alleen de eigenaar erbij kan: chmod 600 \(databasePath)")
        }
        if facts.folder.isOpenToOthers {
            let shown = folder.isEmpty ? "." : folder
            return LaunchRefusal(description: "De map \(shown) van de database is ook voor anderen toegankelijk (rechten "
                + "\(octal(facts.folder.mode))). Schakel start pas als alleen de eigenaar erbij kan: chmod 700 \(shown)")
        }
        return nil
    }

    public static func octal(_ mode: UInt32) -> String {
        let digits = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// Why Schakel does not start, in Dutch.
public struct LaunchRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}
