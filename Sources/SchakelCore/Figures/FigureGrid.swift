/// Every count a user can obtain for one calendar year, as one table: the period's nodes (the year,
/// its quarters, its months) × the area's nodes (the region, its municipalities) × the layers (the
/// signals, each row of each breakdown). What is counted lives in the leaves — one month of one
/// municipality — and every published count is a sum of leaves. Where the rows of a breakdown add
/// up to its total, that is a partition; the suppression protects all of it together.
public struct FigureGrid: Sendable {
    /// The nodes of one dimension, each a set of leaves; the first node holds them all.
    public struct Tree: Sendable {
        public let leafCount: Int
        public let nodes: [[Int]]

        public init(leafCount: Int, nodes: [[Int]]) {
            precondition(nodes.allSatisfy { $0.allSatisfy { (0..<leafCount).contains($0) } })
            self.leafCount = leafCount
            self.nodes = nodes
        }

        /// A year: node 0 the year, 1–4 the quarters, 5–16 the months (the leaves).
        public static let year = Tree(leafCount: 12, nodes: [Array(0..<12)] + (0..<4).map { Array(3 * $0..<3 * $0 + 3) } + (0..<12).map { [$0] })

        /// The whole, and each of `parts` leaves on its own.
        public static func whole(of parts: Int) -> Tree {
            Tree(leafCount: parts, nodes: [Array(0..<parts)] + (0..<parts).map { [$0] })
        }
    }

    /// A count that is the sum of others, in every leaf (the signals are their sources added up).
    public struct Partition: Hashable, Sendable {
        public let total: Int
        public let parts: [Int]

        public init(total: Int, parts: [Int]) {
            self.total = total
            self.parts = parts
        }
    }

    public let periods: Tree
    public let areas: Tree
    public let layerCount: Int
    public let partitions: [Partition]
    /// `leaves[layer][periodLeaf * areas.leafCount + areaLeaf]`
    public let leaves: [[Int]]

    /// A part is in one partition only and is never a total itself; the leaves add up.
    public init(periods: Tree, areas: Tree, partitions: [Partition], leaves: [[Int]]) {
        let parts = partitions.flatMap(\.parts)
        precondition(Set(parts).count == parts.count && Set(parts).isDisjoint(with: partitions.map(\.total)))
        precondition(leaves.allSatisfy { $0.count == periods.leafCount * areas.leafCount && $0.allSatisfy { $0 >= 0 } })
        precondition(partitions.allSatisfy { partition in
            leaves[partition.total].indices.allSatisfy { leaf in partition.parts.reduce(0) { $0 + leaves[$1][leaf] } == leaves[partition.total][leaf] }
        }, "a partition's parts do not add up to its total")
        self.periods = periods
        self.areas = areas
        layerCount = leaves.count
        self.partitions = partitions
        self.leaves = leaves
    }

    /// The count of one layer over one period node and one area node.
    public func count(layer: Int, period: Int, area: Int) -> Int {
        var sum = 0
        for p in periods.nodes[period] {
            for a in areas.nodes[area] { sum += leaves[layer][p * areas.leafCount + a] }
        }
        return sum
    }
}

/// The grid as it may be published: each count shown, or kept back (`<5` or `x`).
public struct ProtectedGrid: Sendable {
    public let grid: FigureGrid
    public let threshold: Int
    let published: [PublishedCount]
    /// Small counts for which no move was found (none, when the search works as it should).
    let unproven: [Int]

    init(grid: FigureGrid, threshold: Int, published: [PublishedCount], unproven: [Int]) {
        self.grid = grid
        self.threshold = threshold
        self.published = published
        self.unproven = unproven
    }

    public func count(layer: Int, period: Int, area: Int) -> PublishedCount {
        published[(layer * grid.periods.nodes.count + period) * grid.areas.nodes.count + area]
    }
}
