import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// Tab 4, Sociale kaart: the list narrowed as the user types and by facets, and an organisation
/// opened in full, at 80×24.
@Suite struct PartnersTests {
    let fake = FakeSignals(Fixtures.signals(3))

    init() {
        let checked = Verification(on: Fixtures.today.adding(days: -30), by: "Zorgcoördinator KMT (demo)")
        let old = Verification(on: Fixtures.today.adding(months: -14), by: "Procesondersteuner KMT (demo)")
        let partners = [
            Partner(id: 1, version: 1, name: "Jeugdbescherming Overijssel (JBOV)", shortName: "JBOV", kind: "jeugdbescherming",
                    domains: PartnerDomains([.care, .safety]), targetGroups: TargetGroups([.minors, .youngPeople]), forms: [.sexual, .criminal],
                    offer: "Jeugdbescherming en jeugdreclassering voor kinderen en jongeren in Overijssel.", website: "https://www.jbov.nl",
                    verified: old, shippedKey: "jbov"),
            Partner(id: 2, version: 1, name: "Skillz jongerenwerk", shortName: "Skillz", kind: "jongerenwerk", domains: PartnerDomains([.care]),
                    targetGroups: TargetGroups([.minors, .youngPeople]), area: .municipalities(["Hengelo"]),
                    offer: "Jongerenwerk in Hengelo; voorlichting samen met Halt en Loes.", shippedKey: "skillz"),
            Partner(id: 3, version: 4, name: "Veilig Thuis Twente (VTT)", shortName: "VTT", kind: "advies- en meldpunt",
                    domains: PartnerDomains([.care, .safety]), targetGroups: TargetGroups([.minors, .adults]), forms: [.sexual, .labour, .criminal],
                    offer: "Advies- en meldpunt huiselijk geweld en kindermishandeling; neemt meldingen aan (meldcode), ook acute.",
                    phone: "0800-2000", crisisLine: "0800-2000", crisisAlwaysReachable: true, verified: checked, shippedKey: "vtt"),
        ]
        fake.partners = partners.map { partner in
            PartnerDetail(partner: partner, contacts: partner.id == 3
                ? [PartnerContact(id: 9, partnerID: 3, name: "M. Jansen (fictief)", function: "teamleider", phone: "06-00001234",
                                  email: "mjansen@example.org", isFictional: true)] : [])
        }
    }

    typealias State = FeatureState<PartnersFeature>

    func run(_ state: inout State, _ action: PartnersAction) -> [PartnersEffect] { runEffects(&state, action, on: fake) }

    func shown() -> State {
        var state = State(PartnersState(), user: Fixtures.careCoordinator)
        _ = run(&state, .shown)
        return state
    }

    @Test func theListShowsWhenEachWasCheckedWithASign() {
        let state = shown()
        #expect(state.list.rows.map(\.partner.id) == [1, 2, 3])
        let screen = AppView.render(state.app)
        expectSnapshot(screen, named: "partners-80x24")
        let lines = screen.textLines()
        #expect(lines.contains { $0.contains("Skillz jongerenwerk") && $0.contains("! nooit") })
        #expect(lines.contains { $0.contains("Veilig Thuis Twente (VTT)") && $0.contains("0800-2000 24/7") && !$0.contains("!") })
    }

    @Test func typingNarrowsTheListAtEveryKeyAndEscapeDropsTheText() {
        var state = shown()
        _ = run(&state, .keyPressed(.character("/")))
        #expect(PartnersFeature.isTyping(state.feature) && PartnersFeature.hasOverlay(state.feature))
        typeKeys("jeugd", &state, on: fake)
        #expect(state.list.rows.map(\.partner.id) == [1])
        #expect(fake.partnerFilters.suffix(5).map(\.text) == ["j", "je", "jeu", "jeug", "jeugd"])
        expectSnapshot(AppView.render(state.app), named: "partners-typing-80x24")
        _ = run(&state, .keyPressed(.escape))
        #expect(state.query == nil && state.filter == .none && state.list.rows.count == 3)
    }

