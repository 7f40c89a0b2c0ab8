import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// "Acties" in the Overleggen tab: open action items soonest due first, overdue marked in a sign
/// and colour, filtered by owner and meeting, marked done after a `j`.
@Suite struct ActionListTests {
    let fake = FakeSignals(Fixtures.signals(3))

    init() {
        fake.meetings = Fixtures.meetings(6, from: -6)
        let owners = ["Zorgcoördinator KMT", "Politie / AVIM", "AF Enschede", "Zorgcoördinator KMT"]
        fake.actions = (0..<4).map { index in
            let due = Fixtures.today.adding(days: 7 * index - 8)
            let id = Int64(40 + index)
            return ActionItem(id: id, key: ListKey(sortValue: due.iso, id: id), description: "Actie \(index + 1): huisvesting en tolk regelen",
                              owner: owners[index], due: due, subject: .kmtCase(Int64(4 + index)), subjectCode: "C2026-000\(4 + index)",
                              version: 1, meetingID: index < 2 ? 500 : 501,
                              meeting: index < 2 ? "casustafel mensenhandel 18-11-2026" : "lokaal ondermijningsoverleg Enschede 21-11-2026")
        }
    }

    typealias State = FeatureState<MeetingsFeature>

    func run(_ state: inout State, _ action: MeetingsAction) -> [MeetingsEffect] { runEffects(&state, action, on: fake) }

    func shown() -> State {
        var state = State(MeetingsState(), user: Fixtures.processManager)
        _ = run(&state, .shown)
        _ = run(&state, .keyPressed(.character("a")))
        return state
    }

    func type(_ text: String, _ state: inout State) { typeKeys(text, &state, on: fake) }

    @Test func openActionsSoonestFirstWithTheOverdueMarked() {
        let state = shown()
        #expect(state.actions?.list.rows.map(\.action.id) == [40, 41, 42, 43])
        let screen = AppView.render(state.app)
        expectSnapshot(screen, named: "meeting-actions-80x24")
        let lines = screen.textLines()
        // Overdue (16-11 and 23-11 before today 24-11): a "!" and the danger colour, not colour alone.
        #expect(lines[4].hasPrefix("! 16-11-2026") && lines[5].hasPrefix("! 23-11-2026"))
        #expect(lines[6].hasPrefix("  30-11-2026"))
        #expect(screen[0, 5].style.tone == .danger && screen[0, 6].style.tone != .danger)
    }

    @Test func filteredByOwnerAndByMeeting() {
        var state = shown()
        _ = run(&state, .keyPressed(.character("/")))
        #expect(MeetingsFeature.isTyping(state.feature) && MeetingsFeature.hasOverlay(state.feature))
        type("zorgcoör", &state)
        _ = run(&state, .keyPressed(.enter))
        #expect(state.actions?.list.rows.map(\.action.id) == [40, 43])
        #expect(state.actions?.filterLabel == "houder bevat ‘zorgcoör’")
        // And only the selected one's meeting: both filters hold.
        _ = run(&state, .keyPressed(.character("m")))
        #expect(state.actions?.list.rows.map(\.action.id) == [40])
        #expect(fake.actionFilters.last == ActionFilter(owner: "zorgcoör", meetingID: 500))
        expectSnapshot(AppView.render(state.app), named: "meeting-actions-filtered-80x24")
        // `m` again: every meeting; an empty owner: every owner.
        _ = run(&state, .keyPressed(.character("m")))
        _ = run(&state, .keyPressed(.character("/")))
        for _ in 0..<8 { _ = run(&state, .keyPressed(.backspace)) }
        _ = run(&state, .keyPressed(.enter))
        #expect(state.actions?.list.rows.count == 4 && state.actions?.filterLabel == "alle open acties")
    }

    @Test func markedDoneOnlyAfterAJ() {
        var state = shown()
        _ = run(&state, .keyPressed(.down))
        _ = run(&state, .keyPressed(.character("d")))
        #expect(MeetingsFeature.prompt(state.feature) == "Actie ‘Actie 2: huisvesting en tolk …’ afronden? j = ja · andere toets = nee")
        _ = run(&state, .keyPressed(.character("n")))
        #expect(fake.actions.count == 4)
        _ = run(&state, .keyPressed(.character("d")))
        let effects = run(&state, .keyPressed(.character("j")))
        #expect(effects.first == .completeAction(id: 41, expectedVersion: 1))
        #expect(state.actions?.list.rows.map(\.action.id) == [40, 42, 43])
        #expect(state.status?.text == "Actie afgerond; dat staat op de tijdlijn.")
        // Done by a colleague meanwhile: said, and the list fetched again.
        fake.actions[0] = ActionItem(id: 40, key: fake.actions[0].key, description: "Actie 1", owner: "KMT", due: Fixtures.today,
                                     subjectCode: nil, version: 2)
        _ = run(&state, .keyPressed(.up))
        _ = run(&state, .keyPressed(.character("d")))
        _ = run(&state, .keyPressed(.character("j")))
        #expect(state.status?.isError == true && state.status?.text.hasPrefix("Deze actie is intussen gewijzigd") == true)
        #expect(state.actions?.list.rows.first?.action.version == 2)
    }

    @Test func enterOpensTheTimelineAndEscGoesBack() {
        var state = shown()
        let effects = run(&state, .keyPressed(.enter))
        #expect(effects == [.request(.openTimeline(.kmtCase(4), code: "C2026-0004"))])
        _ = run(&state, .keyPressed(.escape))
        #expect(state.actions == nil)
    }
}
