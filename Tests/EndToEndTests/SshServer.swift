import Foundation
import Glibc
import Testing

/// A throwaway OpenSSH server on 127.0.0.1, set up as `schakel installeer` says: a service
/// account owning the database, an officers' group with one officer, sshd's Match block and the
/// sudoers rule as written by `installeer --schrijf`. Everything it makes (accounts, the sudoers
/// file, the folder) is removed by `tearDown()`.
///
/// With SCHAKEL_PAKKET_TEST=1 (set by `Scripts/test-deb.sh` once the Debian package is installed
/// and its database made) it runs against the packaged install instead: the package's program,
/// accounts, database, sudoers file and sshd block. Only the officer — a login with a dot, made as
/// docs/DEPLOY.md says — and their key are the test's own.
final class SshServer {
    static let againstPackage = ProcessInfo.processInfo.environment["SCHAKEL_PAKKET_TEST"] == "1"

    /// Why the real sshd cannot run here, or nil when it can.
    static var whyNot: String? {
        if geteuid() != 0 { return "sshd and the test accounts need root" }
        for tool in ["/usr/sbin/sshd", "/usr/bin/sudo", "/usr/bin/ssh", "/usr/bin/ssh-keygen"] where access(tool, X_OK) != 0 {
            return "\(tool) is not installed (.ci/run installs openssh-server, openssh-client and sudo)"
        }
        return nil
    }

    static var canRun: Bool { whyNot == nil }

    let folder: String
    /// The program as installed for the test, where the service account can run it.
    let program: String
    let suffix = String(UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(6))
    let packaged = SshServer.againstPackage
    var service: String { packaged ? "schakel" : "sksvc\(suffix)" }
    var officer: String { packaged ? "sk.af\(suffix)" : "skaf\(suffix)" }
    var group: String { packaged ? "schakel-gebruikers" : "skgrp\(suffix)" }
    var database: String { packaged ? "/var/lib/schakel/schakel.sqlite" : folder + "/db/schakel.sqlite" }
    var sudoersFile: String { "/etc/sudoers.d/schakel-test-\(suffix)" }
    private(set) var port: UInt16 = 0
    private var daemon: Spawn.Child?
    private var madePrivilegeFolder = false
    private var cleanup: [[String]] = []

    init() throws {
        let url = try Binary.temporaryDirectory()
        folder = url.path
        chmod(folder, 0o755)
        program = packaged ? "/usr/bin/schakel" : try Binary.installed(in: url)
    }

    /// Accounts, keys, the plan written, the database made, and sshd started.
    func start() throws {
        if packaged { return try startAgainstPackage() }
        try run(["groupadd", group]); cleanup.append(["groupdel", group])
        try run(["useradd", "--system", "--user-group", "--no-create-home", "--home-dir", folder + "/db", "--shell", "/usr/sbin/nologin",
                 service])
        cleanup.insert(["userdel", service], at: 0)
        try run(["useradd", "--no-create-home", "--home-dir", folder, "--shell", "/bin/sh", "--groups", group, officer])
        cleanup.insert(["userdel", officer], at: 0)
        try run(["usermod", "-p", "*", officer])  // no password, but not locked: keys only
        let root = folder + "/root"
        let written = try Spawn.run([program, "installeer", "--schrijf", "--wortel", root, "--account", service, "--groep", group,
                                     "--db", database, "--backupmap", folder + "/backups"])
        guard written.status == 0 else { throw TmuxError(description: "installeer --schrijf: \(written.errors)") }
        // sudo reads only /etc/sudoers.d: the rule installeer wrote (and visudo checked) goes there.
        try FileManager.default.copyItem(atPath: root + "/etc/sudoers.d/schakel", toPath: sudoersFile)
        chmod(sudoersFile, 0o440)
        try run(["beheer", "init", "--db", database, "--beheerder", "beheer.test"], schakel: true)
        let added = try Spawn.run(as: service, [program, "gebruiker", "toevoegen", officer, "--naam", "Proef AF", "--rol", "procesmanager",
                                                 "--db", database])
        guard added.status == 0 else { throw TmuxError(description: "gebruiker toevoegen: \(added.errors)") }
        // Made by root, in the service account's folder: the files are given to that account.
        try keys(root: root)
        try configureAndStart(root: root)
    }