    @Test func facetsNarrowToMinorsInEnschede() {
        var state = shown()
        _ = run(&state, .keyPressed(.character("f")))
        // Voor: minderjarigen (the first option) ticked; Werkt in: Enschede.
        _ = run(&state, .keyPressed(.character(" ")))
        _ = run(&state, .keyPressed(.tab))
        typeKeys("E", &state, on: fake)
        expectSnapshot(AppView.render(state.app), named: "partners-facets-80x24")
        _ = run(&state, .keyPressed(.function(2)))
        #expect(state.filter == PartnerFilter(targetGroups: TargetGroups([.minors]), municipality: "Enschede"))
        // Skillz works in Hengelo only.
        #expect(state.list.rows.map(\.partner.id) == [1, 3])
        let screen = AppView.render(state.app)
        #expect(screen.textLines()[3].contains("Filter: minderjarigen · Enschede"))
        _ = run(&state, .keyPressed(.character("c")))
        #expect(state.filter == .none && state.list.rows.count == 3)
    }

    @Test func anOrganisationOpensInFullWithItsFictionalContact() {
        var state = shown()
        _ = run(&state, .keyPressed(.end))
        _ = run(&state, .keyPressed(.enter))
        #expect(state.open?.detail?.partner.name == "Veilig Thuis Twente (VTT)")
        let screen = AppView.render(state.app)
        expectSnapshot(screen, named: "partner-detail-80x24")
        let text = screen.textLines().joined(separator: "\n")
        #expect(text.contains("0800-2000 (dag en nacht bereikbaar)") && text.contains("M. Jansen (fictief) · teamleider"))
        _ = run(&state, .keyPressed(.escape))
        #expect(state.open == nil)
        // One not checked in twelve months says so.
        _ = run(&state, .keyPressed(.home))
        _ = run(&state, .keyPressed(.enter))
        let old = AppView.render(state.app).textLines().joined(separator: "\n")
        #expect(old.contains("! \(Fixtures.today.adding(months: -14).dutch) door Procesondersteuner KMT (demo), langer dan"))
    }

    @Test func whoToCallForAMinorInEnschede() {
        var state = shown()
        _ = run(&state, .keyPressed(.character("w")))
        #expect(PartnersFeature.isTyping(state.feature))
        // Betrokkene is: minderjarig; Gemeente: Enschede.
        _ = run(&state, .keyPressed(.right))
        for _ in 0..<3 { _ = run(&state, .keyPressed(.tab)) }
        typeKeys("E", &state, on: fake)
        expectSnapshot(AppView.render(state.app), named: "partners-who-to-call-form-80x24")
        let effects = run(&state, .keyPressed(.function(2)))
        #expect(effects.first == .advise(CallSituation(minor: true, municipality: "Enschede")))
        // Skillz works in Hengelo only.
        #expect(state.callAdvice?.lines?.map(\.key) == ["vtt", "jbov"])
        expectSnapshot(AppView.render(state.app), named: "partners-who-to-call-80x24")
        _ = run(&state, .keyPressed(.enter))
        #expect(state.open?.detail?.partner.name == "Veilig Thuis Twente (VTT)")
        // Back from the organisation: the advice is still there.
        _ = run(&state, .keyPressed(.escape))
        #expect(state.open == nil && state.callAdvice?.lines?.count == 2)
    }

