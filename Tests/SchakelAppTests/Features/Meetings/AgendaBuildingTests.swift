import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// Building an opened meeting's agenda: from the waiting list, standing items, edit, reorder,
/// remove; a colleague's change first, a fixed agenda and bad input.
@Suite struct AgendaBuildingTests {
    let fake = FakeSignals(Fixtures.signals(3))
    /// Today's meeting: a dadertafel, planned, 150 minutes.
    let meetingID: Int64 = 502

    init() {
        fake.meetings = Fixtures.meetings(6, from: -6)
        fake.agendas[meetingID] = [
            AgendaItem(id: 1, position: 1, title: "Opening", subjectCode: nil, notes: "", minutesAllotted: 5, isStanding: true),
            AgendaItem(id: 2, position: 2, title: "Bespreking C2026-0004", subjectCode: "C2026-0004", notes: "",
                       question: "Wie pakt de huisvesting op?", broughtBy: "Politie / AVIM", minutesAllotted: 20,
                       persons: ["P-00041"], forms: [.labour], municipality: "Enschede"),
        ]
        fake.waiting = [
            WaitingDiscussion(id: 7, subject: .kmtCase(77), code: "C2026-0077", kind: .dadertafel, municipality: "Hengelo",
                              forms: [.criminal], persons: ["P-00090"], reason: "Netwerk rond de uitbuiter in beeld brengen.",
                              requestedAt: LocalDateTime(date: Fixtures.today.adding(days: -12), hour: 9, minute: 0)),
            WaitingDiscussion(id: 8, subject: .kmtCase(78), code: "C2026-0078", kind: .casustafel, municipality: "Almelo",
                              forms: [.labour], persons: [], reason: "", requestedAt: LocalDateTime(date: Fixtures.today, hour: 9, minute: 0)),
        ]
    }

    typealias State = FeatureState<MeetingsFeature>

    func run(_ state: inout State, _ action: MeetingsAction) -> [MeetingsEffect] { runEffects(&state, action, on: fake) }

    func opened() -> State {
        var state = State(MeetingsState(), user: Fixtures.processManager)
        _ = run(&state, .shown)
        _ = run(&state, .keyPressed(.enter))
        return state
    }

    func type(_ text: String, _ state: inout State) { typeKeys(text, &state, on: fake) }

    @Test func aWaitingCaseIsChosenFilledInAndSaved() {
        var state = opened()
        expectSnapshot(AppView.render(state.app), named: "meeting-agenda-editable-80x24")
        _ = run(&state, .keyPressed(.character("a")))
        // Only what waits for a dadertafel.
        #expect(state.open?.picker?.items?.map(\.code) == ["C2026-0077"])
        expectSnapshot(AppView.render(state.app), named: "meeting-agenda-picker-80x24")
        _ = run(&state, .keyPressed(.enter))
        let form = state.open?.itemForm
        #expect(form?.subject == .kmtCase(77))
        #expect(MeetingsFeature.isTyping(state.feature))
        expectSnapshot(AppView.render(state.app), named: "meeting-agenda-item-form-80x24")
        // Minutes: 15 becomes 25.
        _ = run(&state, .keyPressed(.tab))
        _ = run(&state, .keyPressed(.tab))
        _ = run(&state, .keyPressed(.tab))
        _ = run(&state, .keyPressed(.backspace))
        _ = run(&state, .keyPressed(.backspace))
        type("25", &state)
        let effects = run(&state, .keyPressed(.function(2)))
        guard case .changeAgenda(.add(let draft, let subject), meetingID, 1)? = effects.first else {
            Issue.record("expected an item added on version 1, got \(effects)")
            return
        }
        #expect(draft.title == "Bespreking C2026-0077" && draft.question == "Netwerk rond de uitbuiter in beeld brengen.")
        #expect(draft.minutesAllotted == 25 && subject == .kmtCase(77))
        #expect(state.open?.itemForm == nil && state.status?.text == "Agenda opgeslagen.")
        #expect(state.open?.items?.count == 3 && state.open?.meeting.version == 2)
        #expect(state.open?.plannedMinutes == 50)
        // The added item is selected, ready to be moved.
        #expect(state.open?.selectedItem?.subjectCode == "C2026-77" && state.open?.itemsBeforeAdding == nil)
    }

