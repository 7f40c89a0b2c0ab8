/// A count as it may be published: shown, or kept back because it is small enough to point at a
/// person (primary), or kept back so that a small one cannot be worked out from the total
/// (secondary).
public enum PublishedCount: Hashable, Sendable {
    case shown(Int)
    /// Between 1 and the threshold − 1: shown as `<5`.
    case small
    /// Kept back to protect a small count in the same list: shown as `x`.
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

/// A list of counts (by municipality, by form, by month…) and its total, as published.
public struct SuppressedList: Hashable, Sendable {
    public var counts: [PublishedCount]
    public var total: PublishedCount
}

/// Small-number suppression, the one rule for every figure on screen and in every export. Every
/// figure is a list of counts with its total. A count from 1 to `threshold − 1` is never published
/// (0 is: it points at nobody); a total that small neither. While the total is published, what is
/// kept back must not be workable-out from it: not a single count, and not counts whose ranges
/// (`<5` is 1 to 4, `x` at least 5) leave one way to make up the difference — then the smallest
/// published count of at least the threshold is kept back too, or, when there is none, the total.
public enum SmallNumberSuppression {
    public static let defaultThreshold = 5

    public static func suppress(_ counts: [Int], threshold: Int = defaultThreshold) -> SuppressedList {
        precondition(threshold >= 2 && counts.allSatisfy { $0 >= 0 })
        func primary(_ value: Int) -> PublishedCount { value > 0 && value < threshold ? .small : .shown(value) }
        let sum = counts.reduce(0, +)
        var list = SuppressedList(counts: counts.map(primary), total: primary(sum))
        while list.total.value != nil {
            let kept = list.counts.indices.filter { list.counts[$0].isSuppressed }
            let difference = kept.reduce(0) { $0 + counts[$1] }
            guard !kept.isEmpty, kept.count == 1 || isPinned(kept.map { list.counts[$0] }, summingTo: difference, threshold: threshold)
            else { break }
            let candidates = counts.indices.filter { !list.counts[$0].isSuppressed && counts[$0] >= threshold }
            if let next = candidates.min(by: { counts[$0] < counts[$1] }) {
                list.counts[next] = .withheld
            } else {
                list.total = .withheld
            }
        }
        return list
    }

    /// Whether a reader who knows the kept-back counts add up to `sum` (the total less what is
    /// shown) can pin any of them: for one sum over ranges, each count's possible values are
    /// exactly the range left after the others take their least and their most.
    static func isPinned(_ kept: [PublishedCount], summingTo sum: Int, threshold: Int) -> Bool {
        let ranges = kept.map { $0 == .small ? (low: 1, high: threshold - 1) : (low: threshold, high: sum) }
        let lows = ranges.reduce(0) { $0 + $1.low }, highs = ranges.reduce(0) { $0 + $1.high }
        return ranges.contains { range in
            max(range.low, sum - (highs - range.high)) >= min(range.high, sum - (lows - range.low))
        }
    }
}
