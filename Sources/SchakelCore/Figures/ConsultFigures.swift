import Meldroute

/// A year's counts kept by key, month (0–11) and area: the leaves a grid of its own (the
/// activities', the consults') is protected from.
struct MonthAreaCounts: Hashable, Sendable {
    let areaCount: Int
    private(set) var counts: [String: [Int]] = [:]

    init(areaCount: Int) { self.areaCount = areaCount }

    mutating func add(_ count: Int, to key: String, month: Int, area: Int) {
        guard (0..<12).contains(month), (0..<areaCount).contains(area) else { return }
        counts[key, default: Array(repeating: 0, count: 12 * areaCount)][month * areaCount + area] += count
    }

    /// The leaves of some months and areas.
    func leaves(months: [Int], areas: [Int]) -> [Int] { months.flatMap { month in areas.map { month * areaCount + $0 } } }

    func sum(_ key: String, _ leaves: [Int]) -> Int {
        guard let counts = counts[key] else { return 0 }
        return leaves.reduce(0) { $0 + counts[$1] }
    }

    /// The rows of every key that starts with `prefix` (the rest is the row's label), in key order; none empty.
    func rows(_ prefix: String, _ leaves: [Int]) -> [FigureRow] {
        counts.keys.filter { $0.hasPrefix(prefix) }.sorted().compactMap { key in
            let count = sum(key, leaves)
            return count > 0 ? FigureRow(String(key.dropFirst(prefix.count)), count) : nil
        }
    }
}

/// One year's consults (advies en consult) counted month by month and municipality by municipality,
/// by the month they were asked, kept by key: `asked`, `kind/…` (the asker), `form/…` (a form's
/// code, or `geen`), `outcome/…` (`open` while open). Protected as a grid of their own
/// (`publisher`), whose root is the consults asked; every count goes through the same rule.
public struct ConsultLeaves: Hashable, Sendable {
    public let year: Int
    var counts = MonthAreaCounts(areaCount: Municipality.twente.count)

    public static let askerID = "consult-vrager", formID = "consult-vorm", outcomeID = "consult-uitkomst", areaID = "consult-gemeente"
    /// The breakdowns that count the consults (their total is the consults asked).
    static let countingConsults: Set<String> = [askerID, formID, outcomeID, areaID]
    /// Those in which each consult is in one row (not the forms: a consult may concern more than one).
    static let partitioned: Set<String> = [askerID, outcomeID, areaID]
    public static let openOutcome = "open"

    public init(year: Int) { self.year = year }

    /// Whether any consult was asked in the year, anywhere.
    public var isInUse: Bool { counts.counts["asked"] != nil }

    /// Adds `count` to `key` in one month (0–11) of a municipality (its id).
    public mutating func add(_ count: Int, to key: String, month: Int, municipalityID: Int64) {
        guard let area = Municipality.twente.firstIndex(where: { $0.id == municipalityID }) else { return }
        counts.add(count, to: key, month: month, area: area)
    }

    /// One group of consults of a month and municipality, counted under each of its keys.
    public mutating func add(_ count: Int, month: Int, municipalityID: Int64, asker: String, forms: ExploitationForms, outcome: String?) {
        let formKeys = forms.members.isEmpty ? ["form/geen"] : forms.members.map { "form/\($0.code)" }
        for key in ["asked", "kind/\(asker)", "outcome/\(outcome ?? Self.openOutcome)"] + formKeys {
            add(count, to: key, month: month, municipalityID: municipalityID)
        }
    }

    /// The figures of a period of the year and an area, as counted (not yet published).
    public func figures(_ period: FiguresPeriod, _ area: FiguresArea, byMunicipality: Bool) -> SignalFigures {
        precondition(period.year == year)
        let areas: [Int]
        switch area {
        case .region: areas = Array(Municipality.twente.indices)
        case .municipality(let municipality): areas = Municipality.twente.firstIndex(of: municipality).map { [$0] } ?? []
        }
        let counted = counts(months: period.months.map { $0.first.month - 1 }, areas: areas, byMunicipality: byMunicipality)
        return SignalFigures(period: period, area: area, unpublished: counted, durations: [])
    }

    static let outcomeRows: [(key: String, label: String)] = [(openOutcome, "nog open")]
        + ConsultOutcome.allCases.map { ($0.rawValue, $0 == .signal ? "omgezet in signaal" : $0.label) }

    func counts(months: [Int], areas: [Int], byMunicipality: Bool) -> FigureCounts {
        let leaves = counts.leaves(months: months, areas: areas)
        let asked = counts.sum("asked", leaves)
        var breakdowns = [
            FigureBreakdown(id: Self.askerID, title: "Consulten, naar vrager",
                            rows: AskerKind.allCases.map { FigureRow($0.label, counts.sum("kind/\($0.rawValue)", leaves)) }, total: asked),
            FigureBreakdown(id: Self.formID, title: "Consulten, naar vorm (een consult kan meer vormen betreffen)",
                            rows: ExploitationForm.allCases.map { FigureRow($0.label, counts.sum("form/\($0.code)", leaves)) }
                                + [FigureRow("geen vorm genoemd", counts.sum("form/geen", leaves))], total: asked),
            FigureBreakdown(id: Self.outcomeID, title: "Consulten, naar uitkomst",
                            rows: Self.outcomeRows.map { FigureRow($0.label, counts.sum("outcome/\($0.key)", leaves)) }, total: asked),
        ]
        if byMunicipality {
            let rows = Municipality.twente.indices.map { area in
                FigureRow(Municipality.twente[area].name, areas.contains(area) ? counts.sum("asked", counts.leaves(months: months, areas: [area])) : 0)
            }
            breakdowns.append(FigureBreakdown(id: Self.areaID, title: "Consulten, per gemeente", rows: rows, total: asked))
        }
        return FigureCounts(signals: asked, breakdowns: breakdowns)
    }

    /// The year protected as one grid: months and quarters × the region and its municipalities.
    public func publisher(threshold: Int) -> FigurePublisher {
        let leaves = (0..<12).flatMap { month in
            Municipality.twente.indices.map { counts(months: [month], areas: [$0], byMunicipality: true) }
        }
        return FigurePublisher(leaves: leaves, periods: .year, areas: .whole(of: Municipality.twente.count), viewsAsRows: false,
                               threshold: threshold)
    }
}
