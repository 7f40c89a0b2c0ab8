import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// The Casussen tab on its own: its list, and asking for a case's timeline.
@Suite struct CasesTests {
    let fake = FakeSignals(Fixtures.signals(10))

    init() {
        fake.cases = (0..<3).map { index in
            CaseSummary(id: Int64(index + 1), key: ListKey(sortValue: "2026-11-2\(3 - index)T09:00:00Z", id: Int64(index + 1)),
                        code: "C2026-000\(index + 1)", receivedAt: LocalDateTime(date: Fixtures.today.adding(days: -index), hour: 10, minute: 0),
                        municipality: "Enschede", forms: [.labour], state: ["triage", "casusregie", "aangemeld"][index],
                        crisis: index == 0, acute: index == 0, minorInvolved: index == 0, perpetratorTrack: false, signalCode: nil, summary: "", visibility: .full)
        }
    }

    typealias State = FeatureState<CasesFeature>

    func run(_ state: inout State, _ action: CasesAction) -> [CasesEffect] { runEffects(&state, action, on: fake) }

    @Test func theTabListsTheCasesWhenShownAndAsksForATimelineOnEnter() {
        var state = State(CasesState())
        #expect(run(&state, .shown) == [.loadCasePage(.first, limit: 100)])
        #expect(state.rows.map(\.summary.code) == ["C2026-0001", "C2026-0002", "C2026-0003"])
        // Shown again, it is not fetched again.
        #expect(run(&state, .shown).isEmpty)
        expectSnapshot(AppView.render(state.app), named: "cases-80x24")
        _ = run(&state, .keyPressed(.down))
        #expect(run(&state, .keyPressed(.enter)) == [.request(.openTimeline(.kmtCase(2), code: "C2026-0002"))])
    }

    @Test func aCaseMadeElsewhereMakesTheListFetchAnew() {
        var state = State(CasesState())
        _ = run(&state, .shown)
        _ = run(&state, .changed)
        #expect(!state.isLoaded)
        #expect(run(&state, .shown) == [.loadCasePage(.first, limit: 100)])
    }

    /// A colleague's new case shows in an open list without a key, the selection staying on its
    /// case; shown again, not asked for, so nothing is logged. A list never opened is not fetched.
    @Test func aColleaguesCaseShowsInTheOpenListAsARefresh() {
        var state = State(CasesState())
        #expect(run(&state, .otherProcessCommitted).isEmpty)
        _ = run(&state, .shown)
        _ = run(&state, .keyPressed(.down))
        fake.cases.insert(CaseSummary(id: 9, key: ListKey(sortValue: "2026-11-24T11:00:00Z", id: 9), code: "C2026-0009",
                                      receivedAt: LocalDateTime(date: Fixtures.today, hour: 12, minute: 0), municipality: "Almelo",
                                      forms: [.labour], state: "triage", crisis: false, acute: false, minorInvolved: false,
                                      perpetratorTrack: false, signalCode: nil, summary: "", visibility: .full), at: 0)
        fake.reads = []
        #expect(run(&state, .otherProcessCommitted) == [.loadCasePage(.first, limit: 100, .refresh)])
        #expect(state.rows.map(\.summary.code) == ["C2026-0009", "C2026-0001", "C2026-0002", "C2026-0003"])
        let selected = state.feature.selectedRow
        #expect(selected?.summary.code == "C2026-0002")
        #expect(fake.reads.map(\.occasion) == [.refresh])
    }
}
