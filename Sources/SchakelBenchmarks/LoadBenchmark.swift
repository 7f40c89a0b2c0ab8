import Foundation
import Meldroute
import SchakelCore
import SchakelDemo
import SchakelStore

/// Many writer processes at once (intakes that open the file anew, and route steps), each a copy
/// of this executable running `LoadWorker`: errors, commit latency and opening time.
enum LoadBenchmark {
    static func run(path: String, workflows: URL, writers: Int, seconds: Int, report: inout BenchmarkReport) throws {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let outputs = (1...writers).map { FileManager.default.temporaryDirectory.appendingPathComponent("schakel-last-\(getpid())-\($0).txt") }
        defer { outputs.forEach { try? FileManager.default.removeItem(at: $0) } }
        var processes: [Process] = []
        for (index, output) in outputs.enumerated() {
            FileManager.default.createFile(atPath: output.path, contents: nil)
            let process = Process()
            process.executableURL = executable
            process.arguments = ["belasten", path, workflows.path, String(seconds), String(index + 1)]
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = process.standardOutput
            try process.run()
            processes.append(process)
        }
        processes.forEach { $0.waitUntilExit() }
        var commits: [Double] = [], opens: [Double] = [], failures: [String] = []
        var conflicts = 0
        for output in outputs {
            for line in (try String(contentsOf: output, encoding: .utf8)).split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 1)
                switch parts.first {
                case "commit": commits.append(Double(parts[1]) ?? 0)
                case "open": opens.append(Double(parts[1]) ?? 0)
                case "conflict": conflicts += 1
                default: failures.append(String(line))
                }
            }
        }
        let failed = processes.filter { $0.terminationStatus != 0 }.count
        for failure in failures.prefix(5) { print("  fout: \(failure)") }
        let label = "\(writers) schrijvers, \(seconds) s"
        report.record("\(label): fouten (ook 'bezet')", Double(failures.count + failed), "", goal: .atMost(0),
                      detail: "\(commits.count) commits, \(conflicts) keer een collega eerst")
        report.record("\(label): commit p50", quantile(commits, 0.5), "ms", goal: nil)
        report.record("\(label): commit p99", quantile(commits, 0.99), "ms", goal: .atMost(100),
                      detail: "slechtste \(BenchmarkReport.format(commits.max() ?? 0)) ms")
        report.record("\(label): database openen p99", quantile(opens, 0.99), "ms", goal: .atMost(100),
                      detail: "\(opens.count) keer, slechtste \(BenchmarkReport.format(opens.max() ?? 0)) ms")
    }

    /// In a copy of this executable: be one writer.
    static func work(_ arguments: [String]) throws {
        var worker = try LoadWorker(path: arguments[0], workflowDirectory: arguments[1], seconds: Double(arguments[2]) ?? 1,
                                    seed: UInt64(arguments[3]) ?? 1)
        try worker.run()
    }
}
