import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// A half-filled route step (the meldingsformulier of "contact opgenomen" is the longest text an
/// AF types) survives a dropped connection like the registration and notes do.
@Suite struct StepDraftTests {
    let fake = FakeSignals(Fixtures.signals(20))
    /// Row 6 of the inbox: reported, neither acute nor with a minor, so contact is possible.
    static let row = 6
    var signal: SignalSummary { fake.rows[Self.row] }
    var key: String { FakeSignals.draftKey(DraftKey.routeStepKind, "signal-\(signal.id)") }
    static let observed = "Ziet haar dagelijks om zes uur vertrekken."

    @discardableResult
    func press(_ keys: [Key], _ state: inout SignalsTestState) -> [SignalsEffect] {
        keys.flatMap { runEffects(&state, .keyPressed($0), on: fake) }
    }
    func type(_ text: String, _ state: inout SignalsTestState) { press(text.map { .character($0) }, &state) }

    /// A session with the signal's steps open.
    func stepsOpen() -> SignalsTestState {
        var state = SignalsTestState()
        runEffects(&state, .started, on: fake)
        press(Array(repeating: .down, count: Self.row) + [.character("a")], &state)
        return state
    }

    /// The contact form open, what the reporter observed typed in.
    func typingTheReportForm() throws -> SignalsTestState {
        var state = stepsOpen()
        let index = try #require(state.route?.options.firstIndex { $0.event.id == "contact_opgenomen" })
        press(Array(repeating: .down, count: index) + [.enter, .tab, .tab, .tab], &state)
        type(Self.observed, &state)
        return state
    }

    func observed(in state: SignalsTestState) -> String? {
        guard let form = state.route?.form, let index = form.event.fields.firstIndex(where: { $0.id == "waarnemingen" }) else { return nil }
        return form.inputs[index].draftText.first
    }

    @Test func aPauseKeepsTheStepAndOnlyWhenSomethingChanged() throws {
        var state = try typingTheReportForm()
        #expect(fake.drafts[key] == nil)
        runEffects(&state, .idle, on: fake)
        let draft = try #require(fake.drafts[key].flatMap(FormDraft.from(json:)))
        #expect(draft.event == "contact_opgenomen" && draft.code == signal.code)
        #expect(draft.values["waarnemingen"] == [Self.observed])
        #expect(SignalsReducer.reduce(&state.feature, .idle, &state.shell).isEmpty)
    }

    @Test func aDroppedConnectionKeepsTheStepAndTheNextSessionBringsItBack() throws {
        var state = try typingTheReportForm()
        let effects = runEffects(&state, .terminating, on: fake)
        #expect(effects.count == 1 && fake.drafts[key] != nil)

        // The next login says where the unsaved step is...
        var next = SignalsTestState()
        runEffects(&next, .started, on: fake)
        #expect(next.status == StatusMessage(
            "Niet-opgeslagen stap ‘Contact opgenomen met melder’ bij \(signal.code) bewaard: kies het signaal en druk a."))
        // ...and `a` on the signal opens it as it was left.
        press(Array(repeating: .down, count: Self.row) + [.character("a")], &next)
        #expect(next.route?.form?.event.id == "contact_opgenomen")
        #expect(observed(in: next) == Self.observed)
        #expect(next.route?.form?.field == 2)
        #expect(next.status == StatusMessage("Wat u eerder bij ‘Contact opgenomen met melder’ invulde, is hersteld."))
    }

    @Test func recordingTheStepRemovesItsDraft() throws {
        var state = try typingTheReportForm()
        runEffects(&state, .idle, on: fake)
        // Kind of exploitation, who is involved: then it can be saved.
        press([.tab, .character(" "), .tab], &state)
        type("A.B., vermoedelijk slachtoffer", &state)
        press([.function(2)], &state)
        #expect(fake.recorded.map(\.event) == ["contact_opgenomen"])
        #expect(fake.drafts[key] == nil)
    }

    @Test func escapeOnAFilledInStepAsksBeforeThrowingItAway() throws {
        var state = try typingTheReportForm()
        runEffects(&state, .idle, on: fake)
        press([.escape], &state)
        #expect(state.route?.form?.onTop == .discardQuestion)
        #expect(AppView.render(state.app).textLines().contains { $0.contains("weggooien? j = ja · andere toets = nee") })
        // Enter goes back to the form, with nothing lost.
        press([.enter], &state)
        #expect(observed(in: state) == Self.observed && state.route?.form?.onTop == nil)
        press([.escape, .character("j")], &state)
        #expect(state.route?.form == nil && state.route != nil)
        #expect(fake.drafts[key] == nil)
        // An untouched form closes with one Esc.
        press([.enter], &state)
        #expect(state.route?.form != nil)
        press([.escape], &state)
        #expect(state.route?.form == nil)
    }

    @Test func reloadingAfterAColleaguesChangeKeepsWhatWasTyped() throws {
        var state = try typingTheReportForm()
        // A colleague acknowledges receipt meanwhile: the signal is a version further.
        let route = try fake.signalRouteState(id: signal.id, for: Fixtures.af)
        _ = try fake.recordRouteEvent("ontvangst_bevestigd", fields: ["bevestigd_op": .dateTime(Fixtures.clock.now())],
                                      onSignal: signal.id, expectedVersion: route.version, workflows: Fixtures.context().workflows,
                                      by: Fixtures.af)
        press([.tab, .character(" "), .tab], &state)
        type("A.B.", &state)
        press([.function(2)], &state)
        #expect(state.route?.isOutOfDate == true)
        press([.control("r")], &state)
        #expect(state.route?.route.version == route.version + 1)
        #expect(observed(in: state) == Self.observed)
        press([.function(2)], &state)
        #expect(fake.recorded.map(\.event) == ["ontvangst_bevestigd", "contact_opgenomen"])
    }
}
