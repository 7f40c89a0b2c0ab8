import Foundation
import Glibc

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
}
