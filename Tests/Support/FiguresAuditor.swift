import Foundation

/// `Scripts/figures_auditor.py` run on published figures: every count a reader who combines them
/// could work out exactly. Uses the Python `bash .ci/run` sets up (with scipy) in
/// `.build/python-tools`, else `SCHAKEL_PYTHON`, else `python3`.
public enum FiguresAuditor {
    public struct Finding: Decodable, Sendable {
        public struct Pinned: Decodable, Sendable, CustomStringConvertible {
            public let count: String
            public let value: Int
            public var description: String { "\(count) = \(value)" }
        }

        public let pinned: [Pinned]
        public let checked: Int
        public let infeasible: Bool
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var interpreter: String {
        if let configured = ProcessInfo.processInfo.environment["SCHAKEL_PYTHON"], !configured.isEmpty { return configured }
        let tools = root.appendingPathComponent(".build/python-tools/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: tools) ? tools : "python3"
    }

    /// Runs the auditor on `input` (its JSON).
    public static func audit(_ input: [String: Any]) throws -> Finding {
        try JSONDecoder().decode(Finding.self, from: run(input))
    }

    /// Runs the auditor once on several inputs.
    public static func audit(_ inputs: [[String: Any]]) throws -> [Finding] {
        try JSONDecoder().decode([Finding].self, from: run(inputs))
    }

    static func run(_ input: Any) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [interpreter, root.appendingPathComponent("Scripts/figures_auditor.py").path]
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        // An auditor that stops early must fail the test, not kill it with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        let data = try JSONSerialization.data(withJSONObject: input)
        // Written from another thread, so that a large input never waits on a full output pipe.
        let writer = Thread {
            stdin.fileHandleForWriting.write(data)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw AuditorFailure(message: String(decoding: errors, as: UTF8.self))
        }
        return output
    }

    public struct AuditorFailure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { "the auditor failed: \(message)" }
    }
}
