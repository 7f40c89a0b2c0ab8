import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// Tab 6, Advies: the activities listed (planned ahead first, one past its date to be finished), one
/// registered from the keyboard with its defaults, a form kept as a draft while typed in and put back
/// after a dropped connection, and what an AF may not change refused before a form opens.
@Suite struct ActivityTabTests {
    let fake = FakeSignals(Fixtures.signals(3))
    static let hengelo = Municipality.twente.first { $0.name == "Hengelo" }!
    static let almelo = Municipality.twente.first { $0.name == "Almelo" }!

    func run(_ state: inout AppState, _ action: AppAction) { _ = runEffects(&state, action, on: fake) }
    func press(_ keys: [Key], _ state: inout AppState) { for key in keys { run(&state, .keyPressed(key)) } }
    func type(_ text: String, _ state: inout AppState) { press(text.map { .character($0) }, &state) }
    func screen(_ state: AppState) -> [String] { AppView.render(state).textLines() }

    static func activity(_ id: Int64, _ kind: String, _ audience: String, in municipality: Municipality?, on day: String,
                         _ status: ActivityStatus, participants: Int? = nil, by login: String = "pm.kmt", note: String = "") -> Activity {
        Activity(id: id, entry: ActivityEntry(kind: kind, theme: kind == "les" ? .form(.criminal) : .general, audience: audience,
                                              municipality: municipality, date: CivilDate(iso: day)!, givenBy: login == "pm.kmt" ? .kmt : .designatedOfficer,
                                              status: status, participants: participants, note: note),
                 registeredBy: login, version: 1)
    }

    func opened(as user: User = Fixtures.af) -> AppState {
        fake.activityList = ActivityList(
            upcoming: [Self.activity(3, "training", "ketenpartners", in: nil, on: "2026-12-03", .planned)],
            past: [Self.activity(2, "voorlichting", "gemeente", in: Fixtures.enschede, on: "2026-11-16", .planned, by: "af.enschede",
                                 note: "Team Werk en Inkomen."),
                   Self.activity(1, "les", "scholen", in: Self.almelo, on: "2026-10-26", .held, participants: 44)])
        var state = AppState(context: Fixtures.context(user: user), size: Size(width: 80, height: 24))
        run(&state, .started)
        // Tab 6 opens on the consults; Tab shows the activities.
        press([.character("6"), .tab], &state)
        return state
    }

    @Test func theListShowsWhatIsPlannedAheadAndWhatWaitsToBeFinished() {
        let state = opened()
        #expect(state.tab == .advice && fake.activityRequests == ["lijst af.enschede gevraagd"])
        let lines = screen(state)
        #expect(lines[1].contains("[6 Advies]"))
        #expect(lines.contains { $0.contains("Activiteiten · 1 gepland · 2026: 1 gehouden, 44 deelnemers · 1 af te ronden") })
        #expect(lines.contains { $0.contains("03-12-2026") && $0.contains("training") && $0.contains("regio") && $0.contains("gepland") })
        #expect(lines.contains { $0.contains("16-11-2026") && $0.contains("voorlichting") && $0.contains("afronden") })
        #expect(lines.contains { $0.contains("26-10-2026") && $0.contains("les op school") && $0.contains("crimineel") && $0.contains("44") })
        expectSnapshot(AppView.render(state), named: "activities-80x24")
    }

    @Test func anAFRegistersAVoorlichtingForTwentyFiveColleaguesWithTheDefaults() {
        var state = opened()
        press([.character("n")], &state)
        #expect(state.advice.form?.form.event.label == "Nieuwe activiteit")
        expectSnapshot(AppView.render(state), named: "activity-form-80x24")
        // Soort → voorlichting; Doelgroep → gemeentemedewerkers; the rest as offered; then Deelnemers.
        press([.right, .tab, .tab, .right, .tab, .tab, .tab, .tab, .tab], &state)
        press([.function(2)], &state)
        #expect(state.advice.form?.problem == "Vul bij een gehouden activiteit in hoeveel mensen zij bereikte.")
        type("25", &state)
        press([.function(2)], &state)
        #expect(state.advice.onTop == nil)
        #expect(fake.activityRequests.contains("opslaan nieuw voorlichting gehouden af.enschede"))
        let saved = fake.activityList.all.first { $0.id == 4 }
        #expect(saved?.entry.municipality == Fixtures.enschede && saved?.entry.audience == "gemeente" && saved?.entry.participants == 25)
        #expect(saved?.entry.givenBy == .designatedOfficer && saved?.entry.date == Fixtures.today)
        #expect(state.status?.text == "Geregistreerd: voorlichting van 24-11-2026.")
        #expect(state.advice.selectedActivity?.id == 4)
    }

    @Test func anAFCannotChangeTheRegionsOrAnotherMunicipalitysAndCanFinishTheirOwn() {
        var state = opened()
        press([.enter], &state)
        #expect(state.advice.onTop == nil)
        #expect(state.status?.text == "Deze activiteit is van de regio; wijzigen doet het KMT of de AF daar.")
        press([.down, .down, .enter], &state)
        #expect(state.status?.text == "Deze activiteit is van Almelo; wijzigen doet het KMT of de AF daar.")
        // Their own overdue one: marked held with its reach.
        press([.up, .enter], &state)
        #expect(state.advice.form?.form.event.label == "Activiteit van 16-11-2026 wijzigen")
        press([.tab, .tab, .tab, .tab, .tab, .tab, .right, .tab], &state)
        type("18", &state)
        press([.function(2)], &state)
        #expect(fake.activityRequests.suffix(2) == ["opslaan 2 voorlichting gehouden af.enschede", "lijst af.enschede ververst"])
        #expect(fake.activityList.all.first { $0.id == 2 }?.entry.participants == 18)
    }

    @Test func aFormBeingTypedInIsKeptAndComesBackAfterADroppedConnection() {
        var state = opened()
        press([.character("n"), .right], &state)
        run(&state, .idle)
        let kept = fake.drafts.first { $0.key.contains("activiteit") }?.value
        #expect(kept?.contains("voorlichting") == true)
        // The connection drops; a new session finds the form as it was, and says so.
        var next = AppState(context: Fixtures.context(), size: Size(width: 80, height: 24))
        run(&next, .started)
        press([.character("6")], &next)
        #expect(next.advice.form?.form.content.first == ["voorlichting"])
        #expect(next.status?.text == "Uw niet-opgeslagen formulier is teruggezet; Esc en j gooit het weg.")
        // Esc asks first (it was changed); j throws it away, and the draft with it.
        press([.escape, .character("j")], &next)
        #expect(next.advice.onTop == nil && !fake.drafts.keys.contains { $0.contains("activiteit") })
    }

    @Test func theBeheerderHasNothingHere() {
        let beheerder = User(id: 9, login: "beheer", displayName: "Beheerder", role: .administrator, municipality: nil)
        var state = opened(as: beheerder)
        press([.character("n")], &state)
        #expect(state.advice.onTop == nil && fake.activityRequests.isEmpty)
        #expect(screen(state).contains { $0.contains("Uw rol (beheerder) geeft geen toegang tot consulten en activiteiten.") })
    }

    @Test func aListThatCannotBeLoadedSaysWhyInItsPlace() throws {
        fake.activityFailure = .busy
        let state = opened()
        let problem = try #require(state.advice.loadProblem)
        #expect(screen(state).contains { $0.contains("! " + problem.prefix(40)) })
    }
}