    @Test func standingItemsComeFromTheSeriesAndItemsMoveAndGo() {
        var state = opened()
        _ = run(&state, .keyPressed(.character("s")))
        #expect(fake.agendaChanges == [.standing(["Opening", "Mededelingen", "Rondvraag"])])
        #expect(state.open?.items?.map(\.title).suffix(3) == ["Opening", "Mededelingen", "Rondvraag"])
        // The second item up one place, with the selection going with it.
        _ = run(&state, .keyPressed(.down))
        _ = run(&state, .keyPressed(.shiftUp))
        #expect(fake.agendaChanges.last == .move(itemID: 2, by: -1))
        #expect(state.open?.selectedItem?.id == 2 && state.open?.items?.first?.id == 2)
        _ = run(&state, .keyPressed(.character("J")))
        #expect(state.open?.items?.map(\.id).prefix(2) == [1, 2] && state.open?.selected == 1)
        // Removing asks first; only j removes.
        _ = run(&state, .keyPressed(.character("x")))
        #expect(MeetingsFeature.prompt(state.feature)?.hasPrefix("Agendapunt van de agenda halen?") == true)
        _ = run(&state, .keyPressed(.character("n")))
        #expect(state.open?.items?.count == 5)
        _ = run(&state, .keyPressed(.character("x")))
        _ = run(&state, .keyPressed(.character("j")))
        #expect(fake.agendaChanges.last == .remove(itemID: 2))
        #expect(state.open?.items?.contains { $0.id == 2 } == false)
    }

    @Test func aColleaguesChangeFirstKeepsTheFormAndReloads() {
        var state = opened()
        _ = run(&state, .keyPressed(.character("n")))
        type("Trends en signalen", &state)
        fake.nextAgendaFailure = .conflict(ConcurrentChange(by: "Procesmanager 2 (demo)", at: Fixtures.clock.now(),
                                                            what: "vaste punten toegevoegd."))
        let effects = run(&state, .keyPressed(.function(2)))
        #expect(effects.contains(.loadAgenda(meetingID: meetingID)))
        #expect(state.open?.itemForm?.problem?.hasPrefix("Intussen gewijzigd door Procesmanager 2 (demo)") == true)
        #expect(state.open?.itemForm?.isSaving == false)
        // Saving again goes through, with what was typed.
        _ = run(&state, .keyPressed(.function(2)))
        #expect(fake.agendaChanges.last == .add(AgendaItemDraft(title: "Trends en signalen", minutesAllotted: 15), about: nil))
    }

    @Test func anItemBeingEditedIsNotSavedOverAColleaguesChangeTheScreenFollowed() {
        var state = opened()
        _ = run(&state, .keyPressed(.down))
        _ = run(&state, .keyPressed(.enter))
        type(" (ook AVIM)", &state)
        // A colleague moves an item; the live refresh brings the new version in under the form.
        _ = try? fake.moveAgendaItem(1, by: 1, expectedVersion: 1, by: Fixtures.processManager)
        _ = run(&state, .otherProcessCommitted)
        #expect(state.open?.meeting.version == 2 && state.open?.itemForm != nil)
        _ = run(&state, .keyPressed(.function(2)))
        #expect(fake.agendaChanges.count == 1)
        #expect(state.open?.itemForm?.problem?.hasSuffix("F2 slaat uw punt nu op.") == true)
        _ = run(&state, .keyPressed(.function(2)))
        guard case .update(2, let draft)? = fake.agendaChanges.last else {
            Issue.record("expected item 2 updated, got \(fake.agendaChanges)")
            return
        }
        #expect(draft.title == "Bespreking C2026-0004 (ook AVIM)")
    }