    @Test func fromASignalTheSituationIsFilledIn() {
        var app = AppState(context: Fixtures.context(user: Fixtures.af), size: Size(width: 80, height: 24))
        let signal = Fixtures.signals(1)[0]
        let effects = runEffects(&app, .request(.whoToCall(CallSituation(signal: signal))), on: fake)
        #expect(app.tab == .partners && app.partners.callAdvice?.form == nil)
        #expect(app.partners.callAdvice?.situation == CallSituation(minor: signal.minorInvolved, forms: signal.forms, acute: signal.acute,
                                                                    municipality: signal.municipality))
        #expect(!effects.isEmpty && app.partners.callAdvice?.lines != nil)
    }

    @Test func anEditIsCheckedSavedAndStampedAndAColleagueIsNotOverwritten() {
        var state = shown()
        _ = run(&state, .keyPressed(.end))
        _ = run(&state, .keyPressed(.character("e")))
        #expect(state.editing?.original?.name == "Veilig Thuis Twente (VTT)" && PartnersFeature.isTyping(state.feature))
        // Telefoon is the ninth field.
        for _ in 0..<8 { _ = run(&state, .keyPressed(.tab)) }
        for _ in 0..<9 { _ = run(&state, .keyPressed(.backspace)) }
        typeKeys("053-12345", &state, on: fake)
        #expect(run(&state, .keyPressed(.function(2))).isEmpty)
        #expect(state.editing?.problem == "'053-12345' heeft 8 cijfers; een Nederlands nummer heeft er 10.")
        expectSnapshot(AppView.render(state.app), named: "partner-form-problem-80x24")
        for _ in 0..<9 { _ = run(&state, .keyPressed(.backspace)) }
        typeKeys("053-4800000", &state, on: fake)
        _ = run(&state, .keyPressed(.function(2)))
        #expect(state.editing == nil && fake.partners[2].partner.phone == "053-4800000")
        #expect(fake.partners[2].partner.verified == Verification(on: Fixtures.today, by: "Zorgcoördinator KMT (demo)"))
        #expect(state.status?.text == "Veilig Thuis Twente (VTT) opgeslagen en gestempeld: gecontroleerd op 24-11-2026.")
        #expect(state.list.rows.last?.partner.phone == "053-4800000")
        // A colleague saved first: the form stays, nothing is overwritten.
        _ = run(&state, .keyPressed(.character("e")))
        fake.partners[2] = PartnerDetail(partner: { var p = fake.partners[2].partner; p.version = 9; return p }(), contacts: [])
        _ = run(&state, .keyPressed(.function(2)))
        #expect(state.editing?.problem?.hasPrefix("Intussen gewijzigd door po.kmt") == true && fake.partners[2].partner.version == 9)
    }

    @Test func onlyTheKeepersEditAndAnArchivedOrganisationLeavesTheList() {
        var af = State(PartnersState(), user: Fixtures.af)
        _ = runEffects(&af, .shown, on: fake)
        _ = runEffects(&af, .keyPressed(.character("n")), on: fake)
        #expect(af.editing == nil && af.status?.text == "Alleen het KMT en de beheerder houden de sociale kaart bij.")
        var state = shown()
        _ = run(&state, .keyPressed(.enter))
        _ = run(&state, .keyPressed(.character("x")))
        #expect(PartnersFeature.prompt(state.feature) == "‘Jeugdbescherming Overijssel (JBOV)’ archiveren? j = ja · andere toets = nee")
        _ = run(&state, .keyPressed(.character("j")))
        #expect(state.open == nil && state.list.rows.map(\.partner.id) == [2, 3])
        #expect(state.status?.text.hasPrefix("Gearchiveerd") == true)
    }

    @Test func aSignalIsReferredToTheChosenOrganisation() {
        var app = AppState(context: Fixtures.context(user: Fixtures.af), size: Size(width: 80, height: 24))
        _ = runEffects(&app, .request(.refer(.signal(7), code: "S2026-0007")), on: fake)
        #expect(app.tab == .partners && app.partners.referring == ReferralTarget(subject: .signal(7), code: "S2026-0007"))
        expectSnapshot(AppView.render(app), named: "partners-referring-80x24")
        // VTT, the last: Enter opens the referral's form with its contact to choose.
        _ = runEffects(&app, .keyPressed(.end), on: fake)
        _ = runEffects(&app, .keyPressed(.enter), on: fake)
        #expect(app.partners.referralForm?.partner.name == "Veilig Thuis Twente (VTT)")
        _ = runEffects(&app, .keyPressed(.right), on: fake)
        _ = runEffects(&app, .keyPressed(.tab), on: fake)
        for character in "Melding meldcode" { _ = runEffects(&app, .keyPressed(.character(character)), on: fake) }
        expectSnapshot(AppView.render(app), named: "partners-referral-form-80x24")
        _ = runEffects(&app, .keyPressed(.function(2)), on: fake)
        #expect(fake.referrals.count == 1 && fake.referrals[0].subject == .signal(7))
        #expect(fake.referrals[0].referral == NewReferral(partnerID: 3, contactID: 9, reason: "Melding meldcode", date: Fixtures.today))
        #expect(app.partners.referring == nil && app.partners.referralForm == nil)
        #expect(app.status?.text == "S2026-0007 verwezen naar Veilig Thuis Twente (VTT); dat staat op de tijdlijn.")
    }

    @Test func escapeOnTheListCancelsAReferral() {
        var state = shown()
        _ = run(&state, .startReferral(.kmtCase(4), code: "C2026-0004"))
        _ = run(&state, .keyPressed(.escape))
        #expect(state.referring == nil && state.status?.text == "Verwijzen afgebroken; er is niets vastgelegd.")
    }

    @Test func contactPersonsAreAddedCheckedAndArchived() {
        var state = shown()
        _ = run(&state, .keyPressed(.end))
        _ = run(&state, .keyPressed(.enter))
        _ = run(&state, .keyPressed(.character("p")))
        expectSnapshot(AppView.render(state.app), named: "partner-contacts-80x24")
        _ = run(&state, .keyPressed(.character("n")))
        typeKeys("S. Bakker (fictief)", &state, on: fake)
        _ = run(&state, .keyPressed(.tab))
        typeKeys("aandachtsfunctionaris", &state, on: fake)
        _ = run(&state, .keyPressed(.tab))
        typeKeys("06-123", &state, on: fake)
        _ = run(&state, .keyPressed(.function(2)))
        #expect(state.open?.contacts?.form?.problem == "'06-123' heeft 5 cijfers; een Nederlands nummer heeft er 10.")
        for _ in 0..<6 { _ = run(&state, .keyPressed(.backspace)) }
        typeKeys("06-00004321", &state, on: fake)
        _ = run(&state, .keyPressed(.function(2)))
        #expect(state.open?.contacts?.form == nil && state.open?.detail?.contacts.map(\.name) == ["M. Jansen (fictief)", "S. Bakker (fictief)"])
        #expect(state.open?.detail?.contacts.last?.verified == Verification(on: Fixtures.today, by: "Zorgcoördinator KMT (demo)"))
        // The first one archived, after a j.
        _ = run(&state, .keyPressed(.home))
        _ = run(&state, .keyPressed(.character("x")))
        #expect(PartnersFeature.prompt(state.feature) == "‘M. Jansen (fictief)’ archiveren? j = ja · andere toets = nee")
        _ = run(&state, .keyPressed(.character("j")))
        #expect(state.open?.detail?.contacts.map(\.name) == ["S. Bakker (fictief)"] && state.status?.text == "M. Jansen (fictief) gearchiveerd.")
        _ = run(&state, .keyPressed(.escape))
        #expect(state.open?.contacts == nil && state.open != nil)
    }

    @Test func aNewerShippedDirectoryIsOfferedToWhoKeepsTheMap() {
        // The database has version 1; this Schakel ships version 2.
        fake.directoryVersion = 1
        var af = State(PartnersState(), user: Fixtures.af)
        _ = runEffects(&af, .shown, on: fake)
        #expect(af.offeredDirectoryVersion == nil)
        var state = shown()
        #expect(state.offeredDirectoryVersion == 2)
        #expect(PartnersFeature.reminder(state.feature) == "Nieuwere meegeleverde sociale kaart (versie 2): u neemt haar over; lokale wijzigingen blijven.")
        _ = run(&state, .keyPressed(.character("u")))
        #expect(fake.broughtIn == [2] && state.offeredDirectoryVersion == nil)
        #expect(state.status?.text == "Meegeleverde sociale kaart versie 2 overgenomen: 1 nieuw, 0 bijgewerkt, 0 lokaal gewijzigd gelaten.")
    }
}
