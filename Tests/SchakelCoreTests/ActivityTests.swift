import Testing
import Meldroute
@testable import SchakelCore

/// An activity's rules (held ones reached someone and are not in the future; planned ones have
/// no reach yet; the note refuses hostile characters), and its figures counted by hand.
@Suite struct ActivityTests {
    static let today = CivilDate(iso: "2026-11-24")!
    static let vocabulary = ActivityVocabulary(kinds: [VocabularyTerm(id: "training", label: "training", pillar: .expertise),
                                                       VocabularyTerm(id: "les", label: "les op school", pillar: .prevention)],
                                               audiences: [VocabularyTerm(id: "scholen", label: "scholen en jongeren"),
                                                           VocabularyTerm(id: "gemeente", label: "gemeentemedewerkers")])
    static let hengelo = Municipality.twente.first { $0.name == "Hengelo" }!
    static let almelo = Municipality.twente.first { $0.name == "Almelo" }!

    static func entry(_ status: ActivityStatus = .held, on date: CivilDate = today, participants: Int? = 25, kind: String = "training",
                      note: String = "") -> ActivityEntry {
        ActivityEntry(kind: kind, theme: .general, audience: "gemeente", municipality: hengelo, date: date, givenBy: .designatedOfficer,
                      status: status, participants: participants, note: note)
    }

    @Test func aHeldActivityReachedSomeoneAndAPlannedOneNotYet() {
        #expect(Self.entry().problem(vocabulary: Self.vocabulary, today: Self.today) == nil)
        #expect(Self.entry(participants: nil).problem(vocabulary: Self.vocabulary, today: Self.today)
                == "Vul bij een gehouden activiteit in hoeveel mensen zij bereikte.")
        #expect(Self.entry(on: Self.today.adding(days: 1)).problem(vocabulary: Self.vocabulary, today: Self.today)
                == "Een activiteit in de toekomst is nog niet gehouden; zet haar op gepland.")
        #expect(Self.entry(.planned, participants: 3).problem(vocabulary: Self.vocabulary, today: Self.today)
                == "Deelnemers tellen pas als de activiteit gehouden is; laat het aantal leeg.")
        #expect(Self.entry(.planned, on: Self.today.adding(days: 30), participants: nil).problem(vocabulary: Self.vocabulary, today: Self.today) == nil)
        #expect(Self.entry(.cancelled, participants: nil).problem(vocabulary: Self.vocabulary, today: Self.today) == nil)
        #expect(Self.entry(participants: -1).problem(vocabulary: Self.vocabulary, today: Self.today) == "Het aantal deelnemers ligt tussen 0 en 1000000.")
        #expect(Self.entry(kind: "borrel").problem(vocabulary: Self.vocabulary, today: Self.today) == "Onbekende soort activiteit 'borrel'.")
        // Without the vocabulary (the store), the shape is checked only.
        #expect(Self.entry(kind: "borrel").problem(vocabulary: nil, today: Self.today) == nil)
        #expect(Self.entry(kind: "").problem(vocabulary: nil, today: Self.today) == "Kies een soort en een doelgroep.")
        #expect(Self.entry(note: String(repeating: "a", count: 501)).problem(vocabulary: nil, today: Self.today)
                == "De toelichting is hooguit 500 tekens.")
        #expect(Self.entry(note: "Team\u{202E}overleg").problem(vocabulary: nil, today: Self.today)
                == "Toelichting: een teken dat de leesrichting omdraait (U+202E) op positie 5; typ of plak de tekst zonder.")
    }

    @Test func theThemeIsStoredAsItsCode() {
        for theme in ActivityTheme.allCases { #expect(ActivityTheme(code: theme.code) == theme) }
        #expect(ActivityTheme(code: "onbekend") == nil)
    }

    /// A year counted by hand: three held in Hengelo (one in January, two in March), one for the
    /// region in March, one in Almelo in December.
    @Test func aYearIsCountedByMonthAreaAndKindAndTheRegionHasItsOwn() {
        var leaves = ActivityLeaves(year: 2026)
        func add(_ month: Int, _ municipality: Municipality?, kind: String, reach: Int) {
            for key in ["held", "kind/\(kind)", "theme/algemeen", "audience/gemeente", "giver/af"] {
                leaves.add(1, to: key, month: month, municipalityID: municipality?.id)
            }
            leaves.add(reach, to: "reach", month: month, municipalityID: municipality?.id)
            leaves.add(reach, to: "reach/\(kind)", month: month, municipalityID: municipality?.id)
        }
        add(0, Self.hengelo, kind: "training", reach: 25)
        add(2, Self.hengelo, kind: "les", reach: 30)
        add(2, Self.hengelo, kind: "les", reach: 28)
        add(2, nil, kind: "training", reach: 400)
        add(11, Self.almelo, kind: "les", reach: 60)
        #expect(leaves.isInUse)
        func counted(_ period: FiguresPeriod, _ area: FiguresArea) -> [String: [String: Int]] {
            let figures = leaves.figures(period, area, byMunicipality: area == .region).namingActivities(Self.vocabulary)
            return Dictionary(uniqueKeysWithValues: figures.breakdowns.map { breakdown in
                (breakdown.id, Dictionary(uniqueKeysWithValues: breakdown.rows.map { ($0.label, $0.count) } + [("totaal", breakdown.total)]))
            })
        }
        let year = counted(.year(2026), .region)
        #expect(year[ActivityLeaves.kindID] == ["training": 2, "les op school": 3, "totaal": 5])
        #expect(year[ActivityLeaves.reachID] == ["training": 425, "les op school": 118, "totaal": 543])
        #expect(year[ActivityLeaves.areaID]?["Hengelo"] == 3 && year[ActivityLeaves.areaID]?["Almelo"] == 1)
        #expect(year[ActivityLeaves.areaID]?[ActivityLeaves.regionLabel] == 1 && year[ActivityLeaves.areaID]?["totaal"] == 5)
        // Hengelo's year has neither the region's own nor Almelo's.
        #expect(counted(.year(2026), .municipality(Self.hengelo))[ActivityLeaves.kindID] == ["training": 1, "les op school": 2, "totaal": 3])
        #expect(counted(.quarter(2026, 1), .region)[ActivityLeaves.themeID]?["totaal"] == 4)
        #expect(counted(.month(2026, 12), .region)[ActivityLeaves.reachID] == ["les op school": 60, "totaal": 60])
        // Only the counts that may be published leave: none of 1 to 4.
        let published = leaves.publisher(threshold: 5).publishing(leaves.figures(.year(2026), .region, byMunicipality: true))
        for breakdown in published.published {
            for count in breakdown.rows.map(\.count) + [breakdown.total] {
                if let value = count.value { #expect(value == 0 || value >= 5, "\(breakdown.id): \(value)") }
            }
        }
        #expect(published.publishedBreakdown(ActivityLeaves.reachID)?.total == .shown(543))
    }
}
