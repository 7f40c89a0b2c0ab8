import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// The inbox filter: `f` sets it, `o` is "achterstallig" in one key, the store gets it.
@Suite struct FilterTests {
    let fake = FakeSignals(Fixtures.signals(20))

    func run(_ state: inout SignalsTestState, _ action: SignalsAction) -> [SignalsEffect] { runEffects(&state, action, on: fake) }

    func press(_ keys: [Key], _ state: inout SignalsTestState) -> [SignalsEffect] { keys.flatMap { run(&state, .keyPressed($0)) } }

    @Test func theFilterPanelSetsStatesAndOverdueAndTheListReloads() throws {
        var state = SignalsTestState()
        _ = run(&state, .started)
        _ = press([.character("f")], &state)
        #expect(state.filterPanel != nil)
        // An AF has no municipality choice: Tab goes from Status straight to Vormen.
        _ = press([.character(" "), .tab, .right, .character(" "), .tab], &state)
        #expect(state.filterPanel?.row == .forms)
        expectSnapshot(AppView.render(state.app), named: "filter-80x24")
        let effects = press([.enter], &state)
        var expected = SignalFilter()
        expected.overdueOnly = true
        expected.states = ["contact"]
        #expect(state.filter == expected && fake.lastFilter == expected)
        #expect(effects.contains(.loadInboxPage(.first, limit: InboxState.pageSize)))
        #expect(state.status == StatusMessage("Filter: achterstallig, Contact."))
        #expect(state.filterPanel == nil)
    }

    @Test func oTogglesOverdueAndXClearsEverything() {
        var state = SignalsTestState()
        _ = run(&state, .started)
        _ = press([.character("o")], &state)
        #expect(state.filter.overdueOnly && fake.lastFilter.overdueOnly)
        _ = press([.character("f"), .character("x")], &state)
        #expect(state.filter.isEmpty && state.status == StatusMessage("Alle signalen."))
        _ = press([.character("f"), .character(" "), .escape], &state)
        #expect(state.filter.isEmpty && state.filterPanel == nil)
    }

    @Test func theRegionChoosesMunicipalities() throws {
        let pm = User(id: 2, login: "pm.kmt", displayName: "PM", role: .processManager, municipality: nil)
        var state = SignalsTestState(user: pm, size: Size(width: 80, height: 24))
        _ = press([.character("f"), .tab, .tab], &state)
        #expect(state.filterPanel?.row == .municipalities)
        _ = press([.right, .right, .right, .character(" "), .enter], &state)
        #expect(state.filter.municipalityIDs == [4])
    }

    @Test func aFilterIsKeptUnderANameAndTakenOverLater() throws {
        var state = SignalsTestState()
        _ = run(&state, .started)
        _ = press([.character("f"), .character(" ")], &state)   // achterstallig
        _ = press([.character("s")] + "Te laat".map { .character($0) } + [.tab, .enter], &state)
        #expect(fake.filters.map(\.name) == ["Te laat"] && fake.filters.first?.isShared == true)
        #expect(fake.filters.first?.filter.overdueOnly == true)
        #expect(state.status == StatusMessage("Filter ‘Te laat’ bewaard."))
        #expect(state.filter.overdueOnly)

        // Later: clear, open the panel, take the saved one over with →, apply.
        _ = press([.character("f"), .character("x")], &state)
        #expect(state.filter.isEmpty)
        _ = press([.character("f")], &state)
        #expect(state.filterPanel?.saved.map(\.name) == ["Te laat"])
        _ = press([.up, .right, .enter], &state)
        #expect(state.filter.overdueOnly)
    }
}
