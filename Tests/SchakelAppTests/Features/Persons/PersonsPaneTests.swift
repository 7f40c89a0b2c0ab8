import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// The persons of a signal or case over the pane: added (with the known persons offered first),
/// a role changed and data corrected with a reason, and the person view with their signals and
/// cases, each openable — through the whole app, against the fake store.
@Suite struct PersonsPaneTests {
    let fake = FakeSignals(Fixtures.signals(5))
    let signal = TimelineSubject.signal(10_000)
    let known = PersonMatch(id: 197, code: "P-00197", initials: "O.K.", birthYear: 1987, appearsIn: ["S2026-0031", "C2026-0008"])

    init() {
        fake.subjectPersons[.signal(10_000)] = [
            SubjectPerson(id: 12, code: "P-00012", initials: "Z.Ç.", birthYear: 2009, role: .presumedVictim, givenName: "Zoë",
                          familyName: "Çelik"),
            SubjectPerson(id: 13, code: "P-00013", initials: "伟.李.", birthYear: 1980, role: .suspect, givenName: "伟", familyName: "李"),
        ]
        fake.personRecords[12] = PersonRecord(
            id: 12, code: "P-00012", initials: "Z.Ç.", birthYear: 2009, givenName: "Zoë", familyName: "Çelik",
            appearances: [
                PersonAppearance(subject: .signal(9_000), code: "S2026-0031", receivedAt: LocalDateTime(date: Fixtures.today.adding(days: -200), hour: 9, minute: 0),
                                 municipality: "Enschede", role: .potentialVictim, state: "afgesloten"),
                PersonAppearance(subject: .signal(10_000), code: "S2026-9000", receivedAt: LocalDateTime(date: Fixtures.today, hour: 10, minute: 0),
                                 municipality: "Enschede", role: .presumedVictim, state: "gemeld"),
            ])
    }

    func run(_ state: inout AppState, _ action: AppAction) -> [AppEffect] { runEffects(&state, action, on: fake) }

    func press(_ keys: [Key], _ state: inout AppState) { for key in keys { _ = run(&state, .keyPressed(key)) } }

    func type(_ text: String) -> [Key] { text.map { .character($0) } }

    /// The first signal opened, and its persons (`b`).
    func personsOfTheFirstSignal() -> AppState {
        var state = Fixtures.state()
        _ = run(&state, .started)
        press([.enter, .character("b")], &state)
        return state
    }

    @Test func bInASignalOpensItsPersonsWithTheirCodesAndEscGoesBackToTheSignal() {
        var state = personsOfTheFirstSignal()
        #expect(state.persons?.title == "Betrokkenen van signaal S2026-9000")
        #expect(state.persons?.persons.map(\.code) == ["P-00012", "P-00013"])
        expectSnapshot(AppView.render(state), named: "persons-80x24")
        press([.escape], &state)
        #expect(state.persons == nil && state.signals.detail != nil)
    }

    @Test func aPersonAddedIsFirstMatchedAndTheKnownOneIsLinkedOnJ() {
        var state = personsOfTheFirstSignal()
        fake.knownMatches = [known]
        press([.character("n")] + type("O.K.") + [.tab] + type("1987") + [.tab, .right, .right], &state)
        expectSnapshot(AppView.render(state), named: "persons-add-80x24")
        press([.function(2)], &state)
        #expect(fake.matchRequests == [NewPerson(initials: "O.K.", birthYear: 1987, role: .victim)])
        #expect(state.persons?.matchOffer?.matches == [known])
        expectSnapshot(AppView.render(state), named: "persons-match-offer-80x24")
        // Esc goes back to the form as it was; F2 offers again; j links the known person.
        press([.escape], &state)
        #expect(state.persons?.form?.form.isChanged == true)
        press([.function(2), .character("j")], &state)
        #expect(fake.personWrites == [.linked(197, .victim, signal)])
        #expect(state.persons?.onTop == nil)
        #expect(state.status == StatusMessage("Bekende betrokkene gekoppeld: P-00197, slachtoffer."))
    }

    @Test func nInTheOfferMakesANewCodeAndNoOfferMeansANewCodeAtOnce() {
        var state = personsOfTheFirstSignal()
        fake.knownMatches = [known]
        press([.character("n")] + type("O.K.") + [.function(2), .character("n")], &state)
        #expect(fake.personWrites == [.added(NewPerson(initials: "O.K.", birthYear: nil, role: .potentialVictim), signal)])
        fake.knownMatches = []
        press([.character("n")] + type("A.B.") + [.function(2)], &state)
        #expect(fake.personWrites.last == .added(NewPerson(initials: "A.B.", birthYear: nil, role: .potentialVictim), signal))
        #expect(state.persons?.persons.map(\.initials).suffix(2) == ["O.K.", "A.B."])
    }

