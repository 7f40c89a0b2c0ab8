import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// A form in progress survives a dropped connection: kept as a draft, offered at the next start.
@Suite struct DraftTests {
    let fake = FakeSignals(Fixtures.signals(10))

    func run(_ state: inout AppState, _ action: AppAction) -> [AppEffect] { runEffects(&state, action, on: fake) }

    func press(_ keys: [Key], _ state: inout AppState) -> [AppEffect] { keys.flatMap { run(&state, .keyPressed($0)) } }
    func type(_ text: String, _ state: inout AppState) { _ = press(text.map { .character($0) }, &state) }

    /// A session with the form open and a description typed, focus on the description.
    func typing() -> AppState {
        var state = Fixtures.state()
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
        #expect(press([.tab], &state).contains { if case .saveDraft = $0 { return true } else { return false } })
    }

    @Test func aDroppedConnectionKeepsTheDraftAndTheNextStartOffersIt() throws {
        var state = typing()
        let effects = run(&state, .terminationRequested)
        #expect(effects.count == 1 && !state.isRunning)

        var next = Fixtures.state()
        _ = run(&next, .started)
        #expect(next.draftOffer != nil)
        _ = press([.character("j")], &next)
        let form = try #require(next.registration)
        #expect(form.description.text == "Zorgen over een nagelstudio.")
        #expect(form.focusedField == .description && form.isChanged)
        #expect(next.status == StatusMessage("De registratie van de vorige sessie is hersteld."))

        // Saving it for real removes the draft.
        // Back to the forms field (just before the description), tick one, save.
        _ = press([.backTab, .character(" "), .function(2)], &next)
        #expect(fake.registered.count == 1 && fake.drafts.isEmpty)
    }

    @Test func aRefusedDraftIsThrownAway() {
        fake.drafts[RegistrationDraft.kind] = RegistrationDraft(RegistrationForm(now: Fixtures.clock.now(), user: Fixtures.af)).json
        var state = Fixtures.state()
        _ = run(&state, .started)
        expectSnapshot(AppView.render(state), named: "draft-offer-80x24")
        _ = press([.character("n")], &state)
        #expect(state.draftOffer == nil && fake.drafts.isEmpty && state.registration == nil)
    }
}
