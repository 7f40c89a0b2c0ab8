import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// Making a signal a KMT case from its detail (`c`).
@Suite struct CaseOfferTests {
    let fake = FakeSignals(Fixtures.signals(10))

    func press(_ keys: [Key], _ state: inout SignalsTestState) -> [SignalsEffect] {
        keys.flatMap { runEffects(&state, .keyPressed($0), on: fake) }
    }

    @Test func aSignalBecomesAKMTCaseAndTheCaseListIsToldSo() {
        var state = SignalsTestState()
        runEffects(&state, .started, on: fake)
        _ = press([.enter, .character("c")], &state)
        #expect(state.status?.text == "KMT-casus aanmaken voor S2026-9000? j = ja · d = ja, daderaanpak · n = nee")
        let effects = press([.character("d")], &state)
        #expect(fake.openedCases.map(\.perpetratorTrack) == [true])
        #expect(effects.contains(.request(.casesChanged)))
        #expect(state.status == StatusMessage("KMT-casus C2026-0001 aangemaakt; zie tabblad 2 Casussen."))
        _ = press([.character("c"), .character("n")], &state)
        #expect(fake.openedCases.count == 1 && state.status == StatusMessage("Geen casus aangemaakt."))
    }
}
