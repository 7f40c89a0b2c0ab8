import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// Registering a signal with `n`: the form, its checks, saving, the receipt, and leaving it.
@Suite struct RegistrationTests {
    let fake = FakeSignals(Fixtures.signals(20))

    func run(_ state: inout SignalsTestState, _ action: SignalsAction) -> [SignalsEffect] { runEffects(&state, action, on: fake) }

    func press(_ keys: [Key], _ state: inout SignalsTestState) -> [SignalsEffect] { keys.flatMap { run(&state, .keyPressed($0)) } }
    func type(_ text: String, _ state: inout SignalsTestState) { _ = press(text.map { .character($0) }, &state) }

    func openForm(size: Size = Size(width: 80, height: 24)) -> SignalsTestState {
        var state = SignalsTestState(size: size)
        _ = run(&state, .started)
        _ = press([.character("n")], &state)
        return state
    }

    func focus(_ field: RegistrationForm.Field, _ state: inout SignalsTestState) {
        for _ in RegistrationForm.Field.allCases where state.registration?.focusedField != field { _ = press([.tab], &state) }
        #expect(state.registration?.focusedField == field)
    }

    @Test func nOpensTheFormWithNowAndTheOwnMunicipality() throws {
        let state = openForm()
        let form = try #require(state.registration)
        #expect(form.date.text == "24-11-2026" && form.time.text == "10:30")
        #expect(form.municipality.options.map(\.label) == ["Enschede"])
        #expect(form.focusedField == .date && !form.isChanged)
    }

