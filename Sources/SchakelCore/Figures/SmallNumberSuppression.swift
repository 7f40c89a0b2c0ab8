/// A count as it may be published: shown, or kept back because it is small enough to point at a
/// person (primary), or kept back so that a small one cannot be worked out from a total (secondary).
public enum PublishedCount: Hashable, Sendable {
    case shown(Int)
    /// Between 1 and the threshold − 1: shown as `<5`.
    case small
    /// Kept back to protect a small count elsewhere in its row or column: shown as `x`.
    case withheld

    public var isSuppressed: Bool { value == nil }

    /// The number, when shown.
    public var value: Int? {
        if case .shown(let number) = self { return number }
        return nil
    }

    /// `12`, `<5` or `x`.
    public func text(threshold: Int) -> String {
        switch self {
        case .shown(let number): return String(number)
        case .small: return "<\(threshold)"
        case .withheld: return "x"
        }
    }
}

/// A table of counts with its row totals, column totals and grand total, as published.
public struct SuppressedTable: Hashable, Sendable {
    public var cells: [[PublishedCount]]
    public var rowTotals: [PublishedCount]
    public var columnTotals: [PublishedCount]
    public var total: PublishedCount
}

/// Small-number suppression, the one rule for every figure on screen and in every export: a count
/// from 1 to `threshold − 1` is never published (0 is: it points at nobody), and wherever a row or
/// column would then have a single kept-back count beside a published total, a second one is kept
/// back (the smallest count of at least `threshold` there), until none can be worked out from a
/// total: every row and column, and the totals against the grand total, has none or at least two.
public enum SmallNumberSuppression {
    public static let defaultThreshold = 5

    /// A list of counts with its total (one row).
    public static func suppress(_ counts: [Int], threshold: Int = defaultThreshold) -> (counts: [PublishedCount], total: PublishedCount) {
        let table = suppress([counts], threshold: threshold)
        return (table.cells.first ?? [], table.total)
    }

    public static func suppress(_ cells: [[Int]], threshold: Int = defaultThreshold) -> SuppressedTable {
        let columnCount = cells.map(\.count).max() ?? 0
        let grid = cells.map { $0 + Array(repeating: 0, count: columnCount - $0.count) }
        var table = Grid(values: grid, threshold: threshold)
        var changed = true
        while changed {
            changed = false
            for line in table.lines { changed = table.protect(line) || changed }
            // Lines together can pin what each alone does not: the audit finds it, one more goes.
            if !changed, let pinned = table.pinnedPlace() { changed = table.protect(around: pinned) }
        }
        return table.published
    }

    /// The cells and totals of the table as places with a value and whether each is kept back.
    private struct Grid {
        enum Place: Hashable { case cell(Int, Int), rowTotal(Int), columnTotal(Int), total }

        let values: [[Int]]
        let threshold: Int
        var status: [Place: PublishedCount] = [:]

        init(values: [[Int]], threshold: Int) {
            self.values = values
            self.threshold = threshold
            let columns = values.first?.count ?? 0
            for (r, row) in values.enumerated() {
                for (c, value) in row.enumerated() { status[.cell(r, c)] = Self.primary(value, threshold) }
                status[.rowTotal(r)] = Self.primary(row.reduce(0, +), threshold)
            }
            for c in 0..<columns { status[.columnTotal(c)] = Self.primary(values.reduce(0) { $0 + $1[c] }, threshold) }
            status[.total] = Self.primary(values.joined().reduce(0, +), threshold)
        }

        static func primary(_ value: Int, _ threshold: Int) -> PublishedCount {
            value > 0 && value < threshold ? .small : .shown(value)
        }

        func value(_ place: Place) -> Int {
            switch place {
            case .cell(let r, let c): return values[r][c]
            case .rowTotal(let r): return values[r].reduce(0, +)
            case .columnTotal(let c): return values.reduce(0) { $0 + $1[c] }
            case .total: return values.joined().reduce(0, +)
            }
        }

        /// A line: parts that add up to a total.
        typealias Line = (parts: [Place], total: Place)

