import Foundation

/// Collects timings and prints them next to their budgets.
struct BenchmarkReport {
    private struct Line {
        let name: String
        let median: Double
        let worst: Double
        let count: Int
        let budget: Double
        var withinBudget: Bool { median <= budget }
    }

    private var lines: [Line] = []

    var allWithinBudget: Bool { lines.allSatisfy(\.withinBudget) }

    /// Times one run of `body` and records it.
    mutating func time<T>(_ name: String, budgetMilliseconds: Double, _ body: () throws -> T) rethrows -> T {
        let started = DispatchTime.now()
        let result = try body()
        record(name, samples: [milliseconds(since: started)], budgetMilliseconds: budgetMilliseconds)
        return result
    }

    mutating func record(_ name: String, samples: [Double], budgetMilliseconds: Double) {
        guard !samples.isEmpty else { return }
        let sorted = samples.sorted()
        let line = Line(name: name, median: sorted[sorted.count / 2], worst: sorted.last!, count: sorted.count,
                        budget: budgetMilliseconds)
        lines.append(line)
        Swift.print(Self.format(line))
    }

    func print(peakMemoryMegabytes: Double?) {
        Swift.print("")
        if let peakMemoryMegabytes { Swift.print(String(format: "peak resident memory: %.0f MB", peakMemoryMegabytes)) }
        let over = lines.filter { !$0.withinBudget }
        Swift.print(over.isEmpty ? "all \(lines.count) figures within budget"
                                 : "OVER BUDGET: " + over.map(\.name).joined(separator: "; "))
    }

    private static func format(_ line: Line) -> String {
        let verdict = line.withinBudget ? "ok  " : "OVER"
        let figures = line.count == 1
            ? String(format: "%10.2f ms", line.median)
            : String(format: "%10.2f ms median, %.2f ms worst of %d", line.median, line.worst, line.count)
        return "\(verdict) \(line.name.padding(toLength: 46, withPad: " ", startingAt: 0))\(figures)"
            + String(format: "  (budget %.0f ms)", line.budget)
    }
}

func milliseconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
}

/// The process's peak resident set size (VmHWM), on Linux.
func peakResidentMegabytes() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return nil }
    return kilobytes / 1024
}
