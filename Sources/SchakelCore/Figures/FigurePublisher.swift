import Meldroute

/// The figures of a year as one protected grid, and each period's and area's figures read from it.
/// How the breakdowns hang together is what a reader of the report sees in it: the months and the
/// municipalities add up to the signals; most breakdowns count the signals, and the rows of some
/// (each signal in one row) add up to them; the reasons add up to the decisions without a next step.
/// The activities are a grid of their own (`ActivityLeaves`), whose root is the activities held; so
/// are the consults (`ConsultLeaves`), whose root is the consults asked.
public struct FigurePublisher: Sendable {
    public let protected: ProtectedGrid
    let layers: [String: Int]
    /// Every row a breakdown has anywhere in the year, in the order first met.
    let rowLabels: [String: [String]]
    let viewsAsRows: Bool

    static let signalsLayer = "signalen"
    static let monthsID = "maand", municipalitiesID = "gemeente"
    static let noNextStep = "geen vervolg"
    /// The breakdowns whose total is the signals.
    static let countingSignals: Set<String> = Set([monthsID, municipalitiesID, "vorm", "bron", "melder", "acuut", "minderjarig",
                                               FigureBreakdown.routeStateID, RouteTiming.breakdownID])
        .union(ActivityLeaves.countingActivities).union(ConsultLeaves.countingConsults)
    /// The breakdowns in which each counted thing is in one row (where the rows do add up).
    static let partitioned: Set<String> = Set(["bron", "melder", "acuut", "minderjarig", FigureBreakdown.routeStateID, RouteTiming.breakdownID,
                                           RouteOutcomes.reasonBreakdownID, "casus", "verwijzing", monthsID, municipalitiesID])
        .union(ActivityLeaves.countingActivities).union([ActivityLeaves.reachID]).union(ConsultLeaves.partitioned)

    static func totalLayer(_ id: String) -> String {
        if countingSignals.contains(id) { return signalsLayer }
        if id == RouteOutcomes.reasonBreakdownID { return rowLayer("besluit", noNextStep) }
        return id
    }

    static func rowLayer(_ id: String, _ label: String) -> String { "\(id)/\(label)" }

    /// A year's figures, month by month and municipality by municipality
    /// (`months[month][municipality]`, the municipalities of `Municipality.twente`), protected together.
    public init(months: [[FigureCounts]], threshold: Int) {
        precondition(months.count == 12 && months.allSatisfy { $0.count == months[0].count })
        self.init(leaves: months.flatMap { $0 }, periods: .year, areas: .whole(of: months[0].count), viewsAsRows: false, threshold: threshold)
    }

    /// Figures that stand alone (one period, one area): each list protected with its total only.
    public init(alone figures: FigureCounts, threshold: Int) {
        self.init(leaves: [figures], periods: .whole(of: 1), areas: .whole(of: 1), viewsAsRows: true, threshold: threshold)
    }

