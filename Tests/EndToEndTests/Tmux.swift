import Foundation
import Glibc
import Testing

/// The real `schakel` binary in a real terminal: a private tmux server, keys sent with
/// `send-keys`, the screen read with `capture-pane`, polled until the expected text appears.
final class Tmux {
    let socket = "schakel-e2e-\(UUID().uuidString.prefix(8))"
    let session = "e2e"

    /// Starts `command` in a detached session of the given size.
    init(_ command: String, width: Int = 100, height: Int = 30) throws {
        try run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                 "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8", command])
    }

    deinit { _ = try? run(["kill-server"]) }

    func send(_ keys: String...) throws { try send(keys) }

    func send(_ keys: [String]) throws { try run(["send-keys", "-t", session] + keys) }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid of the program running in the pane (a child of the pane's shell).
    func programPID(named name: String) throws -> String {
        let shell = try run(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        return try Spawn.run(["pgrep", "-P", shell, "-x", name]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }

    /// Waits until the screen shows `text`; records an issue with the last screen if it never does.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("'\(text)' did not appear; the screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// Waits until one line of the screen is as `matches` wants (a row that changed, say).
    @discardableResult
    func waitForLine(_ description: String, seconds: Double = 30, sourceLocation: SourceLocation = #_sourceLocation,
                     where matches: (Substring) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.split(separator: "\n").contains(where: matches) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("no line \(description); the screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// Waits until the screen shows `text` and no longer shows `absent` (a list narrowed, say).
    @discardableResult
    func waitFor(_ text: String, without absent: String, seconds: Double = 30,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) && !last.contains(absent) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("'\(text)' without '\(absent)' did not appear; the screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        try Spawn.run(["tmux", "-L", socket] + arguments).output
    }
}

/// Runs a program and waits for it with `waitpid`. Foundation's `Process` is not used: on Linux
/// it watches a socket that a daemonised tmux server inherits, so it may never see the exit.
/// The child starts with no signals blocked, whatever the test runner's thread had blocked.
enum Spawn {
    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    /// A started child, its output going to files until it is waited for.
    struct Child {
        let pid: pid_t
        let outputPath: String
        let errorPath: String

        /// The output written so far.
        var outputSoFar: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
        var errorSoFar: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

        /// Waits at most `seconds`; a child still running then is killed, and nil returned.
        func wait(seconds: Double) -> Result? {
            let deadline = Date().addingTimeInterval(seconds)
            var status: Int32 = 0
            while Date() < deadline {
                if waitpid(pid, &status, WNOHANG) == pid { return finished(status) }
                Thread.sleep(forTimeInterval: 0.05)
            }
            kill(pid, SIGKILL)
            _ = wait()
            return nil
        }

        func wait() -> Result {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            return finished(status)
        }

        private func finished(_ status: Int32) -> Result {
            let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            defer {
                try? FileManager.default.removeItem(atPath: outputPath)
                try? FileManager.default.removeItem(atPath: errorPath)
            }
            return Result(status: exitStatus, output: outputSoFar,
                          errors: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
        }
    }

    static func run(_ argv: [String]) throws -> Result {
        try start(argv).wait()
    }

    /// `argv` as the OS account `user` (the tests run as root): as a service account would.
    static func run(as user: String, _ argv: [String]) throws -> Result {
        guard let account = getpwnam(user)?.pointee else { throw TmuxError(description: "no account \(user)") }
        return try run(["setpriv", "--reuid=\(account.pw_uid)", "--regid=\(account.pw_gid)", "--init-groups"] + argv)
    }

    static func start(_ argv: [String]) throws -> Child {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)").path
        let outputPath = base + ".out", errorPath = base + ".err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, argv[0], &actions, &attributes, cArguments, environ)
        guard spawned == 0 else { throw TmuxError(description: "\(argv[0]) could not be started (error \(spawned))") }
        return Child(pid: pid, outputPath: outputPath, errorPath: errorPath)
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let description: String
}

/// Where the built binary and a scratch directory are.
enum Binary {
    /// `schakel`, built beside this test bundle by `swift build` / `swift test`.
    static var path: String {
        let bundleDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        return bundleDirectory.appendingPathComponent("schakel").path
    }

    /// The store's test worker, built beside `schakel`.
    static var workerPath: String {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("schakel-store-worker").path
    }

    /// A file under the checkout's `Resources/`.
    static func resourcePath(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources").appendingPathComponent(relative).path
    }

    /// The built program with its `Resources/`, copied into `folder` as `docs/DEPLOY.md` installs it
    /// (`opt/schakel/bin/schakel`, everything readable and the program runnable by anyone): for the
    /// tests that run Schakel as another account, wherever the checkout lives — under `/root` too.
    static func installed(in folder: URL) throws -> String {
        let base = folder.appendingPathComponent("opt/schakel")
        try FileManager.default.createDirectory(at: base.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let program = base.appendingPathComponent("bin/schakel").path
        let resources = base.appendingPathComponent("Resources").path
        // Copied by another process: a file this (many-threaded) process opened for writing could be
        // inherited by a child another test forks meanwhile, and then "Text file busy" when run.
        for (from, to) in [(path, program), (resourcePath(""), resources)] {
            let copied = try Spawn.run(["cp", "-R", from, to])
            guard copied.status == 0 else { throw TmuxError(description: "cp \(from): \(copied.errors)") }
        }
        for folder in [folder.path, folder.path + "/opt", base.path, base.path + "/bin"] { chmod(folder, 0o755) }
        chmod(program, 0o755)
        for file in FileManager.default.enumerator(atPath: resources)?.compactMap({ $0 as? String }) ?? [] {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: resources + "/" + file, isDirectory: &isFolder)
            chmod(resources + "/" + file, isFolder.boolValue ? 0o755 : 0o644)
        }
        chmod(resources, 0o755)
        return program
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("schakel-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