    @Test func savingWithoutFormsOrDescriptionNamesBothAndFocusesTheFirst() throws {
        var state = openForm()
        #expect(press([.function(2)], &state).isEmpty)
        let form = try #require(state.registration)
        #expect(form.problems == [.forms: "kies minstens één vorm (spatie vinkt aan)",
                                  .description: "beschrijf wat er is gezien of gehoord"])
        #expect(form.focusedField == .forms)
        #expect(state.status == StatusMessage("Vormen van uitbuiting: kies minstens één vorm (spatie vinkt aan)", isError: true))
        // Ticking a form clears its problem at once.
        _ = press([.right, .character(" ")], &state)
        #expect(state.registration?.problems.keys.sorted { $0.rawValue < $1.rawValue } == [.description])
    }

    @Test func aCompleteAcuteSignalIsSavedAndTheReceiptAsksForTheVTTReport() throws {
        var state = openForm()
        focus(.source, &state)
        _ = press([.right], &state)  // telefoon
        focus(.reporterName, &state)
        type("R. Kamphuis", &state)
        focus(.forms, &state)
        _ = press([.right, .right, .character(" ")], &state)  // crimineel
        focus(.description, &state)
        type("Jongen van 15 wordt ingezet als koerier.", &state)
        _ = press([.enter], &state)
        type("Schulden bij 'vrienden'.", &state)
        focus(.acute, &state)
        _ = press([.character(" ")], &state)
        focus(.persons, &state)
        _ = press([.enter], &state)
        type("A.B.", &state)
        _ = press([.tab], &state)
        type("2011x", &state)
        _ = press([.tab, .right], &state)
        _ = press([.enter], &state)
        #expect(state.registration?.persons == [NewPerson(initials: "A.B.", birthYear: 2011, role: .presumedVictim)])

        let effects = press([.function(2)], &state)
        let saved = try #require(fake.registered.first)
        #expect(effects.contains(.registerSignal(saved, from: nil)))
        #expect(saved == NewSignal(
            receivedAt: LocalDateTime(date: Fixtures.today, hour: 10, minute: 30), source: .phone, reporterType: .municipalEmployee,
            reporterName: "R. Kamphuis", municipality: Fixtures.enschede, forms: [.criminal],
            description: "Jongen van 15 wordt ingezet als koerier.\nSchulden bij 'vrienden'.", acute: true,
            persons: [NewPerson(initials: "A.B.", birthYear: 2011, role: .presumedVictim)]))
        #expect(state.registration == nil)
        let receipt = try #require(state.receipt)
        #expect(receipt.code == "S2026-9101" && receipt.needsVTTReport)
        #expect(receipt.acknowledgement.hasPrefix("Beste R. Kamphuis,\n\nOp 24-11-2026 om 10:30 hebben wij uw melding"))
        #expect(receipt.acknowledgement.contains("uiterlijk 27-11-2026 contact met u op"))
        #expect(receipt.acknowledgement.contains("Veilig Thuis Twente (0800-2000)"))
        // The inbox is reloaded from its first page behind the receipt.
        #expect(effects.contains(.loadInboxPage(.first, limit: InboxState.pageSize)))
        _ = press([.escape], &state)
        #expect(state.receipt == nil && state.registration == nil)
    }

    @Test func leavingAChangedFormAsksFirst() throws {
        var state = openForm()
        _ = press([.escape], &state)
        #expect(state.registration == nil)

        state = openForm()
        focus(.location, &state)
        type("station", &state)
        _ = press([.escape], &state)
        #expect(state.registration?.onTop == .confirmingDiscard)
        _ = press([.character("n")], &state)
        #expect(state.registration?.location.text == "station" && state.registration?.onTop == nil)
        _ = press([.escape, .character("j")], &state)
        #expect(state.registration == nil)
        #expect(state.status == StatusMessage("Registratie geannuleerd; er is niets opgeslagen."))
    }

    @Test func aFailedSaveKeepsEverythingTyped() throws {
        fake.registrationFailure = .busy
        var state = openForm()
        focus(.forms, &state)
        _ = press([.character(" ")], &state)
        focus(.description, &state)
        type("Iets gezien.", &state)
        _ = press([.function(2)], &state)
        #expect(state.registration?.description.text == "Iets gezien.")
        #expect(state.registration?.isSaving == false)
        #expect(state.status?.isError == true && state.status?.text.hasPrefix("Het signaal is niet opgeslagen") == true)
    }

    @Test func aDateInTheFutureOrAnAnonymousReporterWithANameAreRefused() throws {
        var state = openForm()
        _ = press([.control("u")], &state)
        type("25-11-2026", &state)
        focus(.reporterType, &state)
        _ = press([.end], &state)  // anoniem
        focus(.reporterName, &state)
        type("X", &state)
        _ = press([.function(2)], &state)
        #expect(state.registration?.problems[.date] == "ligt in de toekomst")
        #expect(state.registration?.problems[.reporterName] == "een anonieme melder heeft geen naam of contactgegevens")
    }

    @Test func rolesWithoutSignalsCannotRegister() {
        let supporter = User(id: 9, login: "po.kmt", displayName: "PO", role: .processSupporter, municipality: nil)
        var state = SignalsTestState(user: supporter, size: Size(width: 80, height: 24))
        #expect(run(&state, .keyPressed(.character("n"))).isEmpty)
        #expect(state.status == StatusMessage("Uw rol kan geen signalen registreren.", isError: true))
    }

    @Test func removingAPersonOrLeavingAFilledPersonDialogAsksFirst() throws {
        var state = openForm()
        focus(.persons, &state)
        _ = press([.enter], &state)
        type("A.B.", &state)
        // Esc with initials typed asks (the question is what is on top); another key goes back to the
        // dialog with the initials.
        _ = press([.escape], &state)
        guard case .personDiscardQuestion(let asked)? = state.registration?.onTop else {
            Issue.record("Esc on a filled person dialog did not ask")
            return
        }
        #expect(asked.initials.text == "A.B.")
        _ = press([.enter], &state)
        #expect(state.registration?.personDialog?.initials.text == "A.B.")
        _ = press([.escape, .character("j")], &state)
        #expect(state.registration?.personDialog == nil && state.registration?.persons.isEmpty == true)
        _ = press([.enter], &state)
        type("C.D.", &state)
        _ = press([.enter], &state)
        #expect(state.registration?.persons.map(\.initials) == ["C.D."])
        // Delete asks, naming the person; only j removes.
        _ = press([.delete], &state)
        #expect(AppView.render(state.app).textLines()[2].hasPrefix(" Betrokkene C.D. verwijderen? j = ja · andere toets = nee"))
        _ = press([.enter], &state)
        #expect(state.registration?.persons.map(\.initials) == ["C.D."])
        _ = press([.backspace, .character("j")], &state)
        #expect(state.registration?.persons.isEmpty == true)
    }

    // MARK: - Screens

    @Test func formSnapshots() {
        var state = openForm()
        focus(.reporterName, &state)
        type("Zoë Çelik", &state)
        _ = press([.function(2)], &state)
        expectSnapshot(AppView.render(state.app), named: "registration-80x24")
        // Leaving that form kept a draft; a new session would offer it. Start clean instead.
        fake.drafts = [:]
        var large = openForm(size: Size(width: 120, height: 40))
        focus(.description, &large)
        type("Een inwoner meldt dat een kennis in een nagelstudio werkt voor kost en inwoning en een schuld afbetaalt.", &large)
        expectSnapshot(AppView.render(large.app), named: "registration-120x40")
    }

    @Test func personDialogAndReceiptSnapshots() {
        var state = openForm()
        focus(.persons, &state)
        _ = press([.enter], &state)
        type("伟.李.", &state)
        _ = press([.tab], &state)
        type("1980", &state)
        expectSnapshot(AppView.render(state.app), named: "registration-person-80x24")
        _ = press([.escape, .escape, .character("j")], &state)
        state.receipt = RegistrationReducer.receipt(
            for: RegisteredSignal(id: 1, code: "S2026-0240"),
            NewSignal(receivedAt: LocalDateTime(date: Fixtures.today, hour: 9, minute: 5), source: .intranet,
                      reporterType: .municipalEmployee, reporterName: "J. de Boer (fictief)", municipality: Fixtures.enschede,
                      forms: [.labour], description: "x", minorInvolved: true),
            context: state.context)
        expectSnapshot(AppView.render(state.app), named: "receipt-80x24")
    }
}
