/// Small-number suppression over everything a user can obtain together: the counts of a year, its
/// quarters and months, of the region and each municipality, of every row and total. A count from
/// 1 to `threshold − 1` is never shown (`<5`); nor is it left workable-out from the rest.
///
/// What a reader knows: a shown count exactly; `<5` is 0 to threshold − 1 (a 0 is sometimes shown
/// so, to protect another); `x` is any count; and every sum the figures state (a year is its
/// quarters, the region its municipalities, a partition's rows its total). A small count is
/// protected when another table fits all of that and differs in it. The search proves this for
/// each small count by building such a table: it moves one signal between two months (or takes one
/// away), between two municipalities (or takes one away), and between two rows of a partition (or
/// takes one from a total and from one row of each of its partitions) — the product of those three,
/// which leaves every sum that holds both or neither of each pair unchanged. Every count the move
/// changes must be kept back and stay within what its mark says; the cheapest such move is chosen,
/// and the counts it needs are kept back (a `<5` the move would lift to the threshold becomes `x`).
/// Keeping back more only widens what a reader can conclude, so a proof once found stays true. One
/// move always exists: taking away one signal the small count holds, with its rows.
public enum JointSuppression {
    public static let defaultThreshold = 5

    public static func protect(_ grid: FigureGrid, threshold: Int) -> ProtectedGrid {
        precondition(threshold >= 2)
        var search = CertificateSearch(grid: grid, threshold: threshold)
        search.certifyAll()
        return ProtectedGrid(grid: grid, threshold: threshold, published: search.published,
                             unproven: search.certified.indices.filter { !search.certified[$0] })
    }
}

/// One dimension's part of a move: a coefficient (+1 or −1) for each node that changes.
typealias NodeMove = [(node: Int, coefficient: Int)]

/// One dimension's part of a move as the leaves it adds to and takes from, and the nodes that change.
struct LeafMove {
    let nodes: NodeMove
    let plus: Int
    let minus: Int?
}

struct CertificateSearch {
    enum Mark: UInt8 { case shown, small, withheld }

    let threshold: Int
    let periodCount: Int, areaCount: Int, layerCount: Int
    let value: [Int]
    var mark: [Mark]
    var certified: [Bool]
    let periodMoves: [[LeafMove]]
    let areaMoves: [[LeafMove]]
    /// Each leaf alone gaining one: the nodes that change.
    let periodLeaf: [NodeMove]
    let areaLeaf: [NodeMove]
    /// How many leaves a period node and an area node hold together.
    let cellSize: [[Int]]
    /// For a layer, the partition it is a part of; and the partitions it is the total of.
    let partOf: [Int?]
    let totalOf: [[Int]]
    let partitions: [FigureGrid.Partition]

    init(grid: FigureGrid, threshold: Int) {
        self.threshold = threshold
        periodCount = grid.periods.nodes.count
        areaCount = grid.areas.nodes.count
        layerCount = grid.layerCount
        partitions = grid.partitions
        var value: [Int] = []
        value.reserveCapacity(layerCount * periodCount * areaCount)
        for layer in 0..<layerCount {
            for period in 0..<periodCount {
                for area in 0..<areaCount { value.append(grid.count(layer: layer, period: period, area: area)) }
            }
        }
        self.value = value
        mark = value.map { $0 > 0 && $0 < threshold ? .small : .shown }
        certified = value.map { !($0 > 0 && $0 < threshold) }
        periodMoves = Self.moves(grid.periods)
        areaMoves = Self.moves(grid.areas)
        periodLeaf = (0..<grid.periods.leafCount).map { Self.nodes(grid.periods, plus: $0, minus: nil) }
        areaLeaf = (0..<grid.areas.leafCount).map { Self.nodes(grid.areas, plus: $0, minus: nil) }
        cellSize = grid.periods.nodes.map { period in grid.areas.nodes.map { period.count * $0.count } }
        var partOf = [Int?](repeating: nil, count: grid.layerCount), totalOf = [[Int]](repeating: [], count: grid.layerCount)
        for (index, partition) in grid.partitions.enumerated() {
            totalOf[partition.total].append(index)
            for part in partition.parts { partOf[part] = index }
        }
        self.partOf = partOf
        self.totalOf = totalOf
    }

    /// For each node, the ways to change it: one leaf in it (+1), less one leaf outside it (−1) or
    /// none; each with the nodes that change, fewest first.
    static func moves(_ tree: FigureGrid.Tree) -> [[LeafMove]] {
        tree.nodes.map { node in
            let inside = Set(node)
            var moves: [LeafMove] = []
            for u in node {
                for v in [nil] + (0..<tree.leafCount).filter({ !inside.contains($0) }).map(Optional.some) {
                    moves.append(LeafMove(nodes: nodes(tree, plus: u, minus: v), plus: u, minus: v))
                }
            }
            return moves.sorted { $0.nodes.count < $1.nodes.count }
        }
    }

