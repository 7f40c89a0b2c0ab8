import Foundation

/// Officers' sessions left open with nobody at the keyboard while a colleague commits once a
/// minute, from `Scripts/idle_sessions.py` (the real binary in pseudo-terminals): the audit lines
/// they write (none: showing a colleague's change again is no new access, and a session that
/// wrote would wake every other one) and the CPU they use.
enum IdleSessionBenchmark {
    static func run(sessions: Int, seconds: Int, report: inout BenchmarkReport) throws {
        guard let schakel = ScriptHarness.schakel else {
            print("  (stille sessies overgeslagen: bouw eerst schakel, `swift build -c release`)")
            report.record("stille sessies gemeten", 0, "", goal: .atLeast(1))
            return
        }
        let arguments = ["--sessions", String(sessions), "--seconds", String(seconds), "--interval", "60"]
        guard let figures = try ScriptHarness.measure("idle_sessions.py", schakel: schakel, arguments) as? [String: Double] else {
            report.record("stille sessies gemeten", 0, "", goal: .atLeast(1))
            return
        }
        let count = Int(figures["sessions"] ?? 0), commits = Int(figures["colleague_commits"] ?? 0)
        let detail = "\(count) sessies, \(Int(figures["seconds"] ?? 0)) s, \(commits) commits van een collega"
        report.record("stille sessies: auditregels per sessie per uur", figures["rows_per_session_hour"] ?? .infinity, "",
                      goal: .atMost(0), detail: detail)
        report.record("stille sessies: CPU per sessie per uur", figures["cpu_seconds_per_session_hour"] ?? 0, "s", goal: nil)
    }
}