        func row(_ r: Int) -> Line { ((0..<(values.first?.count ?? 0)).map { .cell(r, $0) }, .rowTotal(r)) }
        func column(_ c: Int) -> Line { (values.indices.map { .cell($0, c) }, .columnTotal(c)) }
        var rowTotalsLine: Line { (values.indices.map { .rowTotal($0) }, .total) }
        var columnTotalsLine: Line { ((0..<(values.first?.count ?? 0)).map { .columnTotal($0) }, .total) }

        /// Every sum the table publishes: the rows, the columns, and the totals to the grand total.
        var lines: [Line] {
            values.indices.map(row) + (0..<(values.first?.count ?? 0)).map(column) + [rowTotalsLine, columnTotalsLine]
        }

        /// What a reader can work out: each kept-back place's range, narrowed line by line from
        /// what is published until nothing narrows; a place left with one possible value.
        func pinnedPlace() -> Place? {
            let ceiling = 2 * value(.total) + threshold
            var ranges: [Place: (low: Int, high: Int)] = [:]
            for (place, published) in status {
                switch published {
                case .shown(let number): ranges[place] = (number, number)
                case .small: ranges[place] = (1, threshold - 1)
                case .withheld: ranges[place] = (threshold, ceiling)
                }
            }
            for _ in 0..<64 {
                var narrowed = false
                for line in lines {
                    let lows = line.parts.reduce(0) { $0 + ranges[$1]!.low }, highs = line.parts.reduce(0) { $0 + ranges[$1]!.high }
                    let total = ranges[line.total]!
                    let newTotal = (max(total.low, lows), min(total.high, highs))
                    if newTotal != total { ranges[line.total] = newTotal; narrowed = true }
                    for part in line.parts {
                        let range = ranges[part]!
                        let new = (max(range.low, ranges[line.total]!.low - (highs - range.high)),
                                   min(range.high, ranges[line.total]!.high - (lows - range.low)))
                        if new != range { ranges[part] = new; narrowed = true }
                    }
                }
                if !narrowed { break }
            }
            return status.keys.sorted { "\($0)" < "\($1)" }.first { status[$0]!.isSuppressed && ranges[$0]!.low >= ranges[$0]!.high }
        }

        /// One more kept back in a line through `place` whose total is published (the smallest
        /// published part of at least the threshold there), else that line's total; when the
        /// pinning comes from further away, the smallest total still published anywhere.
        mutating func protect(around place: Place) -> Bool {
            let through = lines.filter { ($0.parts.contains(place) || $0.total == place) && status[$0.total]?.isSuppressed == false }
            for line in through {
                let candidates = line.parts.filter { status[$0]?.isSuppressed == false && value($0) >= threshold }
                if let second = candidates.min(by: { value($0) < value($1) }) {
                    status[second] = .withheld
                    return true
                }
            }
            let totals = Set(lines.map(\.total)).filter { status[$0]?.isSuppressed == false && value($0) > 0 }
            guard let total = through.first?.total ?? totals.min(by: { (value($0), "\($0)") < (value($1), "\($1)") }) else { return false }
            status[total] = .withheld
            return true
        }

        /// When the line's total is published and a single part is kept back, keeps back one more
        /// part (the smallest published part of at least the threshold), else the total.
        mutating func protect(_ line: Line) -> Bool {
            guard status[line.total]?.isSuppressed == false else { return false }
            guard line.parts.filter({ status[$0]?.isSuppressed == true }).count == 1 else { return false }
            let candidates = line.parts.filter { status[$0]?.isSuppressed == false && value($0) >= threshold }
            if let second = candidates.min(by: { value($0) < value($1) }) {
                status[second] = .withheld
            } else {
                status[line.total] = .withheld
            }
            return true
        }

        var published: SuppressedTable {
            let columns = values.first?.count ?? 0
            return SuppressedTable(cells: values.indices.map { r in (0..<columns).map { status[.cell(r, $0)]! } },
                                   rowTotals: values.indices.map { status[.rowTotal($0)]! },
                                   columnTotals: (0..<columns).map { status[.columnTotal($0)]! }, total: status[.total]!)
        }
    }
}
