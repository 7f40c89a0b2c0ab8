import Foundation
import Testing

/// No way out of Schakel: no source of the application starts another program (an editor, a pager,
/// a shell) or reads which one to start. Only `installeer` (visudo, run by root) and the
/// benchmarks, which are not part of an officer's session, start one.
@Suite struct NoWayOutTests {
    static let allowed: Set<String> = [
        "Sources/schakel/InstallCommand.swift",            // visudo checks the sudoers file it writes
        "Sources/SchakelBenchmarks/LoadBenchmark.swift",   // writer processes, for the figures
        "Sources/SchakelBenchmarks/ScriptHarness.swift",    // the measuring scripts in Scripts/
    ]

    static let starters = ["Process()", "posix_spawn", "system(", "execv", "execl", "execvp", "popen(", "fork(", "\"EDITOR\"",
                           "\"VISUAL\"", "\"PAGER\"", "\"SHELL\""]

    @Test func nothingButInstalleerStartsAProgram() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") || $0.hasSuffix(".c") || $0.hasSuffix(".h") }
        #expect(files.count > 100)
        var found: [String] = []
        for file in files where !Self.allowed.contains("Sources/" + file) {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for starter in Self.starters where text.contains(starter) { found.append("Sources/\(file): \(starter)") }
        }
        #expect(found.isEmpty, "\(found)")
    }
}