    @Test func aFormThatDoesNotHoldSaysWhyAndAsksTheStoreNothing() {
        var state = personsOfTheFirstSignal()
        press([.character("n"), .tab] + type("1850") + [.function(2)], &state)
        #expect(state.persons?.form?.problem == "Initialen: vul de initialen in.")
        press([.backTab] + type("X.") + [.function(2)], &state)
        #expect(state.persons?.form?.problem == "Geboortejaar: een jaar tussen 1900 en 2026.")
        #expect(fake.matchRequests.isEmpty && fake.personWrites.isEmpty)
        // Esc asks before throwing away what was typed.
        press([.escape], &state)
        #expect(state.persons?.form?.form.onTop == .discardQuestion)
        press([.character("j")], &state)
        #expect(state.persons?.onTop == nil)
    }

    @Test func aCorrectionStartsFromTheCurrentDataAndNeedsAReason() {
        var state = personsOfTheFirstSignal()
        press([.character("e")], &state)
        expectSnapshot(AppView.render(state), named: "persons-correct-80x24")
        press([.tab, .backspace] + type("8") + [.function(2)], &state)
        #expect(state.persons?.form?.problem == "Reden: vul in waarom dit verandert.")
        press([.tab, .tab, .tab] + type("Geboorteakte gezien.") + [.function(2)], &state)
        #expect(fake.personWrites == [.corrected(12, PersonCorrection(initials: "Z.Ç.", birthYear: 2008, givenName: "Zoë", familyName: "Çelik"),
                                                 "Geboorteakte gezien.")])
    }

    @Test func aRoleChangeNamesTheOldAndTheNewRole() {
        var state = personsOfTheFirstSignal()
        press([.down, .character("r"), .right, .tab] + type("Verhoor afgerond.") + [.function(2)], &state)
        #expect(fake.personWrites == [.roleChanged(13, .suspect, .perpetrator, "Verhoor afgerond.")])
        #expect(state.status == StatusMessage("Rol gewijzigd: verdachte → dader."))
    }

    @Test func thePersonViewListsTheirSignalsAndCasesAndOpensOneOverIt() {
        var state = personsOfTheFirstSignal()
        press([.enter], &state)
        #expect(state.persons?.personView?.record.code == "P-00012")
        expectSnapshot(AppView.render(state), named: "person-view-80x24")
        press([.enter], &state)
        #expect(state.timeline?.title == "Tijdlijn van signaal S2026-0031")
        // The timeline is over the person; Esc goes back to the person, then to the list.
        press([.escape], &state)
        #expect(state.timeline == nil && state.persons?.personView != nil)
        press([.escape], &state)
        #expect(state.persons?.onTop == nil && state.persons != nil)
    }

    @Test func aPersonFoundBySearchOpensAsThePersonViewAlone() {
        var state = Fixtures.state()
        fake.searchHits = [SearchHit(source: .person, id: 12, subject: nil, title: "P-00012", snippet: "Z.Ç. 2009")]
        _ = run(&state, .started)
        press([.character("/")] + type("celik") + [.enter, .enter], &state)
        #expect(state.persons?.subject == nil && state.persons?.personView?.record.code == "P-00012")
        press([.escape], &state)
        #expect(state.persons == nil && state.signals.search != nil)
    }

    @Test func bInACaseListAndInATimelineOpensTheSameList() {
        var state = personsOfTheFirstSignal()
        press([.escape, .character("t"), .character("b")], &state)
        #expect(state.persons?.subject == signal && state.persons?.code == "S2026-9000")
        // Adding a person from there reads the timeline beneath again.
        let effects = run(&state, .persons(.written("Betrokkene toegevoegd: P-00901, slachtoffer.")))
        #expect(effects.compactMap { $0.of(TimelineFeature.self) } == [.loadPage(signal, kinds: [], .last, limit: PagedList<TimelineRow>.pageSize)])
        #expect(effects.compactMap { $0.of(SignalsFeature.self) } == [.loadSignalDetail(id: 10_000, .refresh)])
    }

    @Test func aProcesmanagerMergesAnotherCodeIntoThePersonShownAndUndoesIt() {
        var state = Fixtures.state()
        state.shell = Shell(context: Fixtures.context(user: Fixtures.processManager), size: state.size)
        _ = run(&state, .request(.openPersons(signal, code: "S2026-9000")))
        press([.enter, .character("s")], &state)
        expectSnapshot(AppView.render(state), named: "person-merge-80x24")
        press(type("p-00412") + [.tab] + type("Zelfde paspoort.") + [.function(2)], &state)
        #expect(fake.personWrites == [.merged("P-00412", "P-00012", "Zelfde paspoort.")])
        #expect(state.persons?.personView?.record.code == "P-00012")
        // Nothing merged into it (in the fake): `o` says so.
        press([.character("o")], &state)
        #expect(state.status == StatusMessage("Er is niets met P-00012 samengevoegd om terug te draaien.", isError: true))
    }

    @Test func anOfficerCanNotMerge() {
        var state = personsOfTheFirstSignal()
        press([.enter, .character("s")], &state)
        #expect(state.persons?.mergeForm == nil)
        #expect(state.status == StatusMessage("Alleen een procesmanager voegt personen samen.", isError: true))
    }

    @Test func aFormCutOffIsKeptAsADraftAndComesBackWhenThePersonsOpenAgain() throws {
        var state = personsOfTheFirstSignal()
        press([.character("e"), .tab, .backspace] + type("8"), &state)
        let saved = run(&state, .idle).compactMap { $0.of(PersonsFeature.self) }
        guard case .draft(.save(let key, let payload))? = saved.first else { Issue.record("no draft kept: \(saved)"); return }
        #expect(key == .personForm(signal))
        // Idle again with nothing typed: nothing written.
        #expect(run(&state, .idle).isEmpty)
        #expect(fake.drafts.values.contains(payload))
        // A new session: the persons open, the form comes back as it was.
        var next = personsOfTheFirstSignal()
        let form = try #require(next.persons?.form)
        #expect(form.form.inputs[1].draftText == ["2008"])
        #expect(next.status == StatusMessage("Uw niet-opgeslagen formulier is teruggezet; Esc en j gooit het weg."))
        // Thrown away: so is the draft.
        press([.escape, .character("j")], &next)
        #expect(next.persons?.onTop == nil && fake.drafts.isEmpty)
    }

    @Test func aRefusedListClosesThePaneAndSaysSo() {
        var state = Fixtures.state()
        fake.personsFailure = .noAccess
        _ = run(&state, .request(.openPersons(.kmtCase(3), code: "C2026-0003")))
        #expect(state.persons == nil)
        #expect(state.status?.isError == true && state.status?.text.hasPrefix("Betrokkenen laden mislukt.") == true)
    }

    @Test func aStoreFailureOnSavingKeepsTheFormWithTheReason() {
        var state = personsOfTheFirstSignal()
        fake.nextPersonFailure = .busy
        press([.character("n")] + type("A.B.") + [.function(2)], &state)
        #expect(state.persons?.form?.form.isChanged == true && state.persons?.form?.isSaving == false)
        #expect(state.persons?.form?.problem?.hasPrefix("Niet opgeslagen; het formulier staat er nog.") == true)
        #expect(fake.personWrites.isEmpty)
    }

    @Test func twoRolesInOneSignalAreOneRowOfThePersonView() {
        let twice = PersonRecord(id: 12, code: "P-00012", initials: "Z.Ç.", birthYear: 2009, givenName: "", familyName: "", appearances: [
            PersonAppearance(subject: signal, code: "S2026-9000", receivedAt: LocalDateTime(date: Fixtures.today, hour: 10, minute: 0),
                             municipality: "Enschede", role: .suspect, state: "gemeld"),
            PersonAppearance(subject: signal, code: "S2026-9000", receivedAt: LocalDateTime(date: Fixtures.today, hour: 10, minute: 0),
                             municipality: "Enschede", role: .victim, state: "gemeld"),
        ])
        let view = PersonView(record: twice)
        #expect(view.rows.count == 1 && view.rows.first?.roles == [.suspect, .victim])
        var state = personsOfTheFirstSignal()
        _ = run(&state, .persons(.personLoaded(twice)))
        let screen = AppView.render(state).textLines().joined(separator: "\n")
        #expect(screen.contains("1 signaal of casus die u mag zien") && screen.contains("verdachte, slachtoffer"))
    }

    @Test func aKnownPersonAlreadyOnTheSignalIsOfferedWithTheRoleTheyHaveThere() {
        var state = personsOfTheFirstSignal()
        fake.knownMatches = [PersonMatch(id: 13, code: "P-00013", initials: "伟.李.", birthYear: 1980, appearsIn: ["S2026-9000"])]
        press([.character("n")] + type("W.L.") + [.tab] + type("1980") + [.function(2)], &state)
        let screen = AppView.render(state).textLines().joined(separator: "\n")
        #expect(screen.contains("P-00013 伟.李. 1980 (S2026-9000) — staat hier al als verdachte"), "\(screen)")
    }
}
