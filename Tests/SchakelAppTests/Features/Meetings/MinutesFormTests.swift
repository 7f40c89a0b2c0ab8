import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// Minutes in an opened meeting: only once the agenda is fixed, saved against the meeting's
/// version, kept as a draft on a pause and brought back on `v`.
@Suite struct MinutesFormTests {
    let fake = FakeSignals(Fixtures.signals(3))
    /// Today's meeting: a dadertafel, held.
    let meetingID: Int64 = 502

    init() {
        fake.meetings = Fixtures.meetings(6, from: -6)
        setStatus("gehouden")
        fake.agendas[meetingID] = [
            AgendaItem(id: 1, position: 1, title: "Opening", subjectCode: nil, notes: "", minutesAllotted: 5, isStanding: true),
            AgendaItem(id: 2, position: 2, title: "Bespreking C2026-0004", subjectCode: "C2026-0004", notes: "",
                       question: "Wie pakt de huisvesting op?", broughtBy: "Politie / AVIM", minutesAllotted: 20,
                       persons: ["P-00041"], forms: [.labour], municipality: "Enschede", summary: "Eerder: politie zoekt uit."),
        ]
    }

    func setStatus(_ status: String, version: Int = 4) {
        let old = fake.meetings[2]
        fake.meetings[2] = Meeting(id: meetingID, key: old.key, kind: .dadertafel, title: "Dadertafel", startsAt: old.startsAt,
                                   location: "ZVHT", municipality: nil, status: status, visibility: .full, lengthMinutes: 150,
                                   version: version, invited: old.invited)
    }

    typealias State = FeatureState<MeetingsFeature>

    func run(_ state: inout State, _ action: MeetingsAction) -> [MeetingsEffect] { runEffects(&state, action, on: fake) }

    /// The meeting opened with its second item (about a case) selected.
    func opened() -> State {
        var state = State(MeetingsState(), user: Fixtures.processManager)
        _ = run(&state, .shown)
        _ = run(&state, .keyPressed(.enter))
        _ = run(&state, .keyPressed(.down))
        return state
    }

    func type(_ text: String, _ state: inout State) { typeKeys(text, &state, on: fake) }

    @Test func aDecisionAndAnActionAreSavedAgainstTheMeetingsVersion() {
        var state = opened()
        _ = run(&state, .keyPressed(.character("v")))
        let form = state.open?.minutes
        // It goes on from the summary so far.
        #expect(form?.itemID == 2 && form?.form.inputs[0].draftText == ["Eerder: politie zoekt uit."])
        #expect(MeetingsFeature.isTyping(state.feature))
        _ = run(&state, .keyPressed(.tab))
        type("KMT houdt de regie.", &state)
        _ = run(&state, .keyPressed(.tab))
        type("Huisvesting regelen", &state)
        _ = run(&state, .keyPressed(.tab))
        type("Zorgcoördinator KMT", &state)
        _ = run(&state, .keyPressed(.tab))
        type("01-12-2026", &state)
        expectSnapshot(AppView.render(state.app), named: "meeting-minutes-form-80x24")
        let effects = run(&state, .keyPressed(.function(2)))
        let entry = MinutesEntry(summary: "Eerder: politie zoekt uit.", decision: "KMT houdt de regie.", action: "Huisvesting regelen",
                                 actionOwner: "Zorgcoördinator KMT", actionDue: CivilDate(iso: "2026-12-01"))
        #expect(effects.first == .recordMinutes(entry, itemID: 2, meetingID: meetingID, expectedVersion: 4))
        #expect(fake.minutes.map(\.entry) == [entry])
        // Saved: the draft goes, the agenda is fetched again and shows the minutes.
        #expect(effects.contains(.draft(.discard(.minutes(itemID: 2)))))
        #expect(state.open?.minutes == nil && state.open?.meeting.version == 5)
        #expect(state.status?.text == "Verslag van punt 2 opgeslagen; ook op de tijdlijn.")
        expectSnapshot(AppView.render(state.app), named: "meeting-minutes-saved-80x24")
    }

    @Test func noMinutesBeforeTheAgendaIsFixedNorAfterTheyAreFixed() {
        setStatus("gepland")
        var state = opened()
        #expect(run(&state, .keyPressed(.character("v"))).isEmpty)
        #expect(state.open?.minutes == nil && state.status?.text == "Het verslag begint als de agenda is vastgesteld (z).")
        setStatus("verslag_vastgesteld", version: 6)
        _ = run(&state, .otherProcessCommitted)
        _ = run(&state, .keyPressed(.character("v")))
        #expect(state.open?.minutes == nil && state.status?.text == "Het verslag is vastgesteld; er kan niets meer bij.")
    }

