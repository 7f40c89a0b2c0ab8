import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// Tab 7, Beheer: the beheerder adds, changes, blocks and unblocks users; no other role has it.
@Suite struct AdministrationTests {
    let fake = FakeSignals(Fixtures.signals(3))
    let beheerder = User(id: 9, login: "beheer", displayName: "Beheerder", role: .administrator, municipality: nil)

    func run(_ state: inout AppState, _ action: AppAction) { _ = runEffects(&state, action, on: fake) }
    func press(_ keys: [Key], _ state: inout AppState) { for key in keys { run(&state, .keyPressed(key)) } }
    func type(_ text: String, _ state: inout AppState) { press(text.map { .character($0) }, &state) }
    func screen(_ state: AppState) -> [String] { AppView.render(state).textLines() }

    func opened() -> AppState {
        var state = AppState(context: Fixtures.context(user: beheerder), size: Size(width: 80, height: 24))
        run(&state, .started)
        press([.character("7")], &state)
        return state
    }

    @Test func theUsersAreListedWithoutAnythingOfACase() {
        let state = opened()
        #expect(state.tab == .administration)
        #expect(state.administration.users.map(\.user.login) == ["af.enschede", "pm.kmt"])
        expectSnapshot(AppView.render(state), named: "administration-list-80x24")
    }

    @Test func aNewUserIsCheckedAndAdded() throws {
        var state = opened()
        press([.character("n")], &state)
        type("af.almelo", &state)
        press([.tab], &state)
        type("AF Almelo", &state)
        // The role stays af; without a municipality the form says what is wrong and keeps it all.
        press([.function(2)], &state)
        #expect(state.administration.form?.problem == "Een aandachtsfunctionaris hoort bij een gemeente.")
        expectSnapshot(AppView.render(state), named: "administration-form-problem-80x24")
        press([.tab, .tab, .right], &state)
        press([.function(2)], &state)
        #expect(state.administration.form == nil)
        #expect(state.status?.text == "Toegevoegd: af.almelo.")
        let added = try #require(fake.managed.first { $0.user.login == "af.almelo" })
        #expect(added.user.municipality?.name == "Almelo" && added.user.displayName == "AF Almelo")
        #expect(state.administration.selectedUser?.user.login == "af.almelo")
    }

    @Test func aUserIsChangedAndBlockedAfterJ() {
        var state = opened()
        press([.down, .enter], &state)
        #expect(screen(state).contains { $0.contains("pm.kmt wijzigen") })
        press([.end], &state)
        type(" (nieuw)", &state)
        press([.control("o")], &state)
        #expect(fake.managed.first { $0.user.login == "pm.kmt" }?.user.displayName == "Procesmanager KMT (demo) (nieuw)")
        press([.character("b")], &state)
        #expect(screen(state)[23].contains("pm.kmt blokkeren (kan Schakel dan niet meer openen)? j = ja"))
        press([.character("n")], &state)
        #expect(fake.managed.first { $0.user.login == "pm.kmt" }?.isActive == true)
        press([.character("b"), .character("j")], &state)
        #expect(fake.managed.first { $0.user.login == "pm.kmt" }?.isActive == false)
        #expect(state.status?.text == "Geblokkeerd: pm.kmt.")
        #expect(screen(state).contains { $0.contains("pm.kmt") && $0.contains("geblokkeerd") })
        // A q in a form is a letter, not the end of the session.
        press([.character("n"), .character("q")], &state)
        #expect(state.isRunning && state.administration.form != nil)
    }

    @Test func noOtherRoleHasTheTab() {
        var state = Fixtures.state()
        run(&state, .started)
        press([.character("7")], &state)
        #expect(state.tab == .signals)
        #expect(!screen(state)[1].contains("Beheer"))
    }
}
