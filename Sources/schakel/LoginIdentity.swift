import Foundation
import Glibc
import SchakelCore

/// Who is at the keyboard: the OS login, or `SUDO_USER` when started through sudo as the account
/// that owns the database (see `LaunchPolicy`).
enum LoginIdentity {
    /// The login acting on the database at `path`; for a `session`, after the stricter checks.
    static func current(database path: String, session: Bool = false) throws -> String {
        switch LaunchPolicy.login(for: try facts(database: path), databasePath: path, session: session) {
        case .success(let login): return login
        case .failure(let refusal): throw StartupFailure(description: refusal.description)
        }
    }

    /// The OS login this process runs as (for a database not made yet, or a demo).
    static func processLogin() throws -> String {
        if let login = effectiveLogin() { return login }
        throw StartupFailure(description: "Kan niet vaststellen wie er is ingelogd.")
    }

    static func facts(database path: String) throws -> LaunchFacts {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: path) else {
            throw StartupFailure(description: "Het databasebestand \(path) bestaat niet.")
        }
        return LaunchFacts(effectiveUserID: geteuid(), effectiveLogin: effectiveLogin(),
                           sudoUser: ProcessInfo.processInfo.environment["SUDO_USER"],
                           database: try fileFacts(path), folder: try fileFacts(folder))
    }

    static func fileFacts(_ path: String) throws -> FileFacts {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw StartupFailure(description: "\(path) bestaat niet of is niet te lezen (\(String(cString: strerror(errno)))).")
        }
        return FileFacts(ownerID: status.st_uid, mode: UInt32(status.st_mode))
    }

    private static func effectiveLogin() -> String? {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }

    /// Where the session comes from, for the audit log: the SSH client's address and, when run
    /// through sudo, the service account acted through.
    static func origin() -> SessionOrigin {
        let environment = ProcessInfo.processInfo.environment
        var serviceAccount: String?
        if let sudoUser = environment["SUDO_USER"], !sudoUser.isEmpty { serviceAccount = effectiveLogin() }
        return SessionOrigin.from(sshClient: environment["SSH_CLIENT"], onBehalfOf: serviceAccount)
    }
}
