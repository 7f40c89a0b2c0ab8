import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// A person entered in the registration form is first looked for among the known ones: `j` takes
/// the known person (no new code), `n` a new one, Esc goes back to the person as typed.
@Suite struct RegistrationMatchOfferTests {
    let fake = FakeSignals(Fixtures.signals(5))
    let known = PersonMatch(id: 197, code: "P-00197", initials: "O.K.", birthYear: 1987, appearsIn: ["S2026-0031"])

    func run(_ state: inout SignalsTestState, _ action: SignalsAction) -> [SignalsEffect] { runEffects(&state, action, on: fake) }
    func press(_ keys: [Key], _ state: inout SignalsTestState) -> [SignalsEffect] { keys.flatMap { run(&state, .keyPressed($0)) } }
    func type(_ text: String) -> [Key] { text.map { .character($0) } }

    /// The form open on its persons, "O.K. 1987, slachtoffer" entered and Enter pressed.
    func enteredPerson() -> SignalsTestState {
        var state = SignalsTestState()
        _ = run(&state, .started)
        _ = press([.character("n")], &state)
        for _ in RegistrationForm.Field.allCases where state.registration?.focusedField != .persons { _ = press([.tab], &state) }
        _ = press([.enter] + type("O.K.") + [.tab] + type("1987") + [.tab, .right, .right, .enter], &state)
        return state
    }

    @Test func jTakesTheKnownPersonAndTheSavedSignalNamesIt() throws {
        fake.knownMatches = [known]
        var state = enteredPerson()
        #expect(fake.matchRequests == [NewPerson(initials: "O.K.", birthYear: 1987, role: .victim)])
        guard case .matchOffer(let offer, _)? = state.registration?.onTop else { Issue.record("no offer"); return }
        #expect(offer.matches == [known])
        expectSnapshot(AppView.render(state.app), named: "registration-match-offer-80x24")
        _ = press([.character("j")], &state)
        #expect(state.registration?.persons == [NewPerson(initials: "O.K.", birthYear: 1987, role: .victim, knownID: 197)])
        // A draft keeps the choice.
        let draft = RegistrationDraft(try #require(state.registration))
        #expect(draft.form(now: LocalDateTime(date: Fixtures.today, hour: 10, minute: 30), user: Fixtures.af).persons.first?.knownID == 197)
    }

    @Test func nMakesANewPersonAndEscGoesBackToThePersonAsTyped() {
        fake.knownMatches = [known]
        var state = enteredPerson()
        _ = press([.escape], &state)
        #expect(state.registration?.personDialog?.initials.text == "O.K." && state.registration?.persons.isEmpty == true)
        _ = press([.enter, .character("n")], &state)
        #expect(state.registration?.persons == [NewPerson(initials: "O.K.", birthYear: 1987, role: .victim)])
    }

    @Test func withoutAKnownPersonTheNewOneGoesStraightIn() {
        var state = enteredPerson()
        #expect(state.registration?.onTop == nil && state.registration?.persons.count == 1)
    }
}
