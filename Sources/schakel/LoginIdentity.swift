import Foundation
import Glibc
import SchakelCore

/// Who is at the keyboard: the OS login, or `SUDO_USER` when started through sudo as a service
/// account.
enum LoginIdentity {
    static func current() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let sudoUser = environment["SUDO_USER"], !sudoUser.isEmpty { return sudoUser }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        if let user = environment["LOGNAME"] ?? environment["USER"], !user.isEmpty { return user }
        throw StartupFailure(description: "Kan niet vaststellen wie er is ingelogd.")
    }

    /// Where the session comes from, for the audit log: the SSH client's address and, when run
    /// through sudo, the service account acted through.
    static func origin() -> SessionOrigin {
        let environment = ProcessInfo.processInfo.environment
        var serviceAccount: String?
        if let sudoUser = environment["SUDO_USER"], !sudoUser.isEmpty, let entry = getpwuid(getuid()),
           let name = entry.pointee.pw_name {
            serviceAccount = String(cString: name)
        }
        return SessionOrigin.from(sshClient: environment["SSH_CLIENT"], onBehalfOf: serviceAccount)
    }
}
