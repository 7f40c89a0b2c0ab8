import Meldroute

/// One year counted month by month and municipality by municipality (the leaves), as the store
/// counts it; any period of the year and any area is the sum of its leaves. Each kind of count is
/// kept by key: `signals`, `acute`, `minor`, `form/…`, `source/…`, `reporter/…`, `state/…`,
/// `decided`, `step/…`, `without`, `reason/…`, `reason-other`, `case/victim`, `case/perpetrator`,
/// `table/…`, `table/any`, `partner/…` (with a label: the organisation's name).
public struct YearLeaves: Hashable, Sendable {
    public let year: Int
    var counts: [String: [Int]] = [:]
    var labels: [String: String] = [:]
    /// Per leaf, its signals grouped by the days their pace is measured by.
    var pace: [[RoutePaceGroup]]

    public static let municipalities = Municipality.twente
    static let leafCount = 12 * municipalities.count

    public init(year: Int) {
        self.year = year
        pace = Array(repeating: [], count: Self.leafCount)
    }

    static func leaf(month: Int, municipality: Int) -> Int { month * municipalities.count + municipality }

    /// Adds `count` to `key` in one month (0–11) of one municipality (its id); a municipality not
    /// of Twente counts nowhere.
    public mutating func add(_ count: Int, to key: String, month: Int, municipalityID: Int64, label: String? = nil) {
        guard (0..<12).contains(month), let municipality = Self.municipalities.firstIndex(where: { $0.id == municipalityID }) else { return }
        counts[key, default: Array(repeating: 0, count: Self.leafCount)][Self.leaf(month: month, municipality: municipality)] += count
        if let label { labels[key] = label }
    }

    public mutating func add(_ group: RoutePaceGroup, municipalityID: Int64) {
        guard group.received.year == year, let municipality = Self.municipalities.firstIndex(where: { $0.id == municipalityID }) else { return }
        pace[Self.leaf(month: group.received.month - 1, municipality: municipality)].append(group)
    }

    func sum(_ key: String, _ leaves: [Int]) -> Int {
        guard let counts = counts[key] else { return 0 }
        return leaves.reduce(0) { $0 + counts[$1] }
    }

    /// The figures of a period of the year and an area, as counted (not yet published).
    public func figures(_ period: FiguresPeriod, _ area: FiguresArea, byMunicipality: Bool, outcomes: RouteOutcomes?, timing: RouteTiming?,
                        today: CivilDate) -> SignalFigures {
        precondition(period.year == year)
        let municipalities: [Int]
        switch area {
        case .region: municipalities = Array(Self.municipalities.indices)
        case .municipality(let municipality): municipalities = Self.municipalities.firstIndex(of: municipality).map { [$0] } ?? []
        }
        let counted = counts(months: period.months.map { $0.first.month - 1 }, municipalities: municipalities, byMunicipality: byMunicipality,
                             outcomes: outcomes, timing: timing, today: today)
        return SignalFigures(period: period, area: area, unpublished: counted.counts, durations: counted.durations)
    }

