import Foundation

/// The bytes one key sends to the terminal, from `Scripts/bytes_per_key.py` (the real binary in a
/// pseudo-terminal), beside `less -S` on the same rows.
enum KeystrokeBenchmark {
    static func run(report: inout BenchmarkReport) throws {
        guard let schakel = ScriptHarness.schakel else {
            print("  (bytes per toets overgeslagen: bouw eerst schakel, `swift build -c release`)")
            report.record("bytes per toets gemeten", 0, "", goal: .atLeast(1))
            return
        }
        guard let sizes = try ScriptHarness.measure("bytes_per_key.py", schakel: schakel, []) as? [String: [String: [String: Double]]] else {
            report.record("bytes per toets gemeten", 0, "", goal: .atLeast(1))
            return
        }
        for size in sizes.keys.sorted(by: { $0.count < $1.count || ($0.count == $1.count && $0 < $1) }) {
            guard let schakel = sizes[size]?["schakel"], let less = sizes[size]?["less"] else { continue }
            let scroll = schakel["scroll"] ?? 0, page = schakel["page"] ?? 0
            report.record("\(size): selectie verplaatsen", schakel["move"] ?? 0, "B", goal: nil)
            report.record("\(size): regel scrollen", scroll, "B", goal: nil, detail: "less -S: \(BenchmarkReport.format(less["scroll"] ?? 0)) B")
            report.record("\(size): regel scrollen / less -S", scroll / max(1, less["scroll"] ?? 1), "×", goal: .atMost(2))
            report.record("\(size): pagina verder", page, "B", goal: nil, detail: "less -S: \(BenchmarkReport.format(less["page"] ?? 0)) B")
            report.record("\(size): pagina verder / less -S", page / max(1, less["page"] ?? 1), "×", goal: .atMost(1.2))
            report.record("\(size): tabblad wisselen", schakel["tab"] ?? 0, "B", goal: nil)
            report.record("\(size): heel scherm gewist door een toets", schakel["clears"] ?? 0, "×", goal: .atMost(0))
        }
    }
}
