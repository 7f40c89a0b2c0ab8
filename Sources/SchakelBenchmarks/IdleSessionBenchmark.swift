import Foundation

/// Officers' sessions left open with nobody at the keyboard, from `Scripts/idle_sessions.py` (the
/// real binary in pseudo-terminals): first quiet, then while a colleague commits once a second. An
/// idle session sleeps — at most one wakeup a second, no CPU to speak of — and still shows a
/// colleague's commit; it writes no audit lines (showing a change again is no new access, and a
/// session that wrote would wake every other one); and it costs little memory of its own.
enum IdleSessionBenchmark {
    static func run(sessions: Int, seconds: Int, report: inout BenchmarkReport) throws {
        guard let schakel = ScriptHarness.schakel else {
            print("  (stille sessies overgeslagen: bouw eerst schakel, `swift build -c release`)")
            report.record("stille sessies gemeten", 0, "", goal: .atLeast(1))
            return
        }
        let arguments = ["--sessions", String(sessions), "--seconds", String(seconds), "--interval", "1"]
        guard let figures = try ScriptHarness.measure("idle_sessions.py", schakel: schakel, arguments) as? [String: Double] else {
            report.record("stille sessies gemeten", 0, "", goal: .atLeast(1))
            return
        }
        let count = Int(figures["sessions"] ?? 0), commits = Int(figures["colleague_commits"] ?? 0)
        let quiet = "\(count) sessies, \(Int(figures["seconds"] ?? 0)) s niets"
        let busy = "\(count) sessies, \(commits) commits van een collega, één per seconde"
        report.record("stille sessies: wekmomenten per sessie per s", figures["quiet_wakeups_per_session_second"] ?? .infinity, "",
                      goal: .atMost(1), detail: quiet)
        report.record("stille sessies: CPU per sessie", figures["quiet_cpu_percent_per_session"] ?? .infinity, "%",
                      goal: .atMost(0.01), detail: quiet)
        report.record("stille sessies, collega schrijft: wekmomenten per sessie per s",
                      figures["busy_wakeups_per_session_second"] ?? .infinity, "", goal: .atMost(3), detail: busy)
        report.record("stille sessies, collega schrijft: CPU per sessie", figures["busy_cpu_percent_per_session"] ?? .infinity, "%",
                      goal: .atMost(1), detail: busy)
        report.record("stille sessies: auditregels per sessie per uur", figures["rows_per_session_hour"] ?? .infinity, "",
                      goal: .atMost(0), detail: "beide fasen")
        report.record("stille sessies: eigen geheugen per sessie", figures["private_mib_per_session"] ?? .infinity, "MiB",
                      goal: .atMost(16), detail: "grootste \(BenchmarkReport.format(figures["private_mib_per_session_max"] ?? 0)) MiB")
    }
}
