import Foundation
import Glibc
import Testing

/// The deployment proved against a real OpenSSH server: an officer who logs in gets Schakel, as
/// themselves, and nothing else — no shell, no tunnel, no file — and cannot read the database.
@Suite(.serialized) struct SshConfinementTests {
    @Test(.enabled(if: SshServer.canRun, Comment(rawValue: SshServer.whyNot ?? "")))
    func anOfficerGetsSchakelAndNothingElse() throws {
        let server = try SshServer()
        defer { server.tearDown() }
        try server.start()

        // A terminal: the Schakel screen, with the SSH user as identity (never anything they typed).
        let terminal = try Tmux((server.ssh(["-tt"]) + ["; echo EINDE-$?; sleep 60"]).joined(separator: " "), width: 100, height: 30)
        let screen = try terminal.waitFor("Proef AF", seconds: 20)
        #expect(screen.contains("Schakel │ Proef AF"), "sshd said:\n\(server.log)")
        try terminal.send("q")
        try terminal.waitFor("EINDE-0", seconds: 20)
        let login = try DemoQueries.lastLogin(in: server.database)
        #expect(login == "\(server.officer)|\(server.service)|127.0.0.1|ok", "\(login)")

        // A command asked for gets Schakel instead, which without a terminal refuses and ends.
        // (Each with a time limit: a confinement that failed would leave a shell or tunnel open.)
        let shell = try #require(try Spawn.start(server.ssh([], ["sh", "-c", "'echo SHELL-$((40+2))'"])).wait(seconds: 20))
        #expect(!shell.output.contains("SHELL-42") && shell.status != 0)
        #expect(shell.errors.contains("Schakel heeft een terminal nodig"), "\(shell.errors)")
        let bash = try Tmux((server.ssh(["-tt"], ["--", "bash", "-i"]) + ["; echo EINDE-$?; sleep 60"]).joined(separator: " "))
        try bash.waitFor("Proef AF", seconds: 20)
        try bash.send("q")
        let afterBash = try bash.waitFor("EINDE-", seconds: 20)
        #expect(!afterBash.contains("$ ") && !afterBash.contains("# "), "\(afterBash)")

        // No tunnel either way.
        let remote = try #require(try Spawn.start(server.ssh(["-N", "-o", "ExitOnForwardFailure=yes", "-R",
                                                              "\(try SshServer.freePort()):127.0.0.1:\(server.port)"])).wait(seconds: 20),
                                  "the remote forwarding was allowed")
        #expect(remote.status == 255 && remote.errors.contains("remote port forwarding failed"), "\(remote.errors)")
        let localPort = try SshServer.freePort()
        let local = try Spawn.start(server.ssh(["-N", "-L", "\(localPort):127.0.0.1:\(server.port)"]))
        defer { kill(local.pid, SIGTERM); _ = local.wait() }
        #expect(Self.bannerThrough(localPort).hasPrefix("SSH-") == false)

        // No file: not with scp (either protocol), not with sftp.
        let target = server.folder + "/gekopieerd"
        for legacy in [false, true] {
            let copy = try #require(try Spawn.start(["scp"] + (legacy ? ["-O"] : []) + server.clientOptions
                                                    + ["-P", "\(server.port)", "\(server.officer)@127.0.0.1:/etc/hostname", target])
                .wait(seconds: 20))
            #expect(copy.status != 0 && !FileManager.default.fileExists(atPath: target), "scp\(legacy ? " -O" : ""): \(copy.errors)")
        }
        let batch = server.folder + "/sftp-batch"
        try "get /etc/hostname \(target)\n".write(toFile: batch, atomically: true, encoding: .utf8)
        let sftp = try #require(try Spawn.start(["sftp", "-b", batch] + server.clientOptions
                                                + ["-P", "\(server.port)", "\(server.officer)@127.0.0.1"]).wait(seconds: 20))
        #expect(sftp.status != 0 && !FileManager.default.fileExists(atPath: target), "\(sftp.errors)")

        // The officer's own account cannot read the database, nor use sudo for anything else.
        let asOfficer = ["setpriv", "--reuid=\(server.officer)", "--regid=\(server.officer)", "--init-groups"]
        let read = try Spawn.run(asOfficer + ["cat", server.database])
        #expect(read.status != 0 && read.errors.contains("Permission denied"), "\(read.errors)")
        let other = try Spawn.run(asOfficer + ["sudo", "-n", "-u", server.service, "/bin/sh", "-c", "id"])
        #expect(other.status != 0 && !other.output.contains("uid="), "\(other.errors)")
    }

    /// What comes back through a forwarded port within a second: sshd's banner when the tunnel works.
    static func bannerThrough(_ port: UInt16) -> String {
        let deadline = Date().addingTimeInterval(5)
        while !SshServer.accepts(port), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let descriptor = SshServer.connection(to: port)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(descriptor, &buffer, buffer.count)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
    }
}
