import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// A form in progress survives a dropped connection: kept as a draft, offered at the next start.
@Suite struct DraftTests {
    let fake = FakeSignals(Fixtures.signals(10))

    func run(_ state: inout SignalsTestState, _ action: SignalsAction) -> [SignalsEffect] { runEffects(&state, action, on: fake) }

    func press(_ keys: [Key], _ state: inout SignalsTestState) -> [SignalsEffect] { keys.flatMap { run(&state, .keyPressed($0)) } }
    func type(_ text: String, _ state: inout SignalsTestState) { _ = press(text.map { .character($0) }, &state) }

    /// A session with the form open and a description typed, focus on the description.
    func typing() -> SignalsTestState {
        var state = SignalsTestState()
        _ = run(&state, .started)
        _ = press([.character("n")], &state)
        for _ in RegistrationForm.Field.allCases where state.registration?.focusedField != .description { _ = press([.tab], &state) }
        type("Zorgen over een nagelstudio.", &state)
        return state
    }

    @Test func aPauseOrLeavingAFieldKeepsTheDraftAndOnlyWhenSomethingChanged() throws {
        var state = typing()
        #expect(fake.drafts.isEmpty)
        #expect(run(&state, .idle).count == 1)
        let draft = try #require(fake.drafts[RegistrationDraft.kind].flatMap(RegistrationDraft.from(json:)))
        #expect(draft.description == "Zorgen over een nagelstudio." && draft.field == RegistrationForm.Field.description.rawValue)
        #expect(run(&state, .idle).isEmpty)
        type("!", &state)
        #expect(press([.tab], &state).contains { if case .draft(.save) = $0 { return true } else { return false } })
    }

    @Test func aDroppedConnectionKeepsTheDraftAndTheNextStartOffersIt() throws {
        var state = typing()
        let effects = run(&state, .terminating)
        #expect(effects.count == 1)

        var next = SignalsTestState()
        _ = run(&next, .started)
        #expect(next.draftOffer != nil)
        _ = press([.character("j")], &next)
        let form = try #require(next.registration)
        #expect(form.description.text == "Zorgen over een nagelstudio.")
        #expect(form.focusedField == .description && form.isChanged)
        #expect(next.status == StatusMessage("Uw niet-opgeslagen registratie is hersteld."))

        // Saving it for real removes the draft.
        // Back to the forms field (just before the description), tick one, save.
        _ = press([.backTab, .character(" "), .function(2)], &next)
        #expect(fake.registered.count == 1 && fake.drafts.isEmpty)
    }

    /// A session that starts with a registration left unsaved.
    func offered() -> SignalsTestState {
        var form = RegistrationForm(now: Fixtures.clock.now(), user: Fixtures.af)
        form.description = TextArea("Vrachtwagen met arbeiders, elke ochtend om vijf uur.", maxLength: 100)
        fake.drafts[DraftKey.registration.kind] = RegistrationDraft(form).json
        var state = SignalsTestState()
        _ = run(&state, .started)
        return state
    }

    @Test func theOfferSaysWhatWasLeftAndWhichKeyDoesWhat() {
        let state = offered()
        expectSnapshot(AppView.render(state.app), named: "draft-offer-80x24")
        #expect(AppView.render(state.app).textLines()[23].hasPrefix(" Niet-opgeslagen registratie bewaard: j = verder · Esc = later · w = weggooien"))
    }

    @Test func pressingNOutOfHabitContinuesTheDraftInsteadOfLosingIt() throws {
        var state = offered()
        _ = press([.character("n")], &state)
        #expect(state.draftOffer == nil)
        #expect(state.registration?.description.text == "Vrachtwagen met arbeiders, elke ochtend om vijf uur.")
        #expect(fake.drafts[DraftKey.registration.kind] != nil)
    }

    @Test func escapeLeavesTheDraftForLaterAndTheNextNBringsItBack() throws {
        var state = offered()
        _ = press([.escape], &state)
        #expect(state.draftOffer == nil && state.registration == nil)
        #expect(state.status == StatusMessage("De registratie blijft bewaard; n zet haar voort."))
        #expect(fake.drafts[DraftKey.registration.kind] != nil)
        _ = press([.down, .character("n")], &state)
        #expect(state.registration?.description.text == "Vrachtwagen met arbeiders, elke ochtend om vijf uur.")
    }

    @Test func throwingTheDraftAwayTakesASecondDeliberateKey() throws {
        var state = offered()
        _ = press([.character("w")], &state)
        let prompt = AppView.render(state.app).textLines()[23]
        #expect(prompt == TextFitting.pad(" Registratie ‘Vrachtwagen met arbei…’ weggooien? j = ja · andere toets = nee", toWidth: 80))
        // Any other key (Enter, n) keeps it and the offer stands.
        _ = press([.enter], &state)
        #expect(state.draftOffer?.question == .whatToDo && fake.drafts[DraftKey.registration.kind] != nil)
        _ = press([.character("w"), .character("n")], &state)
        #expect(state.draftOffer != nil && fake.drafts[DraftKey.registration.kind] != nil)
        _ = press([.character("w"), .character("j")], &state)
        #expect(state.draftOffer == nil && fake.drafts.isEmpty && state.registration == nil)
        #expect(state.status == StatusMessage("De niet-opgeslagen registratie is weggegooid."))
    }

    @Test func enterAfterEscapeInAFormDoesNotThrowItAway() throws {
        var state = typing()
        _ = press([.escape, .enter], &state)
        #expect(state.registration?.description.text == "Zorgen over een nagelstudio.")
        _ = press([.escape, .character("j")], &state)
        #expect(state.registration == nil)
    }
}