    /// The officer made as docs/DEPLOY.md says, with their key where the package's sshd block looks.
    private func startAgainstPackage() throws {
        try run(["adduser", "--allow-bad-names", "--disabled-password", "--shell", "/bin/sh", "--gecos", "", "--no-create-home",
                 "--home", folder, officer])
        cleanup.insert(["deluser", officer], at: 0)
        try run(["adduser", officer, group])
        try run(["usermod", "-p", "*", officer])  // no password, but not locked: keys only
        let added = try Spawn.run(as: service, [program, "gebruiker", "toevoegen", officer, "--naam", "Proef AF", "--rol", "procesmanager",
                                                 "--db", database])
        guard added.status == 0 else { throw TmuxError(description: "gebruiker toevoegen: \(added.errors)") }
        try keys(root: "")
        cleanup.insert(["rm", "-f", "/etc/ssh/schakel-sleutels/" + officer], at: 0)
        try configureAndStart(root: "")
    }

    private func keys(root: String) throws {
        try FileManager.default.createDirectory(atPath: folder + "/ssh", withIntermediateDirectories: true)
        try run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", folder + "/ssh/host"])
        try run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", folder + "/ssh/client"])
        try FileManager.default.copyItem(atPath: folder + "/ssh/client.pub", toPath: root + "/etc/ssh/schakel-sleutels/" + officer)
        chmod(root + "/etc/ssh/schakel-sleutels/" + officer, 0o644)
    }

    private func configureAndStart(root: String) throws {
        let block = try String(contentsOfFile: root + "/etc/ssh/sshd_config.d/schakel.conf", encoding: .utf8)
            // The one line pointed at this test's folder instead of the server's /etc.
            .replacingOccurrences(of: "AuthorizedKeysFile /etc/ssh/schakel-sleutels/", with: "AuthorizedKeysFile \(root)/etc/ssh/schakel-sleutels/")
        port = try Self.freePort()
        // As Debian's sshd_config has it, with an sftp subsystem: the Match block must win over it.
        let configuration = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(folder)/ssh/host
            PidFile \(folder)/ssh/sshd.pid
            UsePAM no
            StrictModes no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            AuthorizedKeysFile none
            AllowUsers \(officer)
            Subsystem sftp /usr/lib/openssh/sftp-server
            LogLevel VERBOSE

            """ + block
        try configuration.write(toFile: folder + "/ssh/sshd_config", atomically: true, encoding: .utf8)
        if !FileManager.default.fileExists(atPath: "/run/sshd") {
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
            madePrivilegeFolder = true
        }
        let check = try Spawn.run(["/usr/sbin/sshd", "-t", "-f", folder + "/ssh/sshd_config"])
        guard check.status == 0 else { throw TmuxError(description: "sshd -t: \(check.errors)") }
        daemon = try Spawn.start(["/usr/sbin/sshd", "-D", "-e", "-f", folder + "/ssh/sshd_config"])
        let deadline = Date().addingTimeInterval(10)
        while !Self.accepts(port), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }

    /// The ssh command line for the officer, with `options` before the host and `command` after.
    func ssh(_ options: [String] = [], _ command: [String] = []) -> [String] {
        ["ssh", "-F", "/dev/null"] + clientOptions + ["-p", "\(port)"] + options + ["\(officer)@127.0.0.1"] + command
    }

    var clientOptions: [String] {
        ["-i", folder + "/ssh/client", "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
         "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"]
    }

    /// What sshd logged so far (its standard error).
    var log: String { daemon?.errorSoFar ?? "" }

    func tearDown() {
        if let daemon {
            kill(daemon.pid, SIGTERM)
            _ = daemon.wait()
        }
        // Anything still running as the test accounts (a session's sudo, a forwarding client).
        _ = try? Spawn.run(["pkill", "-KILL", "-u", officer])
        _ = try? Spawn.run(["pkill", "-KILL", "-u", service])
        if !packaged { unlink(sudoersFile) }
        for command in cleanup { _ = try? Spawn.run(command) }
        if madePrivilegeFolder { try? FileManager.default.removeItem(atPath: "/run/sshd") }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func run(_ arguments: [String], schakel: Bool = false) throws {
        let result = try Spawn.run(schakel ? [program] + arguments : arguments)
        guard result.status == 0 else { throw TmuxError(description: "\(arguments.joined(separator: " ")): \(result.errors)") }
    }

    static func freePort() throws -> UInt16 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw TmuxError(description: "no free port") }
        return UInt16(bigEndian: address.sin_port)
    }

    static func accepts(_ port: UInt16) -> Bool {
        let descriptor = connection(to: port)
        defer { close(descriptor) }
        return descriptor >= 0
    }

    /// A TCP connection to 127.0.0.1:`port`, or -1; the caller closes it.
    static func connection(to port: UInt16) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        if connected { return descriptor }
        close(descriptor)
        return -1
    }
}
