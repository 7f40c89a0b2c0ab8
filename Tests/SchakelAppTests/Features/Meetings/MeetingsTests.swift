import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// The Overleggen tab on its own: the list from today, paging back to earlier meetings, an agenda.
@Suite struct MeetingsTests {
    let fake = FakeSignals(Fixtures.signals(3))

    init() {
        // Two earlier meetings (6 and 3 days ago), then one every third day from today.
        fake.meetings = Fixtures.meetings(40, from: -6)
        fake.agendas[502] = [
            AgendaItem(id: 1, position: 1, title: "Opening en vaststellen agenda", subjectCode: nil, notes: ""),
            AgendaItem(id: 2, position: 2, title: "Bespreking C2026-0004", subjectCode: "C2026-0004", notes: ""),
            AgendaItem(id: 3, position: 3, title: "Rondvraag", subjectCode: nil, notes: ""),
        ]
    }

    typealias State = FeatureState<MeetingsFeature>

    func run(_ state: inout State, _ action: MeetingsAction) -> [MeetingsEffect] { runEffects(&state, action, on: fake) }

    @Test func aRoleWithoutMeetingsIsToldSoInOneLine() {
        let beheerder = User(id: 9, login: "beheer", displayName: "Beheerder (demo)", role: .administrator, municipality: nil)
        var state = State(MeetingsState(), user: beheerder)
        _ = run(&state, .shown)
        let lines = AppView.render(state.app).textLines()
        #expect(lines.contains { $0.contains("Uw rol (beheerder) geeft geen toegang tot overleggen.") })
        #expect(lines[0].contains("Schakel │ Beheerder (demo)"))
    }

    @Test func theListStartsAtTodaysMeetingAndScrollsBackToEarlierOnes() {
        var state = State(MeetingsState(), user: Fixtures.processManager)
        #expect(run(&state, .shown) == [.loadPage(.from(Fixtures.today), limit: MeetingsState.pageSize)])
        #expect(state.list.selectedRow?.meeting.startsAt.date == Fixtures.today)
        #expect(state.list.rows.count == 38)
        #expect(run(&state, .shown).isEmpty)
        expectSnapshot(AppView.render(state.app), named: "meetings-80x24")
        // Up from the first meeting of today fetches the earlier ones and selects the one just before.
        let effects = run(&state, .keyPressed(.up))
        #expect(effects.first == .loadPage(.page(.before(fake.meetings[2].key)), limit: MeetingsState.pageSize))
        #expect(state.list.selectedRow?.meeting.id == 501)
        #expect(state.list.rows.count == 40 && !state.list.hasRowsBefore)
        // t goes back to today.
        _ = run(&state, .keyPressed(.character("t")))
        #expect(state.list.selectedRow?.meeting.id == 502)
    }

    @Test func nothingFromTodayOnLeavesTheWayUpToEarlierMeetings() {
        fake.meetings = Fixtures.meetings(2, from: -6)
        var state = State(MeetingsState(), user: Fixtures.processManager)
        _ = run(&state, .shown)
        #expect(state.list.isLoaded && state.list.rows.isEmpty)
        expectSnapshot(AppView.render(state.app), named: "meetings-none-ahead-80x24")
        #expect(run(&state, .keyPressed(.up)).first == .loadPage(.page(.last), limit: MeetingsState.pageSize))
        #expect(state.list.rows.map(\.meeting.id) == [500, 501])
        #expect(state.list.selectedRow?.meeting.id == 501)
    }

    @Test func enterOpensTheAgendaAndEscapeGoesBack() {
        var state = State(MeetingsState(), user: Fixtures.processManager)
        _ = run(&state, .shown)
        #expect(run(&state, .keyPressed(.enter)) == [.loadAgenda(meetingID: 502)])
        #expect(state.open?.items?.map(\.position) == [1, 2, 3])
        #expect(MeetingsFeature.hasOverlay(state.feature))
        _ = run(&state, .keyPressed(.down))
        #expect(state.open?.selectedItem?.subjectCode == "C2026-0004")
        expectSnapshot(AppView.render(state.app), named: "meeting-agenda-80x24")
        _ = run(&state, .keyPressed(.escape))
        #expect(state.open == nil && state.list.selectedRow?.meeting.id == 502)
    }

    @Test func aColleaguesChangeFetchesTheListAndTheOpenAgendaAgain() {
        var state = State(MeetingsState(), user: Fixtures.processManager)
        _ = run(&state, .shown)
        _ = run(&state, .keyPressed(.enter))
        fake.agendas[502]?.append(AgendaItem(id: 4, position: 4, title: "Trends en signalen", subjectCode: nil, notes: ""))
        let effects = run(&state, .otherProcessCommitted)
        #expect(effects.contains(.loadAgenda(meetingID: 502, .refresh)))
        #expect(state.open?.items?.count == 4)
    }

    @Test func aMeetingThatCannotBeReadSaysSoInDutch() {
        var state = State(MeetingsState(), user: Fixtures.processManager)
        _ = run(&state, .shown)
        _ = run(&state, .keyPressed(.down))
        _ = run(&state, .keyPressed(.enter))
        #expect(state.status?.isError == true)
        #expect(state.status?.text == "Dit overleg is er niet meer, of niet meer voor u.")
    }

    @Test func theListGrowsWithAWiderTerminal() {
        var state = State(MeetingsState(), user: Fixtures.processManager, size: Size(width: 120, height: 30))
        _ = run(&state, .shown)
        expectSnapshot(AppView.render(state.app), named: "meetings-120x30")
    }

    @Test func theWaitingListGroupsByTableOldestFirstAndOpensATimeline() {
        let forms: ExploitationForms = [.labour]
        func waiting(_ id: Int64, _ kind: MeetingKind, _ code: String, daysAgo: Int) -> WaitingDiscussion {
            WaitingDiscussion(id: id, subject: code.hasPrefix("C") ? .kmtCase(id) : .signal(id), code: code, kind: kind,
                              municipality: "Enschede", forms: forms, persons: ["P-00041", "P-00042"],
                              reason: "Meerdere partijen betrokken; afstemming aan tafel nodig.",
                              requestedAt: LocalDateTime(date: Fixtures.today.adding(days: -daysAgo), hour: 11, minute: 0))
        }
        // The store's order: oldest first over all kinds.
        fake.waiting = [waiting(1, .casustafel, "C2026-0001", daysAgo: 30), waiting(2, .localUnderminingMeeting, "S2026-0101", daysAgo: 20),
                        waiting(3, .casustafel, "C2026-0003", daysAgo: 1)]
        var state = State(MeetingsState(), user: Fixtures.processManager)
        _ = run(&state, .shown)
        #expect(run(&state, .keyPressed(.character("w"))) == [.loadWaiting(limit: WaitingList.limit)])
        #expect(state.waiting?.items?.map(\.code) == ["C2026-0001", "C2026-0003", "S2026-0101"])
        _ = run(&state, .keyPressed(.down))
        expectSnapshot(AppView.render(state.app), named: "meetings-waiting-80x24")
        #expect(run(&state, .keyPressed(.enter)) == [.request(.openTimeline(.kmtCase(3), code: "C2026-0003"))])
        // A colleague's change fetches it again; Esc goes back to the meetings.
        fake.waiting.removeFirst()
        #expect(run(&state, .otherProcessCommitted).contains(.loadWaiting(limit: WaitingList.limit, .refresh)))
        #expect(state.waiting?.items?.count == 2 && state.waiting?.selectedItem?.code == "C2026-0003")
        _ = run(&state, .keyPressed(.escape))
        #expect(state.waiting == nil && state.list.isLoaded)
    }
}
