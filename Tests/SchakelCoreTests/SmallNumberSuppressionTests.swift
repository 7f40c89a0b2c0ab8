import Testing
@testable import SchakelCore

/// The one suppression rule: no count from 1 to 4 is published, and none can be worked back from
/// the total — checked by rule on random lists, and by trying every list a reader could think of.
@Suite struct SmallNumberSuppressionTests {
    @Test func smallCountsAreKeptBackAndZeroIsShown() {
        let list = SmallNumberSuppression.suppress([12, 0, 3, 7, 9])
        // The 3 alone would be the total minus the rest: the smallest count of at least 5 goes too.
        #expect(list.counts == [.shown(12), .shown(0), .small, .withheld, .shown(9)])
        #expect(list.total == .shown(31))
        #expect(list.counts.map { $0.text(threshold: 5) } == ["12", "0", "<5", "x", "9"])
    }

    @Test func twoSmallCountsProtectEachOtherUnlessTheirSumGivesThemAway() {
        #expect(SmallNumberSuppression.suppress([2, 4, 30]).counts == [.small, .small, .shown(30)])
        // 4 + 4 = 8 is the only way two counts below 5 make 8: one more goes.
        #expect(SmallNumberSuppression.suppress([4, 4, 30, 12]).counts == [.small, .small, .shown(30), .withheld])
        // 1 + 1 = 2 likewise.
        #expect(SmallNumberSuppression.suppress([1, 1, 9]).counts == [.small, .small, .withheld])
    }

    @Test func aSmallTotalIsKeptBackItselfAndNothingElseIsNeeded() {
        let list = SmallNumberSuppression.suppress([1, 2, 0])
        #expect(list.counts == [.small, .small, .shown(0)] && list.total == .small)
    }

    @Test func whenNothingLargeIsLeftTheTotalGoes() {
        // 3 and x make 9: x is 5 to 8, <5 is 1 to 4; more than one way, so the total stays.
        let list = SmallNumberSuppression.suppress([3, 0, 6], threshold: 5)
        #expect(list.counts == [.small, .shown(0), .withheld] && list.total == .shown(9))
        // 4 and 4 make 8 one way only, and nothing of 5 or more is left to keep back: the total goes.
        let pinned = SmallNumberSuppression.suppress([4, 4, 0], threshold: 5)
        #expect(pinned.counts == [.small, .small, .shown(0)] && pinned.total == .withheld)
    }

    @Test func randomListsFollowTheRule() {
        var random = SplitMix(seed: 20261201)
        for _ in 0..<2000 {
            let counts = (0..<random.next(in: 1...14)).map { _ in random.next(in: 0...3) == 0 ? random.next(in: 0...4) : random.next(in: 0...60) }
            let threshold = random.next(in: 2...10)
            let list = SmallNumberSuppression.suppress(counts, threshold: threshold)
            // Nothing from 1 to threshold − 1 shown; what is shown is true; a published total has
            // none or at least two kept back.
            let published = list.counts + [list.total]
            #expect(published.allSatisfy { ($0.value ?? 0) == 0 || $0.value! >= threshold }, "\(counts)")
            #expect(zip(list.counts, counts).allSatisfy { published, count in published.value.map { $0 == count } ?? true }, "\(counts)")
            #expect(list.total.isSuppressed || list.counts.filter(\.isSuppressed).count != 1, "\(counts)")
        }
    }

    /// Every list a reader could think of, given what is published: each kept-back count must
    /// still have more than one possible value.
    @Test func noKeptBackCountCanBeWorkedOutFromWhatIsPublished() {
        var random = SplitMix(seed: 42)
        for _ in 0..<1500 {
            let threshold = random.next(in: 2...5)
            let counts = (0..<random.next(in: 1...6)).map { _ in random.next(in: 0...3) == 0 ? random.next(in: 0...threshold) : random.next(in: 0...12) }
            let list = SmallNumberSuppression.suppress(counts, threshold: threshold)
            guard let total = list.total.value else { continue }
            let shown = list.counts.compactMap(\.value).reduce(0, +)
            let kept = list.counts.indices.filter { list.counts[$0].isSuppressed }
            var possible = Array(repeating: Set<Int>(), count: kept.count)
            var guess = Array(repeating: 0, count: kept.count)
            func place(_ index: Int, _ left: Int) {
                guard index < kept.count else {
                    if left == 0 { for (i, value) in guess.enumerated() { possible[i].insert(value) } }
                    return
                }
                let range = list.counts[kept[index]] == .small ? 1...(threshold - 1) : threshold...max(threshold, left)
                for value in range where value <= left {
                    guess[index] = value
                    place(index + 1, left - value)
                }
            }
            place(0, total - shown)
            for (i, index) in kept.enumerated() {
                #expect(possible[i].count > 1, "count \(index) of \(counts) at \(threshold): \(possible[i])")
            }
        }
    }
}

/// A small seeded generator, so that a failing list can be found again.
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