    init(leaves: [FigureCounts], periods: FigureGrid.Tree, areas: FigureGrid.Tree, viewsAsRows: Bool, threshold: Int) {
        var layers = [Self.signalsLayer: 0], rowLabels: [String: [String]] = [:]
        var counts: [[String: Int]] = []
        func layer(_ name: String) -> Int {
            if let index = layers[name] { return index }
            layers[name] = layers.count
            return layers.count - 1
        }
        for figures in leaves {
            var leaf = [Self.signalsLayer: figures.signals]
            for breakdown in figures.breakdowns where viewsAsRows || ![Self.monthsID, Self.municipalitiesID].contains(breakdown.id) {
                let total = Self.totalLayer(breakdown.id)
                _ = layer(total)
                if total != Self.signalsLayer { leaf[total] = breakdown.total }
                // Rows of one label add up; a layer that is one breakdown's row and another's total
                // (no next step) is the same count either way.
                var rows: [String: Int] = [:]
                for row in breakdown.rows {
                    let name = Self.rowLayer(breakdown.id, row.label)
                    if layers[name] == nil { rowLabels[breakdown.id, default: []].append(row.label) }
                    _ = layer(name)
                    rows[name, default: 0] += row.count
                }
                leaf.merge(rows) { _, row in row }
            }
            counts.append(leaf)
        }
        let names = layers.sorted { $0.value < $1.value }.map(\.key)
        let grid = names.map { name in
            (0..<periods.leafCount).flatMap { p in (0..<areas.leafCount).map { a in counts[p * areas.leafCount + a][name] ?? 0 } }
        }
        // A breakdown is a partition only where its rows do add up to its total, in every leaf.
        let partitions = rowLabels.keys.sorted().filter(Self.partitioned.contains).compactMap { id -> FigureGrid.Partition? in
            let partition = FigureGrid.Partition(total: layers[Self.totalLayer(id)]!, parts: rowLabels[id]!.map { layers[Self.rowLayer(id, $0)]! })
            let addsUp = grid[partition.total].indices.allSatisfy { leaf in
                partition.parts.reduce(0) { $0 + grid[$1][leaf] } == grid[partition.total][leaf]
            }
            return addsUp ? partition : nil
        }
        protected = JointSuppression.protect(FigureGrid(periods: periods, areas: areas, partitions: partitions, leaves: grid), threshold: threshold)
        self.layers = layers
        self.rowLabels = rowLabels
        self.viewsAsRows = viewsAsRows
    }

    /// `figures` (of a period within the year and an area) with what may be published of them.
    public func publishing(_ figures: SignalFigures) -> SignalFigures {
        let (period, area) = viewsAsRows ? (0, 0) : (Self.node(of: figures.period), Self.node(of: figures.area))
        func count(_ name: String, period: Int, area: Int) -> PublishedCount {
            layers[name].map { protected.count(layer: $0, period: period, area: area) } ?? .shown(0)
        }
        let breakdowns = figures.breakdowns.map { breakdown -> PublishedBreakdown in
            var rows: [PublishedRow]
            switch breakdown.id {
            case Self.monthsID where !viewsAsRows:
                let months = figures.period.months.map { Self.node(of: .month($0.first.year, $0.first.month)) }
                rows = zip(breakdown.rows, months).map { PublishedRow(label: $0.label, count: count(Self.signalsLayer, period: $1, area: area)) }
            case Self.municipalitiesID where !viewsAsRows:
                rows = breakdown.rows.enumerated().map { PublishedRow(label: $1.label, count: count(Self.signalsLayer, period: period, area: 1 + $0)) }
            default:
                let labels = breakdown.rows.map(\.label)
                rows = labels.map { PublishedRow(label: $0, count: count(Self.rowLayer(breakdown.id, $0), period: period, area: area)) }
                // A row the year has but this period's list lacks: shown where it is kept back, so
                // that its leaving out does not say 0.
                for label in rowLabels[breakdown.id] ?? [] where !labels.contains(label) {
                    let published = count(Self.rowLayer(breakdown.id, label), period: period, area: area)
                    if published != .shown(0) { rows.append(PublishedRow(label: label, count: published)) }
                }
            }
            return PublishedBreakdown(id: breakdown.id, title: breakdown.title, rows: rows,
                                      total: count(Self.totalLayer(breakdown.id), period: period, area: area), threshold: protected.threshold)
        }
        return figures.published(signals: count(Self.signalsLayer, period: period, area: area), breakdowns: breakdowns,
                                 threshold: protected.threshold)
    }

    /// The node of the year's grid: 0 the year, 1–4 the quarters, 5–16 the months.
    static func node(of period: FiguresPeriod) -> Int {
        switch period {
        case .year: return 0
        case .quarter(_, let quarter): return quarter
        case .month(_, let month): return 4 + month
        }
    }

    /// 0 the region, then the municipalities in the order of `Municipality.twente`.
    static func node(of area: FiguresArea) -> Int {
        switch area {
        case .region: return 0
        case .municipality(let municipality): return 1 + (Municipality.twente.firstIndex(of: municipality) ?? -1)
        }
    }
}
