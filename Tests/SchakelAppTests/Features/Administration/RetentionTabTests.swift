import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// The destruction list in tab 7: the beheerder proposes what is due (after `j`), a procesmanager —
/// who sees only this part of Beheer — approves it (after `j`) and is told what dropped out and why.
@Suite struct RetentionTabTests {
    let fake = FakeSignals(Fixtures.signals(3))
    let beheerder = User(id: 9, login: "beheer", displayName: "Beheerder", role: .administrator, municipality: nil)
    let due = [
        RetentionDue(record: .signal(3), code: "S2024-0003", closedOn: CivilDate(iso: "2024-10-01")!, rule: Fixtures.retention.rules[0]),
        RetentionDue(record: .signal(5), code: "S2024-0005", closedOn: CivilDate(iso: "2024-11-02")!, rule: Fixtures.retention.rules[0]),
    ]

    func run(_ state: inout AppState, _ action: AppAction) { _ = runEffects(&state, action, on: fake) }
    func press(_ keys: [Key], _ state: inout AppState) { for key in keys { run(&state, .keyPressed(key)) } }
    func screen(_ state: AppState) -> [String] { AppView.render(state).textLines() }

    func opened(as user: User) -> AppState {
        fake.overview = RetentionOverview(rulesConfirmed: true, due: due, proposal: nil, lastApproved: nil)
        var state = AppState(context: Fixtures.context(user: user), size: Size(width: 80, height: 24))
        run(&state, .started)
        press([.character("7")], &state)
        return state
    }

    @Test func theBeheerderSwitchesToTheListAndProposesItAfterJ() {
        var state = opened(as: beheerder)
        #expect(state.administration.section == .users && fake.retentionRequests.isEmpty)
        press([.tab], &state)
        #expect(state.administration.section == .destruction && fake.retentionRequests == ["overzicht beheer"])
        let lines = screen(state)
        #expect(lines.contains { $0.contains("signaal") && $0.contains("S2024-0003") && $0.contains("01-10-2024") && $0.contains("wacht") })
        #expect(lines.contains { $0.contains("Over de termijn: 2 records, geen voorstel · p stelt voor.") })
        expectSnapshot(AppView.render(state), named: "retention-due-80x24")
        // n is no: nothing is proposed.
        press([.character("p"), .character("n")], &state)
        #expect(fake.retentionRequests == ["overzicht beheer"])
        press([.character("p")], &state)
        #expect(screen(state)[23].contains("Deze 2 records voorstellen voor vernietiging? j = ja · andere toets = nee"))
        press([.character("j")], &state)
        #expect(fake.retentionRequests == ["overzicht beheer", "voorstel beheer", "overzicht beheer"])
        #expect(state.status?.text == "Lijst 7 voorgesteld: 2 records. Een procesmanager keurt haar goed.")
        #expect(screen(state).contains { $0.contains("Lijst 7 van beheer, 24-11-2026: 2 records") && $0.contains("wacht op een procesmanager") })
        // The beheerder cannot approve: `a` does nothing for them.
        press([.character("a")], &state)
        #expect(state.administration.onTop == nil && fake.retentionRequests.count == 3)
        press([.tab], &state)
        #expect(state.administration.section == .users)
    }

    @Test func aProcesmanagerSeesOnlyTheListApprovesItAfterJAndIsToldWhatDroppedOut() {
        fake.approvalDropsFirst = true
        var state = opened(as: Fixtures.processManager)
        _ = try? fake.proposeDestruction(under: Fixtures.retention, today: Fixtures.today, by: beheerder)
        press([.control("r")], &state)
        #expect(state.tab == .administration && state.administration.section == .destruction)
        #expect(screen(state)[1].contains("Beheer"))
        #expect(!screen(state).contains { $0.contains("af.enschede") })
        press([.tab], &state)
        #expect(state.administration.section == .destruction)
        press([.character("a")], &state)
        #expect(screen(state)[23].contains("Lijst 7: 2 records onherroepelijk vernietigen? j = ja · andere toets = nee"))
        press([.character("j")], &state)
        #expect(fake.retentionRequests.suffix(2) == ["goedkeuring 7 pm.kmt", "overzicht pm.kmt"])
        #expect(state.status?.text == "Lijst 7: 1 vernietigd, 1 vervallen (S2024-0003 heropend op 20-12-2026).")
        let lines = screen(state)
        #expect(lines.contains { $0.contains("S2024-0003") && $0.contains("vervallen (blijft)") })
        #expect(lines.contains { $0.contains("S2024-0003 vervallen: heropend op 20-12-2026; blijft bewaard.") })
        #expect(lines.contains { $0.contains("S2024-0005") && $0.contains("vernietigd") })
        expectSnapshot(AppView.render(state), named: "retention-approved-80x24")
    }

    @Test func aRefusalIsSaidAndNothingChanges() {
        var state = opened(as: beheerder)
        press([.tab], &state)
        fake.retentionFailure = .refused("De bewaartermijnen zijn nog niet bevestigd ('schakel bewaren bevestig'); zonder vastgestelde termijnen wordt niets vernietigd.")
        press([.character("p"), .character("j")], &state)
        #expect(state.status?.isError == true && state.status?.text.hasPrefix("De bewaartermijnen zijn nog niet bevestigd") == true)
        #expect(state.administration.onTop == nil && state.administration.retention.overview?.proposal == nil)
    }

    @Test func aListThatCannotBeLoadedSaysWhyInItsPlace() {
        fake.retentionFailure = .refused("De bewaartermijnen zijn nog niet bevestigd.")
        var state = opened(as: Fixtures.processManager)
        #expect(state.administration.retention.overview == nil)
        #expect(screen(state).contains { $0.contains("! De bewaartermijnen zijn nog niet bevestigd.") })
        #expect(!screen(state).contains { $0.contains("laden…") })
        fake.retentionFailure = nil
        press([.control("r")], &state)
        #expect(state.administration.retention.loadProblem == nil && state.administration.retention.overview != nil)
    }
}
