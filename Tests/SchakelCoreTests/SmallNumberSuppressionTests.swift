import Testing
@testable import SchakelCore

/// The one suppression rule: no count from 1 to 4 is published, and none can be worked back from a
/// total — checked by rule on random tables, and by trying every table a reader could think of.
@Suite struct SmallNumberSuppressionTests {
    @Test func smallCountsAreKeptBackAndZeroIsShown() {
        let (counts, total) = SmallNumberSuppression.suppress([12, 0, 3, 7, 9])
        // The 3 alone would be the total minus the rest: the smallest count of at least 5 goes too.
        #expect(counts == [.shown(12), .shown(0), .small, .withheld, .shown(9)])
        #expect(total == .shown(31))
        #expect(counts.map { $0.text(threshold: 5) } == ["12", "0", "<5", "x", "9"])
    }

    @Test func twoSmallCountsProtectEachOther() {
        let (counts, total) = SmallNumberSuppression.suppress([2, 4, 30])
        #expect(counts == [.small, .small, .shown(30)] && total == .shown(36))
    }

    @Test func aSmallTotalIsKeptBackItself() {
        let (counts, total) = SmallNumberSuppression.suppress([1, 2, 0])
        #expect(counts == [.small, .small, .shown(0)] && total == .small)
    }

    @Test func aTableIsProtectedAlongRowsAndColumns() {
        let table = SmallNumberSuppression.suppress([[10, 3, 20], [8, 9, 11]], threshold: 5)
        // The 3 takes the smallest large count of its row (10); then each column with one kept back
        // takes another (8 under the 10, 9 under the 3).
        #expect(table.cells == [[.withheld, .small, .shown(20)], [.withheld, .withheld, .shown(11)]])
        #expect(Self.holds(table, [[10, 3, 20], [8, 9, 11]], threshold: 5))
    }

    @Test func randomTablesFollowTheRule() {
        var random = SplitMix(seed: 20261201)
        for _ in 0..<500 {
            let rows = random.next(in: 1...5), columns = random.next(in: 1...7)
            let values = (0..<rows).map { _ in (0..<columns).map { _ in random.next(in: 0...3) == 0 ? random.next(in: 0...4) : random.next(in: 0...40) } }
            let threshold = random.next(in: 2...10)
            let table = SmallNumberSuppression.suppress(values, threshold: threshold)
            #expect(Self.holds(table, values, threshold: threshold), "\(values) at \(threshold)")
        }
    }

    /// Every table a reader could think of, given what is published: each kept-back count must
    /// still have more than one possible value.
    @Test func noKeptBackCountCanBeWorkedOutFromWhatIsPublished() {
        var random = SplitMix(seed: 42)
        for _ in 0..<400 {
            let threshold = random.next(in: 3...5)
            let rows = random.next(in: 1...3), columns = random.next(in: 1...3)
            let values = (0..<rows).map { _ in (0..<columns).map { _ in random.next(in: 0...9) } }
            let table = SmallNumberSuppression.suppress(values, threshold: threshold)
            let possible = ReaderGuesses(table: table, threshold: threshold, ceiling: values.joined().reduce(0, +)).possibleValues()
            for (r, row) in table.cells.enumerated() {
                for (c, cell) in row.enumerated() where cell.isSuppressed {
                    #expect((possible[r][c]?.count ?? 0) > 1, "cell \(r),\(c) of \(values) at \(threshold): \(possible[r][c] ?? [])")
                }
            }
        }
    }

    /// The rule: nothing from 1 to threshold − 1 shown; every line with a published total has none
    /// or at least two kept back; shown counts are the true ones.
    static func holds(_ table: SuppressedTable, _ values: [[Int]], threshold: Int) -> Bool {
        let all = table.cells.joined() + table.rowTotals + table.columnTotals + [table.total]
        guard all.allSatisfy({ ($0.value ?? 0) == 0 || $0.value! >= threshold }) else { return false }
        for (r, row) in values.enumerated() {
            for (c, value) in row.enumerated() where table.cells[r][c].value.map({ $0 != value }) ?? false { return false }
        }
        func protected(_ parts: [PublishedCount], _ total: PublishedCount) -> Bool {
            total.isSuppressed || parts.filter(\.isSuppressed).count != 1
        }
        let columns = values.first?.count ?? 0
        return values.indices.allSatisfy { protected(table.cells[$0], table.rowTotals[$0]) }
            && (0..<columns).allSatisfy { c in protected(table.cells.map { $0[c] }, table.columnTotals[c]) }
            && protected(table.rowTotals, table.total) && protected(table.columnTotals, table.total)
    }
}

/// A small seeded generator, so that a failing table can be found again.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(in range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
}

/// Every table consistent with what is published: shown counts as they are, `<t` from 1 to t − 1,
/// `x` from t up to what the published totals allow; each kept-back cell's possible values.
struct ReaderGuesses {
    let table: SuppressedTable
    let threshold: Int
    /// No count can exceed the sum of all (nor, for a cell, a published total it is part of).
    let ceiling: Int

    func range(_ published: PublishedCount, within bound: Int) -> ClosedRange<Int> {
        switch published {
        case .shown(let value): return value...value
        case .small: return 1...(threshold - 1)
        case .withheld: return threshold...max(threshold, bound)
        }
    }

    func fits(_ published: PublishedCount, _ sum: Int) -> Bool { range(published, within: Int.max - 1).contains(sum) }

    func possibleValues() -> [[Set<Int>?]] {
        let rows = table.cells.count, columns = table.cells.first?.count ?? 0
        var possible: [[Set<Int>?]] = Array(repeating: Array(repeating: nil, count: columns), count: rows)
        var guess = Array(repeating: Array(repeating: 0, count: columns), count: rows)
        func bound(_ r: Int, _ c: Int) -> Int {
            [table.rowTotals[r].value, table.columnTotals[c].value, table.total.value, ceiling].compactMap { $0 }.min()!
        }
        func place(_ index: Int) {
            guard index < rows * columns else {
                for c in 0..<columns where !fits(table.columnTotals[c], guess.reduce(0) { $0 + $1[c] }) { return }
                guard fits(table.total, guess.joined().reduce(0, +)) else { return }
                for r in 0..<rows {
                    for c in 0..<columns where table.cells[r][c].isSuppressed { possible[r][c, default: []].insert(guess[r][c]) }
                }
                return
            }
            let r = index / columns, c = index % columns
            for value in range(table.cells[r][c], within: bound(r, c)) {
                guess[r][c] = value
                // A finished row must make its total; a column may not pass a published total.
                if c == columns - 1, !fits(table.rowTotals[r], guess[r].reduce(0, +)) { continue }
                if let columnTotal = table.columnTotals[c].value, (0...r).reduce(0, { $0 + guess[$1][c] }) > columnTotal { continue }
                place(index + 1)
            }
        }
        place(0)
        return possible
    }
}

private extension Array where Element == Set<Int>? {
    subscript(index: Int, default fallback: Set<Int>) -> Set<Int> {
        get { self[index] ?? fallback }
        set { self[index] = newValue }
    }
}
