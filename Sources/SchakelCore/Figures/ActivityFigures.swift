import Meldroute

/// One year's held activities counted month by month and area by area — the fourteen
/// municipalities, then the region's own (a campaign, a regional training) — kept by key: `held`,
/// `kind/…`, `theme/…`, `audience/…`, `giver/…`, `reach` and `reach/…` (people reached, by kind).
/// Protected as a grid of their own (`publisher`), so that they do not change what is kept back of
/// the signals; every count goes through the same rule.
public struct ActivityLeaves: Hashable, Sendable {
    public let year: Int
    var counts = MonthAreaCounts(areaCount: areaCount)

    static let municipalities = Municipality.twente
    /// The municipalities, then the region's own activities.
    static let areaCount = municipalities.count + 1

    public static let kindID = "activiteit-soort", themeID = "activiteit-thema", audienceID = "activiteit-doelgroep"
    public static let giverID = "activiteit-gever", areaID = "activiteit-gemeente", reachID = "bereik"
    /// The breakdowns that count the activities held (each activity in one row).
    static let countingActivities: Set<String> = [kindID, themeID, audienceID, giverID, areaID]
    /// The breakdowns whose rows are ids of the vocabulary, named by `SignalFigures.namingActivities`.
    static let byKindOrAudience: Set<String> = [kindID, audienceID, reachID]
    public static let regionLabel = "regio (heel Twente)"

    public init(year: Int) { self.year = year }

    /// Whether any activity was held in the year, anywhere.
    public var isInUse: Bool { counts.counts["held"] != nil }

    /// Adds `count` to `key` in one month (0–11) of a municipality (its id), or of the region (nil).
    public mutating func add(_ count: Int, to key: String, month: Int, municipalityID: Int64?) {
        let area = municipalityID.map { id in Self.municipalities.firstIndex { $0.id == id } } ?? Self.municipalities.count
        guard let area else { return }
        counts.add(count, to: key, month: month, area: area)
    }

    /// The figures of a period of the year and an area, as counted (not yet published). The
    /// region's are every municipality's and its own.
    public func figures(_ period: FiguresPeriod, _ area: FiguresArea, byMunicipality: Bool) -> SignalFigures {
        precondition(period.year == year)
        let areas: [Int]
        switch area {
        case .region: areas = Array(0..<Self.areaCount)
        case .municipality(let municipality): areas = Self.municipalities.firstIndex(of: municipality).map { [$0] } ?? []
        }
        let counted = counts(months: period.months.map { $0.first.month - 1 }, areas: areas, byMunicipality: byMunicipality)
        return SignalFigures(period: period, area: area, unpublished: counted, durations: [])
    }

    func counts(months: [Int], areas: [Int], byMunicipality: Bool) -> FigureCounts {
        let leaves = counts.leaves(months: months, areas: areas)
        let held = counts.sum("held", leaves), reach = counts.sum("reach", leaves)
        func found(_ prefix: String) -> [FigureRow] { counts.rows(prefix, leaves) }
        func sum(_ key: String, _ leaves: [Int]) -> Int { counts.sum(key, leaves) }
        var breakdowns = [
            FigureBreakdown(id: Self.kindID, title: "Activiteiten gehouden, naar soort", rows: found("kind/"), total: held),
            FigureBreakdown(id: Self.themeID, title: "Activiteiten gehouden, naar thema",
                            rows: ActivityTheme.allCases.map { FigureRow($0.label, sum("theme/\($0.code)", leaves)) }, total: held),
            FigureBreakdown(id: Self.audienceID, title: "Activiteiten gehouden, naar doelgroep", rows: found("audience/"), total: held),
            FigureBreakdown(id: Self.giverID, title: "Activiteiten gehouden, gegeven door",
                            rows: ActivityGiver.allCases.map { FigureRow($0.label, sum("giver/\($0.rawValue)", leaves)) }, total: held),
        ]
        if byMunicipality {
            let rows = (0..<Self.areaCount).map { area in
                FigureRow(area < Self.municipalities.count ? Self.municipalities[area].name : Self.regionLabel,
                          areas.contains(area) ? sum("held", counts.leaves(months: months, areas: [area])) : 0)
            }
            breakdowns.append(FigureBreakdown(id: Self.areaID, title: "Activiteiten gehouden, per gemeente", rows: rows, total: held))
        }
        breakdowns.append(FigureBreakdown(id: Self.reachID, title: "Bereikte deelnemers, naar soort activiteit", rows: found("reach/"),
                                          total: reach))
        return FigureCounts(signals: held, breakdowns: breakdowns)
    }

    /// The year protected as one grid: months and quarters × the region and its areas (each
    /// leaf with its row of the list per area, so that the list is protected with the rest).
    public func publisher(threshold: Int) -> FigurePublisher {
        let leaves = (0..<12).flatMap { month in
            (0..<Self.areaCount).map { counts(months: [month], areas: [$0], byMunicipality: true) }
        }
        return FigurePublisher(leaves: leaves, periods: .year, areas: .whole(of: Self.areaCount), viewsAsRows: false, threshold: threshold)
    }
}

extension SignalFigures {
    /// These figures with those of a grid of their own (the activities', the consults': published
    /// with their own year) after them.
    public func adding(_ other: SignalFigures) -> SignalFigures {
        var figures = self
        figures.breakdowns += other.breakdowns
        figures.published += other.published
        return figures
    }

    /// The activities' kinds and audiences named as the vocabulary has them (the store knows only their ids).
    public func namingActivities(_ vocabulary: ActivityVocabulary) -> SignalFigures {
        func name(_ id: String, in breakdown: String) -> String {
            breakdown == ActivityLeaves.audienceID ? vocabulary.audienceLabel(id) : vocabulary.kindLabel(id)
        }
        // In the order of the file; an id it no longer has after them.
        func place(_ id: String, in breakdown: String) -> Int {
            let terms = breakdown == ActivityLeaves.audienceID ? vocabulary.audiences : vocabulary.kinds
            return terms.firstIndex { $0.id == id } ?? terms.count
        }
        var figures = self
        figures.breakdowns = breakdowns.map { breakdown in
            guard ActivityLeaves.byKindOrAudience.contains(breakdown.id) else { return breakdown }
            return FigureBreakdown(id: breakdown.id, title: breakdown.title,
                                   rows: breakdown.rows.sorted { place($0.label, in: breakdown.id) < place($1.label, in: breakdown.id) }
                                       .map { FigureRow(name($0.label, in: breakdown.id), $0.count) }, total: breakdown.total)
        }
        figures.published = published.map { breakdown in
            guard ActivityLeaves.byKindOrAudience.contains(breakdown.id) else { return breakdown }
            return PublishedBreakdown(id: breakdown.id, title: breakdown.title,
                                      rows: breakdown.rows.sorted { place($0.label, in: breakdown.id) < place($1.label, in: breakdown.id) }
                                          .map { PublishedRow(label: name($0.label, in: breakdown.id), count: $0.count) },
                                      total: breakdown.total, threshold: breakdown.threshold)
        }
        return figures
    }
}