    @Test func badInputAndAColleaguesChangeKeepWhatWasTyped() {
        var state = opened()
        _ = run(&state, .keyPressed(.character("v")))
        for _ in 0..<2 { _ = run(&state, .keyPressed(.tab)) }
        type("Bellen", &state)
        // An action without an owner or a date is not saved.
        #expect(run(&state, .keyPressed(.function(2))).isEmpty)
        #expect(state.open?.minutes?.problem == "Een actie heeft een actiehouder: wie voert haar uit?")
        _ = run(&state, .keyPressed(.tab))
        type("AF", &state)
        _ = run(&state, .keyPressed(.tab))
        type("23-11-2026", &state)
        _ = run(&state, .keyPressed(.function(2)))
        #expect(state.open?.minutes?.problem == "De datum van de actie (23-11-2026) ligt in het verleden.")
        // A colleague saved first: nothing is saved, the form stays, the meeting is fetched again.
        for _ in 0..<10 { _ = run(&state, .keyPressed(.backspace)) }
        type("24-11-2026", &state)
        setStatus("gehouden", version: 9)
        _ = run(&state, .keyPressed(.function(2)))
        #expect(fake.minutes.isEmpty && state.open?.minutes?.form.isChanged == true)
        #expect(state.open?.minutes?.problem?.hasSuffix("F2 slaat uw verslag nu op.") == true)
        _ = run(&state, .keyPressed(.function(2)))
        #expect(fake.minutes.map(\.entry.action) == ["Bellen"])
    }

    @Test func aColleaguesChangeSeenByTheLiveRefreshIsNotOverwrittenUnseen() {
        var state = opened()
        _ = run(&state, .keyPressed(.character("v")))
        type(" En nog iets.", &state)
        // A colleague minutes meanwhile; the screen follows, the form stays as typed.
        setStatus("gehouden", version: 7)
        _ = run(&state, .otherProcessCommitted)
        #expect(state.open?.meeting.version == 7 && state.open?.minutes?.form.isChanged == true)
        _ = run(&state, .keyPressed(.function(2)))
        #expect(fake.minutes.isEmpty)
        #expect(state.open?.minutes?.problem?.hasPrefix("Intussen gewijzigd door Collega (demo)") == true)
        // Said, and seen: now it is saved.
        _ = run(&state, .keyPressed(.function(2)))
        #expect(fake.minutes.map(\.entry.summary) == ["Eerder: politie zoekt uit. En nog iets."])
    }

    @Test func minutesLeftUnsavedAreKeptAndBroughtBack() {
        var state = opened()
        _ = run(&state, .keyPressed(.character("v")))
        type(" Nu: KMT", &state)
        // A pause keeps what was typed, once.
        let kept = run(&state, .idle)
        #expect(kept.count == 1 && fake.drafts["verslag/agendapunt-2"] != nil)
        #expect(run(&state, .idle).isEmpty)
        // The connection drops; the next session names the item and `v` brings the text back.
        var next = opened()
        #expect(next.open?.itemsWithDraft == [2])
        #expect(next.status?.text == "Niet-opgeslagen verslag bewaard bij punt 2: kies het punt en druk v.")
        expectSnapshot(AppView.render(next.app), named: "meeting-minutes-draft-marked-80x24")
        _ = run(&next, .keyPressed(.character("v")))
        #expect(next.open?.minutes?.form.inputs[0].draftText == ["Eerder: politie zoekt uit. Nu: KMT"])
        // Thrown away on purpose: Esc, then j; the draft goes too.
        _ = run(&next, .keyPressed(.escape))
        #expect(next.open?.minutes?.form.onTop == .discardQuestion)
        #expect(run(&next, .keyPressed(.character("j"))) == [.draft(.discard(.minutes(itemID: 2)))])
        #expect(fake.drafts["verslag/agendapunt-2"] == nil && next.open?.itemsWithDraft.isEmpty == true)
    }

    @Test func whenTheSessionEndsTheMinutesAreKept() {
        var state = opened()
        _ = run(&state, .keyPressed(.character("v")))
        #expect(run(&state, .terminating).isEmpty)
        type("x", &state)
        #expect(run(&state, .terminating).count == 1 && fake.drafts["verslag/agendapunt-2"] != nil)
    }
}
