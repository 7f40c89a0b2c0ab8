// Benchmarks: figures against goals, printed; never part of the test run. Exit status 1 when a
// figure misses its goal. From the repository's root:
//
//     swift run -c release schakel-benchmarks [--signalen N] [--gebeurtenissen N] [--schrijvers N] [--seconden N]
//                                             [--stille-sessies N] [--stil-seconden N] [--alleen-stille-sessies]
//
// Fills a temporary database (100,000 signals and 1,000,000 timeline lines unless told
// otherwise), then measures: syncs per commit; every inbox and timeline page through the store
// against the same SQL through SQLite's C API; many writer processes at once; and the bytes a
// key sends to the terminal, beside `less -S` (Scripts/bytes_per_key.py); and what idle sessions
// cost while nothing happens and while a colleague commits once a second (Scripts/idle_sessions.py):
// 50 sessions for 60 s each unless told otherwise; `--alleen-stille-sessies` measures only those.
import Foundation
import Meldroute
import SchakelCore
import SchakelDemo
import SchakelStore

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "belasten" {
    try LoadBenchmark.work(Array(arguments.dropFirst()))
    exit(0)
}
@MainActor func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1]) else {
        return fallback
    }
    return value
}
let signalCount = option("--signalen", 100_000)
let eventCount = option("--gebeurtenissen", 1_000_000)
let writers = option("--schrijvers", 20)
let seconds = option("--seconden", 60)
let idleSessions = option("--stille-sessies", 50)
let idleSeconds = option("--stil-seconden", 60)
let resources = URL(fileURLWithPath: "Resources")
guard FileManager.default.fileExists(atPath: resources.appendingPathComponent("workflows/gemeentelijke-meldroute.yaml").path) else {
    print("Start de benchmarks vanuit de hoofdmap van Schakel (waar Resources/ staat).")
    exit(2)
}

if arguments.contains("--alleen-stille-sessies") {
    var report = BenchmarkReport()
    try IdleSessionBenchmark.run(sessions: idleSessions, seconds: idleSeconds, report: &report)
    report.printSummary(peakMemoryMegabytes: peakResidentMegabytes())
    exit(report.allMet ? 0 : 1)
}

DurabilityBenchmark.installCounter()
let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
let calendar = WorkingDayCalendar()
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schakel-bench-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let path = directory.appendingPathComponent("bench.sqlite").path

print("Machine: \(ProcessInfo.processInfo.activeProcessorCount) kernen, "
      + "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB; \(ProcessInfo.processInfo.operatingSystemVersionString)")
var report = BenchmarkReport()
let (demo, _) = try DemoDatabase.open(path: path, today: today, calendar: calendar)
try report.time("vullen: \(signalCount) signalen", budgetMilliseconds: nil) {
    try SignalGenerator.addSignals(signalCount, to: demo, today: today, calendar: calendar)
}
if eventCount > 0 {
    try report.time("vullen: \(eventCount) tijdlijnregels", budgetMilliseconds: nil) {
        try SignalGenerator.addTimelineEvents(eventCount, to: demo)
    }
}

// A cold open, as each SSH login does.
let store = try report.time("database openen (koud, per login)", budgetMilliseconds: 200) { try Store.open(path: path) }

try DurabilityBenchmark.run(store, commits: 200, report: &report)
for login in ["af.enschede", "pm.kmt"] { try PageBenchmarks.inbox(store, login: login, report: &report) }
try PageBenchmarks.timeline(store, lines: 10_000, report: &report)
let route = try WorkflowLoader.load(yaml: String(contentsOf: resources.appendingPathComponent("workflows/gemeentelijke-meldroute.yaml"),
                                                  encoding: .utf8), file: "gemeentelijke-meldroute.yaml")
try FigureBenchmarks.figures(store, year: today.date.year, workflow: route, report: &report)
if writers > 0 && seconds > 0 {
    try LoadBenchmark.run(path: path, workflows: resources.appendingPathComponent("workflows"), writers: writers,
                          seconds: seconds, report: &report)
}
try KeystrokeBenchmark.run(report: &report)
if idleSessions > 0 && idleSeconds > 0 {
    try IdleSessionBenchmark.run(sessions: idleSessions, seconds: idleSeconds, report: &report)
}

report.printSummary(peakMemoryMegabytes: peakResidentMegabytes())
exit(report.allMet ? 0 : 1)
