import Foundation
import Glibc
import SchakelCore
import SchakelStore

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

    fileprivate static func effectiveLogin() -> String? {
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

extension LoginIdentity {
    /// The login acting on the database `store` has open. A refusal (sudo misused, root without
    /// sudo) is logged in the store, as far as this process may write it, before it is thrown.
    static func current(on store: Store, session: Bool = false) throws -> String {
        do {
            return try current(database: store.path, session: session)
        } catch let refusal as StartupFailure {
            recordRefusal(refusal, in: store)
            throw refusal
        }
    }

    /// A refused start, logged under the account that tried and the identity it claimed.
    static func recordRefusal(_ refusal: StartupFailure, in store: Store) {
        let account = effectiveLogin() ?? "uid \(geteuid())"
        let claimed = ProcessInfo.processInfo.environment["SUDO_USER"].flatMap { $0.isEmpty ? nil : $0 } ?? account
        store.recordRefusedStart(actor: account, claimed: claimed, reason: refusal.description)
    }

    /// A demo's work asked of a real database (its users, its fictional data): refused, and logged in
    /// it under whoever asked, as far as this process may write it.
    static func recordRefusal(onRealDatabase path: String, claimed: String, reason: String) {
        guard let store = try? Store.open(path: path, origin: origin()) else { return }
        store.recordRefusedStart(actor: acting(database: path), claimed: claimed, reason: reason)
    }

    /// Who is really at the keyboard, for logging an attempt to act as someone else (`--als`).
    static func acting(database path: String) -> String {
        (try? current(database: path)) ?? effectiveLogin() ?? "uid \(geteuid())"
    }
}
