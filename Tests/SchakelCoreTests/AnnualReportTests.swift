import Testing
import Meldroute
@testable import SchakelCore

/// The jaarverslag laid out from published figures: the pillars in order, the activities' lists
/// split by the pillar of each kind without totals of their own, and each campaign beside the
/// signals of its month and the next — as far as the period reaches.
@Suite struct AnnualReportTests {
    static let vocabulary = ActivityVocabulary(
        kinds: [VocabularyTerm(id: "campagne", label: "campagne", pillar: .prevention, showsSignalsAfter: true),
                VocabularyTerm(id: "training", label: "training", pillar: .expertise)],
        audiences: [VocabularyTerm(id: "publiek", label: "publiek")])

    static func report(campaigns: [CampaignMark]) -> FiguresReport {
        let months = (1...12).map { FigureRow(FiguresPeriod.shortMonthNames[$0 - 1], $0 == 3 ? 2 : 10) }
        let signals = months.reduce(0) { $0 + $1.count }
        let figures = SignalFigures(period: .year(2026), area: .region, signals: signals, breakdowns: [
            FigureBreakdown(id: "maand", title: "Signalen per maand", rows: months, total: signals),
            FigureBreakdown(id: "casus", title: "KMT-casussen geopend", rows: [FigureRow("slachtofferspoor", 9), FigureRow("daderspoor", 6)], total: 15),
            FigureBreakdown(id: ActivityLeaves.kindID, title: "Activiteiten gehouden, naar soort",
                            rows: [FigureRow("campagne", 6), FigureRow("training", 7)], total: 13),
        ])
        return FiguresReport(figures: figures, estimate: nil, madeOn: CivilDate(iso: "2026-12-05")!,
                             layout: .annualReport(AnnualReportFacts(vocabulary: vocabulary, campaigns: campaigns)))
    }

    @Test func thePillarsComeInOrderWithTheirLists() {
        let sections = Self.report(campaigns: []).sections
        #expect(sections.map(\.pillar) == [.prevention, .workProcess, .expertise, .perpetrators])
        #expect(sections[0].lists.map(\.title) == ["Activiteiten gehouden, naar soort — preventie"])
        #expect(sections[0].lists[0].rows.map(\.label) == ["campagne"] && sections[0].lists[0].total == nil)
        #expect(sections[1].lists.map(\.id) == ["maand"])
        #expect(sections[2].lists[0].rows.map(\.label) == ["training"])
        #expect(sections[3].lists.map(\.id) == ["casus"] && sections[3].lists[0].total == .shown(15))
        let markdown = Self.report(campaigns: []).markdown()
        #expect(markdown.hasPrefix("# Jaarverslag aanpak mensenhandel — regio Twente, 2026\n"))
        #expect(markdown.contains("## 1. Preventie") && markdown.contains("### Activiteiten gehouden, naar soort — preventie"))
        #expect(!markdown.contains("Geen activiteiten gehouden"))
    }

    @Test func aCampaignIsLaidBesideTheSignalsOfItsMonthAndTheNextWithinThePeriod() {
        let notes = Self.report(campaigns: [
            CampaignMark(date: CivilDate(iso: "2026-12-07")!, kind: "campagne", place: "regio"),
            CampaignMark(date: CivilDate(iso: "2026-02-23")!, kind: "campagne", place: "Almelo"),
        ]).sections[0].notes
        // Published as the list publishes them: March's 2 is small; January 2027 is not in this report.
        #expect(notes == ["Campagne 23-02-2026 (Almelo); signalen in februari 10, maart <5.",
                          "Campagne 07-12-2026 (regio); signalen in december 10."])
    }
}