    @Test func badInputAFixedAgendaAndTooMuchTimeAreSaid() {
        var state = opened()
        _ = run(&state, .keyPressed(.character("n")))
        #expect(run(&state, .keyPressed(.function(2))).isEmpty)
        #expect(state.open?.itemForm?.problem?.hasPrefix("Titel") == true || state.open?.itemForm?.problem?.contains("titel") == true)
        type("Trends", &state)
        for _ in 0..<3 { _ = run(&state, .keyPressed(.tab)) }
        type("x", &state)
        #expect(run(&state, .keyPressed(.function(2))).isEmpty)
        #expect(state.open?.itemForm?.problem == "Minuten: geef een getal van 1 tot 240.")
        // Esc asks before throwing away what was typed.
        _ = run(&state, .keyPressed(.escape))
        #expect(state.open?.itemForm?.form.onTop == .discardQuestion)
        _ = run(&state, .keyPressed(.character("j")))
        #expect(state.open?.itemForm == nil && state.open != nil)

        // Over the meeting's length: said with a "!", not by colour alone.
        fake.agendas[meetingID]?.append(AgendaItem(id: 3, position: 3, title: "Casus", subjectCode: nil, notes: "", minutesAllotted: 140))
        _ = run(&state, .otherProcessCommitted)
        expectSnapshot(AppView.render(state.app), named: "meeting-agenda-over-time-80x24")

        fake.meetings[2] = Meeting(id: meetingID, key: fake.meetings[2].key, kind: .dadertafel, title: "Dadertafel",
                                   startsAt: fake.meetings[2].startsAt, location: "ZVHT", municipality: nil, status: "agenda_vastgesteld",
                                   visibility: .full, lengthMinutes: 150, version: 5)
        _ = run(&state, .otherProcessCommitted)
        #expect(run(&state, .keyPressed(.character("a"))).isEmpty)
        #expect(state.status?.text == "De agenda van dit overleg is vastgesteld; zet hem eerst weer open.")
        #expect(MeetingAgendaView.hints(state.open!).hasPrefix("↑↓ kiezen  v verslag  e exporteren  z stap"))
    }

    @Test func theAgendaIsFixedAndOpenedAgainByTheWorkflowsSteps() {
        var state = opened()
        _ = run(&state, .keyPressed(.character("z")))
        let steps = state.open?.steps
        #expect(steps?.options.filter(\.isAvailable).map(\.event.id) == ["agenda_vaststellen", "vervallen"])
        #expect(steps?.options[steps!.highlighted].event.id == "agenda_vaststellen")
        expectSnapshot(AppView.render(state.app), named: "meeting-steps-80x24")
        _ = run(&state, .keyPressed(.enter))
        #expect(fake.meetingEvents == ["agenda_vaststellen"])
        #expect(state.open?.meeting.status == "agenda_vastgesteld" && state.open?.steps == nil)
        #expect(run(&state, .keyPressed(.character("n"))).isEmpty && state.open?.itemForm == nil)
        // Opening it again asks why.
        _ = run(&state, .keyPressed(.character("z")))
        let reopen = state.open!.steps!.options.firstIndex { $0.event.id == "agenda_heropenen" }!
        while state.open!.steps!.highlighted < reopen { _ = run(&state, .keyPressed(.down)) }
        _ = run(&state, .keyPressed(.enter))
        #expect(state.open?.steps?.form?.event.id == "agenda_heropenen")
        #expect(MeetingsFeature.isTyping(state.feature))
        type("Casus toegevoegd op verzoek van het OM", &state)
        _ = run(&state, .keyPressed(.function(2)))
        #expect(fake.meetingEvents == ["agenda_vaststellen", "agenda_heropenen"])
        #expect(state.open?.meeting.status == "gepland" && state.open?.meeting.version == 3)
        // A step the workflow does not allow from here is said, not taken.
        _ = run(&state, .keyPressed(.character("z")))
        let held = state.open!.steps!.options.firstIndex { $0.event.id == "gehouden" }!
        while state.open!.steps!.highlighted < held { _ = run(&state, .keyPressed(.down)) }
        #expect(run(&state, .keyPressed(.enter)).isEmpty)
        #expect(state.open?.steps?.problem?.isEmpty == false)
    }
}
