import Meldroute

/// How the figures report is laid out: every list in the order of the tab, or the jaarverslag.
public enum FiguresReportLayout: Hashable, Sendable {
    case standard
    /// The annual report to the municipalities, ordered by the four pillars of the programme.
    case annualReport(AnnualReportFacts)
}

/// What the jaarverslag needs besides the figures: the pillar of each kind of activity, and the
/// campaigns held in the period (to lay the signals of their month and the next beside them).
public struct AnnualReportFacts: Hashable, Sendable {
    public let vocabulary: ActivityVocabulary
    public let campaigns: [CampaignMark]

    public init(vocabulary: ActivityVocabulary, campaigns: [CampaignMark]) {
        self.vocabulary = vocabulary
        self.campaigns = campaigns
    }
}

/// A campaign held: its day, its kind's name, and where (a municipality, or the region).
public struct CampaignMark: Hashable, Sendable {
    public let date: CivilDate
    public let kind: String
    public let place: String

    public init(date: CivilDate, kind: String, place: String) {
        self.date = date
        self.kind = kind
        self.place = place
    }
}

extension ActivityList {
    /// The campaigns held in `year` that a report of `area` lays the signals beside: in the area, or
    /// for the whole region (a kind the vocabulary marks `signalen_erna`).
    public func campaigns(in year: Int, area: FiguresArea, vocabulary: ActivityVocabulary) -> [CampaignMark] {
        all.filter { activity in
            let entry = activity.entry
            let inArea = area == .region || entry.municipality.map { FiguresArea.municipality($0) == area } ?? true
            return entry.status == .held && entry.date.year == year && inArea
                && vocabulary.kinds.contains { $0.id == entry.kind && $0.showsSignalsAfter }
        }.map { CampaignMark(date: $0.entry.date, kind: vocabulary.kindLabel($0.entry.kind), place: $0.entry.municipality?.name ?? "regio") }
    }
}

/// One list of the report: a published breakdown, or the rows of one that belong to a pillar (a
/// part of a list has no total: it would be a count no protection looked at).
struct ReportList {
    let id: String
    let title: String
    let rows: [PublishedRow]
    let total: PublishedCount?

    init(_ breakdown: PublishedBreakdown, title: String? = nil, rows: [PublishedRow]? = nil) {
        id = breakdown.id
        self.title = title ?? breakdown.title
        self.rows = rows ?? breakdown.rows
        total = rows == nil ? breakdown.total : nil
    }
}

/// A part of the report: a pillar's (the jaarverslag), or the whole list of the tab (no pillar).
struct ReportSection {
    let pillar: Pillar?
    let lists: [ReportList]
    let notes: [String]
}

extension FiguresReport {
    /// The breakdowns of the municipal route (werkproces) and of the perpetrator approach.
    static let workProcessIDs = ["maand", "gemeente", "vorm", "bron", "melder", "acuut", "minderjarig", FigureBreakdown.routeStateID,
                                 "besluit", RouteOutcomes.reasonBreakdownID, RouteTiming.breakdownID, "verwijzing"]
    static let perpetratorIDs = ["casus", "tafel"]
    /// Advies en consult, beside the route.
    static let consultIDs = [ConsultLeaves.outcomeID, ConsultLeaves.askerID, ConsultLeaves.formID, ConsultLeaves.areaID]

    var sections: [ReportSection] {
        guard case .annualReport(let facts) = layout else { return [ReportSection(pillar: nil, lists: published.map { ReportList($0) }, notes: [])] }
        func lists(_ ids: [String]) -> [ReportList] { ids.compactMap { id in published.first { $0.id == id }.map { ReportList($0) } } }
        // The activities by kind and their reach, split by the pillar of each kind (a kind the file no longer has: expertise).
        func activities(of pillar: Pillar) -> [ReportList] {
            [ActivityLeaves.kindID, ActivityLeaves.reachID].compactMap { id -> ReportList? in
                guard let breakdown = published.first(where: { $0.id == id }) else { return nil }
                let rows = breakdown.rows.filter { row in
                    (facts.vocabulary.kinds.first { $0.label == row.label || $0.id == row.label }?.pillar ?? .expertise) == pillar
                }
                return rows.isEmpty ? nil : ReportList(breakdown, title: breakdown.title + " — \(pillar.label)", rows: rows)
            }
        }
        let shared = [ActivityLeaves.themeID, ActivityLeaves.audienceID, ActivityLeaves.giverID, ActivityLeaves.areaID].compactMap { id in
            published.first { $0.id == id }.map { ReportList($0, title: $0.title + " (alle activiteiten)") }
        }
        let noActivities = published.contains { $0.id == ActivityLeaves.kindID } ? [] : ["Geen activiteiten gehouden in deze periode."]
        return [
            ReportSection(pillar: .prevention, lists: activities(of: .prevention), notes: campaignNotes(facts.campaigns) + noActivities),
            ReportSection(pillar: .workProcess, lists: lists(Self.workProcessIDs) + lists(Self.consultIDs) + activities(of: .workProcess),
                          notes: []),
            ReportSection(pillar: .expertise, lists: activities(of: .expertise) + shared, notes: noActivities),
            ReportSection(pillar: .perpetrators, lists: lists(Self.perpetratorIDs) + activities(of: .perpetrators), notes: []),
        ]
    }

    /// Each campaign with the signals of its month and the next, as the list per month publishes them
    /// (weeks would be counts of their own, which nothing protects).
    func campaignNotes(_ campaigns: [CampaignMark]) -> [String] {
        let months = published.first { $0.id == "maand" }
        let periodMonths = figures.period.months.map { ($0.first.year, $0.first.month) }
        return campaigns.sorted { $0.date < $1.date }.map { campaign in
            let next = campaign.date.month == 12 ? (campaign.date.year + 1, 1) : (campaign.date.year, campaign.date.month + 1)
            let counts = [(campaign.date.year, campaign.date.month), next].compactMap { month -> String? in
                guard let index = periodMonths.firstIndex(where: { $0 == month }), let row = months?.rows[safe: index] else { return nil }
                return "\(FiguresPeriod.monthNames[month.1 - 1]) \(row.count.text(threshold: threshold))"
            }
            let signals = counts.isEmpty ? "" : "; signalen in " + counts.joined(separator: ", ")
            return "\(campaign.kind.prefix(1).uppercased() + campaign.kind.dropFirst()) \(campaign.date.dutch) (\(campaign.place))\(signals)."
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