    /// The nodes that change, and by how much, when leaf `plus` gains one and leaf `minus` loses one.
    static func nodes(_ tree: FigureGrid.Tree, plus u: Int, minus v: Int?) -> NodeMove {
        tree.nodes.indices.compactMap { index in
            let coefficient = (tree.nodes[index].contains(u) ? 1 : 0) - (v.map { tree.nodes[index].contains($0) } == true ? 1 : 0)
            return coefficient == 0 ? nil : (index, coefficient)
        }
    }

    var published: [PublishedCount] {
        zip(value, mark).map { value, mark in
            switch mark {
            case .shown: return .shown(value)
            case .small: return .small
            case .withheld: return .withheld
            }
        }
    }

    func index(_ layer: Int, _ period: Int, _ area: Int) -> Int { (layer * periodCount + period) * areaCount + area }

    /// Finest counts first: their moves keep back little, and often prove the sums above them too.
    mutating func certifyAll() {
        let order = value.indices.filter { !certified[$0] }.sorted { a, b in
            (cellSize[period(of: a)][area(of: a)], a) < (cellSize[period(of: b)][area(of: b)], b)
        }
        for cell in order where !certified[cell] {
            if let move = cheapestMove(for: cell) { apply(move) }
        }
    }

    func period(of cell: Int) -> Int { (cell / areaCount) % periodCount }
    func area(of cell: Int) -> Int { cell % areaCount }
    func layer(of cell: Int) -> Int { cell / (areaCount * periodCount) }

    /// A move's change in one layer: `coefficient` × (its period change ⊗ its area change).
    struct Term {
        let layer: Int
        let coefficient: Int
        let periods: NodeMove
        let areas: NodeMove
    }

    struct Move {
        var terms: [Term]
        var sign: Int
        var cost: Int
    }

    func cheapestMove(for cell: Int) -> Move? {
        let layer = layer(of: cell)
        var best: Move?
        for periods in periodMoves[period(of: cell)] {
            for areas in areaMoves[area(of: cell)] {
                for sign in [-1, 1] {
                    for choice in layerChoices(for: layer, periods, areas, sign, bound: best?.cost ?? Int.max)
                    where choice.cost < best?.cost ?? Int.max {
                        best = Move(terms: choice.terms, sign: sign, cost: choice.cost)
                        if choice.cost == 0 { return best }
                    }
                }
            }
        }
        return best
    }

    func cost(_ term: Term, _ sign: Int, bound: Int) -> Int? {
        cost(term.layer, term.coefficient, term.periods, term.areas, sign, bound: bound)
    }

    /// The layers a move may change, with what they cost: a part less another part of its
    /// partition; or the layer raised with its total (when it is a part) and, for each partition
    /// of what is raised, a part carrying the change (`carrier`).
    func layerChoices(for layer: Int, _ periods: LeafMove, _ areas: LeafMove, _ sign: Int, bound: Int) -> [(terms: [Term], cost: Int)] {
        var choices: [(terms: [Term], cost: Int)] = []
        let own = Term(layer: layer, coefficient: 1, periods: periods.nodes, areas: areas.nodes)
        guard let ownCost = cost(own, sign, bound: bound) else { return [] }
        if let partition = partOf[layer] {
            for other in partitions[partition].parts where other != layer {
                let term = Term(layer: other, coefficient: -1, periods: periods.nodes, areas: areas.nodes)
                if let cost = cost(term, sign, bound: bound - ownCost) { choices.append(([own, term], ownCost + cost)) }
            }
        }
        var raised = [own], total = ownCost
        if let partition = partOf[layer] {
            let sum = Term(layer: partitions[partition].total, coefficient: 1, periods: periods.nodes, areas: areas.nodes)
            guard let cost = cost(sum, sign, bound: bound - total) else { return choices }
            raised.append(sum)
            total += cost
        }
        for term in raised {
            for partition in totalOf[term.layer] where partition != partOf[layer] {
                guard let carried = carrier(partitions[partition].parts, periods, areas, sign, bound: bound - total) else { return choices }
                raised += carried.terms
                total += carried.cost
            }
        }
        choices.append((raised, total))
        return choices
    }