    /// The breakdowns of some months of some municipalities.
    public func counts(months: [Int], municipalities: [Int], byMunicipality: Bool, outcomes: RouteOutcomes?, timing: RouteTiming?,
                       today: CivilDate) -> (counts: FigureCounts, durations: [RouteDuration]) {
        let leaves = months.flatMap { month in municipalities.map { Self.leaf(month: month, municipality: $0) } }
        let signals = sum("signals", leaves)
        func rows(_ pairs: [(key: String, label: String)]) -> [FigureRow] { pairs.map { FigureRow($0.label, sum($0.key, leaves)) } }
        var breakdowns = [FigureBreakdown(id: "maand", title: "Signalen per maand", rows: months.map { month in
            FigureRow(FiguresPeriod.shortMonthNames[month], sum("signals", municipalities.map { Self.leaf(month: month, municipality: $0) }))
        }, total: signals)]
        if byMunicipality {
            breakdowns.append(FigureBreakdown(id: "gemeente", title: "Signalen per gemeente", rows: Self.municipalities.indices.map { municipality in
                FigureRow(Self.municipalities[municipality].name, sum("signals", months.map { Self.leaf(month: $0, municipality: municipality) }))
            }, total: signals))
        }
        let acute = sum("acute", leaves), minor = sum("minor", leaves)
        breakdowns += [
            FigureBreakdown(id: "vorm", title: "Vorm van uitbuiting (een signaal kan meer vormen hebben)",
                            rows: rows(ExploitationForm.allCases.map { ("form/\($0.rawValue)", $0.label) }), total: signals),
            FigureBreakdown(id: "bron", title: "Bron van het signaal", rows: rows(SignalSource.allCases.map { ("source/\($0.rawValue)", $0.label) }),
                            total: signals),
            FigureBreakdown(id: "melder", title: "Melder", rows: rows(ReporterType.allCases.map { ("reporter/\($0.rawValue)", $0.label) }),
                            total: signals),
            FigureBreakdown(id: "acuut", title: "Acuut", rows: [FigureRow("acuut", acute), FigureRow("niet acuut", signals - acute)], total: signals),
            FigureBreakdown(id: "minderjarig", title: "Minderjarige betrokken",
                            rows: [FigureRow("minderjarige", minor), FigureRow("geen minderjarige", signals - minor)], total: signals),
            FigureBreakdown(id: FigureBreakdown.routeStateID, title: "Stand van de meldroute (nu)",
                            rows: found("state/", leaves).sorted { $0.label < $1.label }, total: signals),
        ]
        if let outcomes { breakdowns += decisions(outcomes, leaves) }
        var durations: [RouteDuration] = []
        if let timing {
            let pace = RoutePace(leaves.flatMap { self.pace[$0] }, timing: timing, today: today)
            breakdowns.append(pace.breakdown)
            durations = pace.durations
        }
        let cases = rows([("case/victim", "slachtofferspoor"), ("case/perpetrator", "daderspoor")])
        let referrals = found("partner/", leaves).sorted { ($0.count, $1.label) > ($1.count, $0.label) }
        breakdowns += [
            FigureBreakdown(id: "casus", title: "KMT-casussen geopend", rows: cases, total: cases.reduce(0) { $0 + $1.count }),
            FigureBreakdown(id: "tafel", title: "KMT-casussen opgeschaald naar een tafel (een casus kan naar beide)",
                            rows: rows([MeetingKind.casustafel, .dadertafel].map { ("table/\($0.rawValue)", $0.label) }),
                            total: sum("table/any", leaves)),
            FigureBreakdown(id: "verwijzing", title: "Verwijzingen per organisatie", rows: referrals, total: referrals.reduce(0) { $0 + $1.count }),
        ]
        return (FigureCounts(signals: signals, breakdowns: breakdowns), durations)
    }

    /// Every key with `prefix` that counts something in the leaves, labelled by its label or the rest of its key.
    func found(_ prefix: String, _ leaves: [Int]) -> [FigureRow] {
        counts.keys.filter { $0.hasPrefix(prefix) }.compactMap { key in
            let count = sum(key, leaves)
            return count > 0 ? FigureRow(labels[key] ?? String(key.dropFirst(prefix.count)), count) : nil
        }
    }

    /// Of the signals decided on: each next step chosen (a signal may have several), those decided
    /// without one, and their reasons where chosen from the list.
    func decisions(_ outcomes: RouteOutcomes, _ leaves: [Int]) -> [FigureBreakdown] {
        let without = sum("without", leaves)
        var result = [FigureBreakdown(id: "besluit", title: "Besluit op het beslismoment (een signaal kan meer vervolgstappen hebben)",
                                      rows: outcomes.options.map { FigureRow($0.label, sum("step/\($0.id)", leaves)) }
                                          + [FigureRow("geen vervolg", without)],
                                      total: sum("decided", leaves))]
        if outcomes.reasonField != nil {
            let others = sum("reason-other", leaves)
                + counts.keys.filter { key in key.hasPrefix("reason/") && !outcomes.reasons.contains { "reason/\($0.id)" == key } }
                    .reduce(0) { $0 + sum($1, leaves) }
            result.append(FigureBreakdown(id: RouteOutcomes.reasonBreakdownID, title: "Reden bij geen vervolg",
                                          rows: outcomes.reasons.map { FigureRow($0.label, sum("reason/\($0.id)", leaves)) }
                                              + (others > 0 ? [FigureRow("reden niet uit de lijst", others)] : []),
                                          total: without))
        }
        return result
    }
}

extension SignalFigures {
    /// Figures as counted, before the store publishes them with the rest of their year.
    init(period: FiguresPeriod, area: FiguresArea, unpublished counts: FigureCounts, durations: [RouteDuration]) {
        self.init(period: period, area: area, signals: counts.signals, breakdowns: counts.breakdowns, durations: durations, publishing: false)
    }
}
