import Foundation

/// The measuring scripts in `Scripts/`, run on the real `schakel` built beside the benchmarks.
enum ScriptHarness {
    /// The `schakel` binary beside this one, when it was built.
    static var schakel: URL? {
        let url = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("schakel")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    /// What `python3 Scripts/<script> --schakel <binary> <arguments> --json` printed, read as JSON;
    /// nil when it could not measure.
    static func measure(_ script: String, schakel: URL, _ arguments: [String]) throws -> Any? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Scripts/" + script, "--schakel", schakel.path] + arguments + ["--json"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try? JSONSerialization.jsonObject(with: data)
    }
}
