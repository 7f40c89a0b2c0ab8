import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// Every tab that holds nothing for a role says so in one Dutch line, under the usual header,
/// and takes none of the pane's keys.
@Suite struct ClosedTabsTests {
    let fake = FakeSignals(Fixtures.signals(10))
    let beheerder = User(id: 9, login: "beheer", displayName: "Beheerder", role: .administrator, municipality: nil)

    func lines(_ state: AppState) -> [String] { AppView.render(state).textLines() }

    @Test func theBeheerderSeesWhyTabsOneToThreeAndSixAreEmpty() {
        var state = AppState(context: Fixtures.context(user: beheerder), size: Size(width: 80, height: 24))
        _ = runEffects(&state, .started, on: fake)
        for (tab, what) in [("1", "signalen"), ("2", "casussen"), ("3", "overleggen"), ("6", "consulten en activiteiten")] {
            _ = runEffects(&state, .keyPressed(.character(Character(tab))), on: fake)
            let screen = lines(state)
            #expect(screen[0].hasPrefix(" Schakel │ Beheerder · beheerder"))
            let body = screen[2..<23].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(body.map { $0.trimmingCharacters(in: .whitespaces) } == ["Uw rol (beheerder) geeft geen toegang tot \(what)."])
            #expect(screen[23].hasPrefix(" 1-7 tabblad  ? hulp  q stoppen"))
        }
        _ = runEffects(&state, .keyPressed(.character("1")), on: fake)
        _ = runEffects(&state, .keyPressed(.character("n")), on: fake)
        #expect(state.signals.registration == nil)
    }
}
