import CSyncCounter
import Foundation
import SchakelCore
import SchakelStore

/// Whether every acknowledged commit reached the disk: the syncs SQLite asked for, per commit,
/// counted by a VFS that passes everything on (installed before any database is opened).
enum DurabilityBenchmark {
    static func installCounter() {
        guard schakel_sync_counter_install() == 0 else {
            print("de sync-teller kon niet worden geïnstalleerd")
            exit(2)
        }
    }

    static func run(_ store: Store, commits: Int, report: inout BenchmarkReport) throws {
        let user = try store.user(login: "pm.kmt")
        let signal = try store.inboxPage(.first, limit: 1, for: user).rows[0].id
        let before = schakel_sync_count()
        let started = DispatchTime.now()
        for index in 0..<commits { _ = try store.addNote("Duurzaamheid \(index)", toSignal: signal, by: user) }
        let elapsed = milliseconds(since: started)
        let syncs = Double(schakel_sync_count() - before)
        report.record("syncs per bevestigde commit", syncs / Double(commits), "", goal: .atLeast(1),
                      detail: "\(Int(syncs)) syncs voor \(commits) notities")
        report.record("notitie opslaan (een gesyncte commit)", elapsed / Double(commits), "ms", goal: .atMost(20))
    }
}
