import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// Route actions with `a`: what is possible now and why the rest is not, the step's form, and the
/// store's answer shown as it is.
@Suite struct RouteTests {
    let fake = FakeSignals(Fixtures.signals(20))

    func run(_ state: inout SignalsTestState, _ action: SignalsAction) -> [SignalsEffect] { runEffects(&state, action, on: fake) }

    func press(_ keys: [Key], _ state: inout SignalsTestState) -> [SignalsEffect] { keys.flatMap { run(&state, .keyPressed($0)) } }
    func type(_ text: String, _ state: inout SignalsTestState) { _ = press(text.map { .character($0) }, &state) }

    /// The inbox loaded, the first signal (acute, reported) selected, its route actions open.
    func openRoute() -> SignalsTestState {
        var state = SignalsTestState()
        _ = run(&state, .started)
        _ = press([.character("a")], &state)
        return state
    }

    static let vttMessage = "Eerst vastleggen: direct gemeld bij Veilig Thuis Twente (wanneer en door wie). "
        + "Bij acute onveiligheid of als er een minderjarige bij betrokken is, gaat die melding vóór elke andere stap."

    @Test func anAcuteSignalOffersOnlyTheVTTReportAndSaysWhy() throws {
        var state = openRoute()
        let dialog = try #require(state.route)
        #expect(dialog.route.code == "S2026-9000")
        #expect(dialog.options.filter(\.isAvailable).map(\.event.id) == ["vtt_gemeld"])
        #expect(dialog.options.first { $0.event.id == "ontvangst_bevestigd" }?.unavailable?.message == Self.vttMessage)
        #expect(dialog.options.first { $0.event.id == "besluit" }?.unavailable?.message
                == "‘Besluit’ is niet mogelijk in de toestand ‘Gemeld’.")
        _ = press([.down, .enter], &state)
        #expect(state.route?.problem == Self.vttMessage)
        #expect(state.route?.form == nil)
    }

    @Test func theVTTReportIsRecordedWithItsFields() throws {
        var state = openRoute()
        _ = press([.enter], &state)
        let form = try #require(state.route?.form)
        #expect(form.event.id == "vtt_gemeld")
        // "When" starts at now; the officer fills in who.
        #expect(try form.values().get() == ["gemeld_op": .dateTime(Fixtures.clock.now())])
        _ = press([.tab, .tab], &state)
        type("J. de Boer (melder)", &state)
        let effects = press([.function(2)], &state)
        #expect(effects.contains(.recordRouteEvent(signalID: 10_000, event: "vtt_gemeld", fields: [
            "gemeld_op": .dateTime(Fixtures.clock.now()), "gemeld_door": .text("J. de Boer (melder)"),
        ], expectedVersion: 1)))
        #expect(state.route == nil)
        #expect(state.status == StatusMessage("Vastgelegd: Direct gemeld bij Veilig Thuis Twente op 24-11-2026 10:30 door J. de Boer (melder)."))
        #expect(effects.contains(.loadInboxPage(.first, limit: InboxState.pageSize, .refresh)))
        #expect(state.inbox.selectedRow?.signal.id == 10_000)

        // Now the route moves on: the acknowledgement and the contact are possible.
        _ = press([.character("a")], &state)
        #expect(state.route?.options.filter(\.isAvailable).map(\.event.id) == ["ontvangst_bevestigd", "contact_opgenomen"])
    }

    @Test func aRejectionIsShownVerbatimAndTheFormStays() throws {
        var state = openRoute()
        _ = press([.enter, .function(2)], &state)
        #expect(state.route?.problem == "Niet opgeslagen: Gemeld door ontbreekt.")
        #expect(state.route?.form != nil && state.route?.isSaving == false)
        #expect(state.status == StatusMessage("Niet opgeslagen: Gemeld door ontbreekt.", isError: true))
    }

    @Test func aBadDateIsCaughtBeforeSaving() throws {
        var state = openRoute()
        _ = press([.enter], &state)
        _ = press([.control("u")], &state)
        type("31-02-2026", &state)
        #expect(press([.function(2)], &state).isEmpty)
        #expect(state.route?.problem == "Gemeld bij VTT op: 31-02-2026 bestaat niet")
    }

    @Test func aColleaguesStepFirstIsAConflict() throws {
        var state = openRoute()
        // A colleague records the VTT report meanwhile: the store is a version further.
        let route = try fake.signalRouteState(id: 10_000, for: Fixtures.af)
        _ = try fake.recordRouteEvent("vtt_gemeld", fields: ["gemeld_op": .dateTime(Fixtures.clock.now()), "gemeld_door": .text("PM")],
                                      onSignal: 10_000, expectedVersion: route.version, workflows: Fixtures.context().workflows,
                                      by: Fixtures.af)
        _ = press([.enter, .tab, .tab], &state)
        type("AF", &state)
        _ = press([.function(2)], &state)
        #expect(state.route?.problem?.hasPrefix("Intussen gewijzigd door Collega op 24-11-2026 10:30") == true)
        #expect(state.route?.isOutOfDate == true && state.route?.form != nil)
        // Ctrl-R loads the signal again: the VTT report is there now, contact is possible.
        let effects = press([.control("r")], &state)
        #expect(effects.contains(.loadRouteState(signalID: 10_000)))
        #expect(state.route?.route.version == 2)
        #expect(state.route?.options.filter(\.isAvailable).map(\.event.id) == ["ontvangst_bevestigd", "contact_opgenomen"])
    }

    @Test func escapeGoesBackAStepAndThenCloses() {
        var state = openRoute()
        _ = press([.enter], &state)
        #expect(state.route?.form != nil)
        _ = press([.escape], &state)
        #expect(state.route != nil && state.route?.form == nil)
        _ = press([.escape], &state)
        #expect(state.route == nil)
    }

    @Test func routeSnapshots() {
        var state = openRoute()
        expectSnapshot(AppView.render(state.app), named: "route-actions-80x24")
        _ = press([.enter, .tab, .tab], &state)
        type("Anouk Veldkamp", &state)
        expectSnapshot(AppView.render(state.app), named: "route-form-80x24")
    }
}
