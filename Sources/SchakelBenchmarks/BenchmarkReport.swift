import Foundation

/// Collects figures and prints each next to its goal; at the end a Markdown table of them all.
struct BenchmarkReport {
    enum Goal {
        case atMost(Double)
        case atLeast(Double)

        func isMet(by value: Double) -> Bool {
            switch self {
            case .atMost(let limit): return value <= limit
            case .atLeast(let floor): return value >= floor
            }
        }

        var text: String {
            switch self {
            case .atMost(let limit): return "≤ " + BenchmarkReport.format(limit)
            case .atLeast(let floor): return "≥ " + BenchmarkReport.format(floor)
            }
        }
    }

    struct Line {
        let name: String
        let value: Double
        let unit: String
        let detail: String
        let goal: Goal?
        var isMet: Bool { goal?.isMet(by: value) ?? true }
    }

    private(set) var lines: [Line] = []

    var allMet: Bool { lines.allSatisfy(\.isMet) }

    mutating func record(_ name: String, _ value: Double, _ unit: String, goal: Goal?, detail: String = "") {
        let line = Line(name: name, value: value, unit: unit, detail: detail, goal: goal)
        lines.append(line)
        let verdict = line.goal == nil ? "    " : line.isMet ? "ok  " : "OVER"
        let goalText = line.goal.map { "  (doel \($0.text) \(unit))" } ?? ""
        let detailText = detail.isEmpty ? "" : "  " + detail
        Swift.print("\(verdict) \(name.padding(toLength: 52, withPad: " ", startingAt: 0))"
                    + "\(Self.format(value).leftPadded(to: 10)) \(unit)\(goalText)\(detailText)")
    }

    /// Times one run of `body`, in milliseconds.
    mutating func time<T>(_ name: String, budgetMilliseconds: Double?, _ body: () throws -> T) rethrows -> T {
        let started = DispatchTime.now()
        let result = try body()
        record(name, milliseconds(since: started), "ms", goal: budgetMilliseconds.map(Goal.atMost))
        return result
    }

    /// The median of `samples` (milliseconds) against a budget, with the worst one beside it.
    mutating func record(_ name: String, samples: [Double], budgetMilliseconds: Double?) {
        guard !samples.isEmpty else { return }
        let sorted = samples.sorted()
        record(name, sorted[sorted.count / 2], "ms", goal: budgetMilliseconds.map(Goal.atMost),
               detail: "mediaan van \(sorted.count), slechtste \(Self.format(sorted.last!)) ms")
    }

    func printSummary(peakMemoryMegabytes: Double?) {
        Swift.print("")
        if let peakMemoryMegabytes { Swift.print(String(format: "piekgeheugen (resident): %.0f MB", peakMemoryMegabytes)) }
        let over = lines.filter { !$0.isMet }
        Swift.print(over.isEmpty ? "alle \(lines.count) cijfers binnen hun doel"
                                 : "BOVEN HET DOEL: " + over.map(\.name).joined(separator: "; "))
        Swift.print("\n| cijfer | waarde | doel |\n|---|---:|---|")
        for line in lines {
            let goal = line.goal.map { "\($0.text) \(line.unit)" + (line.isMet ? "" : " — **niet gehaald**") } ?? "—"
            Swift.print("| \(line.name) | \(Self.format(line.value)) \(line.unit) | \(goal) |")
        }
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e9 { return String(Int(value)) }
        return String(format: abs(value) < 10 ? "%.2f" : "%.1f", value)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

func milliseconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
}

/// The median of some figures.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// The `fraction` quantile (0.99 for p99) of some figures.
func quantile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}

/// The process's peak resident set size (VmHWM), on Linux.
func peakResidentMegabytes() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return nil }
    return kilobytes / 1024
}
