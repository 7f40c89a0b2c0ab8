import Foundation

/// Python as the tests run it: the one `bash .ci/run` sets up (with icalendar, vobject and scipy) in
/// `.build/python-tools`, else `SCHAKEL_PYTHON`, else `python3`.
public enum PythonScript {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var interpreter: String {
        if let configured = ProcessInfo.processInfo.environment["SCHAKEL_PYTHON"], !configured.isEmpty { return configured }
        let tools = root.appendingPathComponent(".build/python-tools/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: tools) ? tools : "python3"
    }

    /// A file of the repository, by its path in it.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { "python failed: \(message)" }
    }

    /// Runs Python with `arguments` (`-c CODE …` or a script's path), `input` on stdin; its output,
    /// or a failure with what it said on stderr.
    public static func run(_ arguments: [String], input: Data = Data()) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [interpreter] + arguments
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        // A script that stops early must fail the test, not kill it with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        // Written from another thread, so that a large input never waits on a full output pipe.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(message: String(decoding: errors, as: UTF8.self)) }
        return output
    }
}
