import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// `/` searches; the results show the match; Enter opens the signal with the words marked.
@Suite struct SearchTests {
    let fake = FakeSignals(Fixtures.signals(10))

    init() {
        fake.searchHits = [
            SearchHit(source: .signal, id: 10_000, subject: .signal(10_000), title: "S2026-9000",
                      snippet: "Een inwoner meldt dat een kennis in een «nagelstudio» werkt"),
            SearchHit(source: .timeline, id: 5, subject: .kmtCase(3), title: "C2026-0003", snippet: "Terug naar de «nagelstudio» gegaan"),
        ]
    }

    func run(_ state: inout SignalsTestState, _ action: SignalsAction) -> [SignalsEffect] { runEffects(&state, action, on: fake) }

    func press(_ keys: [Key], _ state: inout SignalsTestState) -> [SignalsEffect] { keys.flatMap { run(&state, .keyPressed($0)) } }

    @Test func searchingShowsHitsAndOpensTheSignalWithTheWordsMarked() throws {
        var state = SignalsTestState()
        _ = run(&state, .started)
        _ = press([.character("/")], &state)
        _ = press("Nagel".map { .character($0) }, &state)
        let effects = press([.enter], &state)
        #expect(effects.contains(.search("Nagel")))
        #expect(state.search?.results.count == 2 && state.search?.isTyping == false)
        expectSnapshot(AppView.render(state.app), named: "search-80x24")
        _ = press([.enter], &state)
        let detail = try #require(state.detail)
        #expect(detail.highlight == ["Nagel"])
        let grid = AppView.render(state.app)
        let line = try #require((0..<grid.size.height).first { grid.textLines()[$0].contains("nagelstudio") })
        let column = try #require(grid.textLines()[line].range(of: "nagel").map { grid.textLines()[line].distance(from: grid.textLines()[line].startIndex, to: $0.lowerBound) })
        #expect(grid[column, line].style.emphasis.contains(.reverse))
        // Esc returns to the results, and again to the inbox.
        _ = press([.escape], &state)
        #expect(state.detail == nil && state.search != nil)
        _ = press([.escape], &state)
        #expect(state.search == nil)
    }

    @Test func aCaseLineAsksTheAppToOpenTheCaseTimeline() {
        var state = SignalsTestState()
        let effects = press([.character("/"), .character("x"), .enter, .down, .enter], &state)
        #expect(effects.last == .request(.openTimeline(.kmtCase(3), code: "C2026-0003")))
    }

    @Test func theHighlighterFoldsCaseAndAccentsAndMatchesWordStarts() {
        #expect(Highlighter.ranges(in: "Gesprek met Zoë Çelik", terms: ["celi"]) == [16..<20])
        #expect(Highlighter.ranges(in: "drugskoerier en koerier", terms: ["koerier"]) == [16..<23])
        #expect(Highlighter.ranges(in: "ZOË", terms: ["zoe"]) == [0..<3])
    }
}
