import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// Tab 6's consults: listed without a name (open ones first), one registered from the keyboard in
/// a short form with its defaults and kept as a draft while typed in, an opened consult taking its
/// next steps by letter as its workflow allows, and one turned into a signal through tab 1's
/// registration form, filled in from it.
@Suite struct ConsultTabTests {
    let fake = FakeSignals(Fixtures.signals(3))
    static let almelo = Municipality.twente.first { $0.name == "Almelo" }!
    static let asked = LocalDateTime(date: Fixtures.today, hour: 9, minute: 40)

    func run(_ state: inout AppState, _ action: AppAction) { _ = runEffects(&state, action, on: fake) }
    func press(_ keys: [Key], _ state: inout AppState) { for key in keys { run(&state, .keyPressed(key)) } }
    func type(_ text: String, _ state: inout AppState) { press(text.map { .character($0) }, &state) }
    func screen(_ state: AppState) -> [String] { AppView.render(state).textLines() }

    static func summary(_ id: Int64, _ state: String, outcome: ConsultOutcome? = nil, kind: AskerKind = .school,
                        in municipality: Municipality = almelo, day: Int = 24) -> ConsultSummary {
        ConsultSummary(id: id, code: "A2026-00\(id)", askedAt: LocalDateTime(date: CivilDate(year: 2026, month: 11, day: day)!, hour: 9, minute: 40),
                       askerKind: kind, municipality: municipality, forms: [.sexual], state: state, outcome: outcome)
    }

    static let opened = Consult(
        summary: summary(12, ConsultStates.answered), askerOrganisation: "OBS De Esch", askerName: "mevr. Jansen",
        question: "Een leerling van 15 wordt opgehaald door een oudere vriend.", advice: "Gesprek via de vertrouwenspersoon; meldcode volgen.",
        referredTo: "", signalCode: nil,
        steps: [ConsultStep(at: asked, author: "Procesmanager KMT (demo)", text: "Vraag van school, onderwijs geregistreerd."),
                ConsultStep(at: asked.adding(minutes: 20), author: "Procesmanager KMT (demo)", text: "Advies gegeven: meldcode volgen.")],
        instance: WorkflowInstance(state: ConsultStates.answered, facts: CaseFacts(), receivedAt: asked), version: 2)

    func opened(as user: User = Fixtures.processManager) -> AppState {
        fake.consultList = ConsultList(open: [Self.summary(12, ConsultStates.answered)],
                                       closed: [Self.summary(11, ConsultStates.converted, outcome: .signal, kind: .generalPractitioner, day: 20),
                                                Self.summary(10, ConsultStates.closed, outcome: .referred, kind: .employer,
                                                             in: Fixtures.enschede, day: 12)])
        fake.consultDetails = [12: Self.opened]
        var state = AppState(context: Fixtures.context(user: user), size: Size(width: 80, height: 24))
        run(&state, .started)
        press([.character("6")], &state)
        return state
    }

    @Test func theListShowsOpenConsultsFirstWithoutANameAndTabSwitchesToTheActivities() {
        var state = opened()
        #expect(fake.consultRequests == ["lijst pm.kmt gevraagd"])
        let lines = screen(state)
        #expect(lines.contains { $0.contains("[Consulten (1 open)]") && $0.contains("Activiteiten") })
        #expect(lines.contains { $0.contains("A2026-0012") && $0.contains("school") && $0.contains("Almelo") && $0.contains("beantwoord") })
        #expect(lines.contains { $0.contains("A2026-0011") && $0.contains("huisarts") && $0.contains("→ signaal") })
        #expect(!lines.joined().contains("Jansen") && !lines.joined().contains("OBS"))
        expectSnapshot(AppView.render(state), named: "consults-80x24")
        press([.tab], &state)
        #expect(state.advice.shown == .activities && screen(state).contains { $0.contains("[Activiteiten]") })
    }

    @Test func aConsultIsRegisteredInUnderAMinuteWithItsAdvice() {
        var state = opened(as: Fixtures.af)
        press([.character("n")], &state)
        #expect(state.advice.consultForm != nil)
        expectSnapshot(AppView.render(state), named: "consult-form-80x24")
        // Vrager: school (the default); the organisation; a form; the question and the advice.
        press([.tab], &state)
        type("OBS De Esch", &state)
        press([.tab, .tab, .tab, .character(" "), .tab, .tab, .tab], &state)
        type("Leerling met dure spullen.", &state)
        press([.tab], &state)
        type("Meldcode volgen.", &state)
        press([.function(2)], &state)
        #expect(fake.consultRequests == ["lijst af.enschede gevraagd", "registreren school Enschede met advies", "lijst af.enschede ververst"])
        #expect(state.advice.onTop == nil && state.status?.text == "Consult A2026-0500 geregistreerd, met het advies.")
    }

