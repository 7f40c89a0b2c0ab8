import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// Tab 5: the period and area move with the keys, the store is asked each time, and every count
/// on screen has passed the suppression rule.
@Suite struct FiguresTests {
    let fake = FakeSignals(Fixtures.signals(3))

    static let months = [7, 5, 9, 3, 6, 8, 0, 4, 7, 9, 12, 13]
    static func sample(_ period: FiguresPeriod, _ area: FiguresArea) -> SignalFigures {
        let names = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
        let signals = months.reduce(0, +)
        return SignalFigures(period: period, area: area, signals: signals, breakdowns: [
            FigureBreakdown(id: "maand", title: "Signalen per maand", rows: zip(names, months).map { FigureRow($0, $1) }, total: signals),
            FigureBreakdown(id: "gemeente", title: "Signalen per gemeente",
                            rows: Municipality.twente.enumerated().map { FigureRow($1.name, [30, 2, 1, 20, 3, 4, 12, 2, 1, 3, 2, 1, 1, 1][$0]) },
                            total: 83),
            FigureBreakdown(id: "acuut", title: "Acuut", rows: [FigureRow("acuut", 12), FigureRow("niet acuut", 71)], total: 83),
        ])
    }

    func state(_ user: User = Fixtures.processManager, size: Size = Size(width: 80, height: 24), ascii: Bool = false) -> AppState {
        let context = AppContext(user: user, today: Fixtures.today, calendar: WorkingDayCalendar(), workflow: Fixtures.workflow,
                                 caseWorkflow: Fixtures.caseWorkflow, helpLines: [], isDemo: true,
                                 victimEstimate: VictimEstimate(victimsPerYear: 232, reportedVictimsPerYear: 16, source: "KMT"),
                                 asciiCharts: ascii, activityVocabulary: Fixtures.activities)
        fake.figures[.region] = Self.sample(.year(2026), .region)
        var state = AppState(context: context, size: size)
        _ = runEffects(&state, .started, on: fake)
        _ = runEffects(&state, .keyPressed(.character("5")), on: fake)
        return state
    }

    func press(_ keys: [Key], _ state: inout AppState) { for key in keys { _ = runEffects(&state, .keyPressed(key), on: fake) } }

    @Test func thePeriodAndAreaMoveWithTheKeysAndTheStoreIsAskedEachTime() {
        var state = state()
        #expect(state.figures.period == .year(2026) && state.figures.figures?.signals == 83)
        press([.left], &state)
        #expect(state.figures.period == .year(2025))
        press([.character("p")], &state)
        #expect(state.figures.period == .quarter(2025, 1))
        press([.left], &state)
        #expect(state.figures.period == .quarter(2024, 4))
        press([.character("g")], &state)
        #expect(state.figures.area == .municipality(Municipality.twente[0]))
        press([.character("G"), .character("G")], &state)
        #expect(state.figures.area == .municipality(Municipality.twente[13]))
        #expect(fake.figureRequests.map(\.0).last == .quarter(2024, 4))
    }

    @Test func anAFMovesBetweenTheRegionAndTheirOwnMunicipalityOnly() {
        var state = state(Fixtures.af)
        press([.character("g")], &state)
        #expect(state.figures.area == .municipality(Fixtures.af.municipality!))
        press([.character("g")], &state)
        #expect(state.figures.area == .region)
    }

    @Test func smallCountsNeverReachTheScreen() {
        let state = state()
        let screen = AppView.render(state).textLines().joined(separator: "\n")
        #expect(screen.contains("In beeld: 83 signalen tegen een geschatte 232 slachtoffers per jaar in Twente."))
        // Borne 2, Dinkelland 1 … are <5, and a larger one goes with them where needed.
        #expect(screen.contains("<5") && !screen.contains("Borne                   ██"))
        expectSnapshot(AppView.render(state), named: "figures-municipalities-80x24")
    }

    @Test func theTabAt120x40AndWithoutBlockCharacters() {
        let wide = state(size: Size(width: 120, height: 40))
        expectSnapshot(AppView.render(wide), named: "figures-120x40")
        let ascii = state(ascii: true)
        expectSnapshot(AppView.render(ascii), named: "figures-ascii-80x24")
        #expect(!AppView.render(ascii).textLines().joined().contains("█"))
    }

    @Test func eWritesTheReportToTheExportFolderThroughTheRule() throws {
        var state = state()
        fake.exportFolderPath = "/srv/schakel/export"
        press([.character("e")], &state)
        #expect(AppView.render(state).textLines()[23].contains("Exporteer: m Markdown · c CSV · h HTML (A4) · j jaarverslag (A4) · Esc terug"))
        press([.character("c")], &state)
        #expect(state.status?.text == "Geschreven: cijfers-regio-twente-2026.csv in /srv/schakel/export")
        let csv = try #require(fake.exportedFiles["cijfers-regio-twente-2026.csv"])
        #expect(csv.contains("Signalen per gemeente;Borne;<5;;2026;regio Twente;\r\n"))
        // Any other key (Esc, say) leaves the question without writing.
        press([.character("e"), .escape], &state)
        #expect(fake.exportedFiles.count == 1 && state.figures.onTop == nil)
        // A year's jaarverslag, with the campaigns held in it from the register of activities.
        fake.activityList = ActivityList(upcoming: [], past: [
            Activity(id: 1, entry: ActivityEntry(kind: "campagne", theme: .form(.labour), audience: "publiek", municipality: nil,
                                                 date: CivilDate(iso: "2026-10-05")!, givenBy: .kmt, status: .held, participants: 4000, note: ""),
                     registeredBy: "pm.kmt", version: 1),
        ])
        press([.character("e"), .character("j")], &state)
        #expect(state.status?.text == "Geschreven: jaarverslag-regio-twente-2026.html in /srv/schakel/export")
        let annual = try #require(fake.exportedFiles["jaarverslag-regio-twente-2026.html"])
        #expect(annual.contains("<h2 class=\"pillar\">1. Preventie</h2>") && annual.contains("<p>Campagne 05-10-2026 (regio); signalen in oktober"))
        // A quarter has no jaarverslag: j is then any other key.
        press([.character("p"), .character("e")], &state)
        #expect(!AppView.render(state).textLines()[23].contains("jaarverslag"))
        press([.character("j")], &state)
        #expect(fake.exportedFiles.count == 2)
    }

    @Test func theBeheerderSeesNoFigures() {
        let beheerder = User(id: 9, login: "beheer", displayName: "Beheerder", role: .administrator, municipality: nil)
        let state = state(beheerder)
        #expect(AppView.render(state).textLines().contains { $0.contains("Uw rol (beheerder) geeft geen toegang tot cijfers.") })
    }
}