    /// The cheapest way for a partition's parts to carry a change of its total: one part all of
    /// it; or, where the move takes from one month and gives to another, one part in the one and
    /// another in the other (so that the total's own sums over the region stay untouched even
    /// when no single part has a signal in both); likewise for two municipalities.
    func carrier(_ parts: [Int], _ periods: LeafMove, _ areas: LeafMove, _ sign: Int, bound: Int) -> (terms: [Term], cost: Int)? {
        var best: (terms: [Term], cost: Int)?
        func consider(_ terms: [Term]) {
            guard !terms.isEmpty else { return }
            var total = 0
            for term in terms {
                guard let cost = cost(term, sign, bound: min(bound, best?.cost ?? Int.max) - total) else { return }
                total += cost
            }
            if total < best?.cost ?? Int.max { best = (terms, total) }
        }
        for part in parts {
            consider([Term(layer: part, coefficient: 1, periods: periods.nodes, areas: areas.nodes)])
            if best?.cost == 0 { return best }
        }
        // Split: the cheapest part for each half, each half priced on its own.
        if let minus = periods.minus {
            consider(splitHalves(parts, (periodLeaf[periods.plus], areas.nodes), (periodLeaf[minus], areas.nodes), sign, bound: bound))
        }
        if let minus = areas.minus {
            consider(splitHalves(parts, (periods.nodes, areaLeaf[areas.plus]), (periods.nodes, areaLeaf[minus]), sign, bound: bound))
        }
        return best
    }

    /// The two halves of a split move, each carried by its cheapest part (two different parts; the
    /// same part in both is the undivided move).
    func splitHalves(_ parts: [Int], _ plus: (NodeMove, NodeMove), _ minus: (NodeMove, NodeMove), _ sign: Int, bound: Int) -> [Term] {
        func ranked(_ coefficient: Int, _ half: (NodeMove, NodeMove)) -> [(cost: Int, term: Term)] {
            parts.compactMap { part in
                let term = Term(layer: part, coefficient: coefficient, periods: half.0, areas: half.1)
                return cost(term, sign, bound: bound).map { ($0, term) }
            }.sorted { $0.cost < $1.cost }
        }
        let up = ranked(1, plus), down = ranked(-1, minus)
        guard let firstUp = up.first, let firstDown = down.first else { return [] }
        if firstUp.term.layer != firstDown.term.layer { return [firstUp.term, firstDown.term] }
        let options = [up.dropFirst().first.map { [$0.term, firstDown.term] }, down.dropFirst().first.map { [firstUp.term, $0.term] }]
            .compactMap { $0 }
        return options.min { a, b in
            a.reduce(0) { $0 + (cost($1, sign, bound: Int.max) ?? 0) } < b.reduce(0) { $0 + (cost($1, sign, bound: Int.max) ?? 0) }
        } ?? []
    }

    /// What keeping back the counts of `layer` the move changes would cost (nothing for what is
    /// kept back already; a 0 shown as `<5` little; a count more the larger it is and the more
    /// months and municipalities it covers, so that a region's or a year's count goes last), or nil
    /// when one would go below 0.
    func cost(_ layer: Int, _ coefficient: Int, _ periods: NodeMove, _ areas: NodeMove, _ sign: Int, bound: Int) -> Int? {
        var cost = 0
        for (period, periodCoefficient) in periods {
            for (area, areaCoefficient) in areas {
                let cell = index(layer, period, area)
                let moved = value[cell] + sign * coefficient * periodCoefficient * areaCoefficient
                guard moved >= 0 else { return nil }
                switch mark[cell] {
                case .small where moved >= threshold: cost += 1
                case .small, .withheld: break
                case .shown: cost += value[cell] == 0 ? 1 : (2 + value[cell]) * cellSize[period][area] * cellSize[period][area]
                }
                if cost > bound { return nil }
            }
        }
        return cost
    }

    /// Keeps back what the move changes; every small count it changes is proven protected.
    mutating func apply(_ move: Move) {
        // Terms of one layer may meet in a cell: what counts is their sum there.
        var change: [Int: Int] = [:]
        for term in move.terms {
            for (period, periodCoefficient) in term.periods {
                for (area, areaCoefficient) in term.areas {
                    change[index(term.layer, period, area), default: 0] += move.sign * term.coefficient * periodCoefficient * areaCoefficient
                }
            }
        }
        for (cell, delta) in change where delta != 0 {
            let moved = value[cell] + delta
            precondition(moved >= 0)
            switch mark[cell] {
            case .shown: mark[cell] = value[cell] == 0 ? .small : .withheld
            case .small where moved >= threshold: mark[cell] = .withheld
            case .small, .withheld: break
            }
            certified[cell] = true
        }
    }
}