    @Test func aConsultFormIsKeptWhileTypedAndComesBackAfterADroppedConnection() {
        var state = opened(as: Fixtures.af)
        press([.character("n"), .tab], &state)
        type("Wijkteam Noord", &state)
        run(&state, .idle)
        #expect(fake.drafts.contains { $0.key.contains("consult") && $0.value.contains("Wijkteam Noord") })
        var next = AppState(context: Fixtures.context(), size: Size(width: 80, height: 24))
        run(&next, .started)
        press([.character("6")], &next)
        #expect(next.advice.consultForm?.form.content[1] == ["Wijkteam Noord"])
        #expect(next.status?.text == "Uw niet-opgeslagen formulier is teruggezet; Esc en j gooit het weg.")
    }

    @Test func anOpenedConsultTakesItsStepsByLetter() {
        var state = opened()
        press([.enter], &state)
        #expect(state.advice.openConsult?.consult.summary.code == "A2026-0012")
        let lines = screen(state)
        #expect(lines.contains { $0.contains("OBS De Esch (mevr. Jansen)") })
        #expect(lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.contains("s afsluiten  o omzetten in signaal  Esc terug") == true)
        expectSnapshot(AppView.render(state), named: "consult-opened-80x24")
        // Advice is not a step from "beantwoord": `a` does nothing; `s` closes, referred to an organisation.
        press([.character("a")], &state)
        #expect(state.advice.consultEvent == nil)
        press([.character("s"), .right, .tab], &state)
        type("CoMensha", &state)
        press([.function(2)], &state)
        #expect(fake.consultRequests.contains("stap afsluiten op 12 versie 2 organisatie=CoMensha uitkomst=doorverwezen"))
        #expect(state.status?.text == "Vastgelegd: afsluiten.")
        // Read again after the step: the consult stays open on the screen.
        #expect(fake.consultRequests.suffix(2).sorted() == ["lijst pm.kmt ververst", "openen 12"])
    }

    @Test func aConsultTurnedIntoASignalOpensTheRegistrationFormFilledInFromIt() {
        var state = opened()
        press([.enter, .character("o")], &state)
        #expect(state.tab == .signals)
        let form = state.signals.registration
        #expect(form?.fromConsult == ConsultOrigin(consultID: 12, code: "A2026-0012", version: 2))
        #expect(form?.reporterOrganisation.text == "OBS De Esch" && form?.municipality.selected?.label == "Almelo")
        #expect(form?.description.text.hasPrefix("Uit consult A2026-0012: Een leerling van 15") == true)
        #expect(screen(state).contains { $0.contains("Nieuw signaal registreren (uit consult A2026-0012)") })
        press([.function(2)], &state)
        #expect(fake.consultRequests.contains("signaal uit A2026-0012 versie 2"))
        #expect(state.signals.receipt != nil)
        // The consults are read again (without a new audit line: the conversion itself is in the log).
        #expect(fake.consultRequests.last == "lijst pm.kmt ververst")
    }

    @Test func theRegistrationFormsDraftKeepsTheConsultItCameFrom() throws {
        var state = opened()
        press([.enter, .character("o")], &state)
        let form = try #require(state.signals.registration)
        let restored = try #require(RegistrationDraft.from(json: RegistrationDraft(form).json))
        #expect(restored.form(now: ConsultTabTests.asked, user: Fixtures.processManager).fromConsult == form.fromConsult)
        #expect(form.fromConsult != nil)
    }

    @Test func theProcesondersteunerSeesOnlyTheActivities() {
        let supporter = User(id: 4, login: "po.kmt", displayName: "Procesondersteuner", role: .processSupporter, municipality: nil)
        var state = opened(as: supporter)
        #expect(fake.consultRequests.isEmpty && state.advice.shown == .activities)
        #expect(!screen(state).joined().contains("Consulten"))
        press([.tab], &state)
        #expect(state.advice.shown == .activities)
    }
}
