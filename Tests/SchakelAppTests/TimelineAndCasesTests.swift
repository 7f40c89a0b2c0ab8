import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// Timelines of signals and cases, the note editor, the Casussen tab, and making a case.
@Suite struct TimelineAndCasesTests {
    let fake = FakeSignals(Fixtures.signals(10))

    init() {
        // 250 lines on the first signal's timeline, one a day, every fifth a note.
        fake.timelines[.signal(10_000)] = (0..<250).map { index in
            let date = Fixtures.today.adding(days: index - 250)
            return TimelineEntry(id: Int64(index + 1), key: ListKey(sortValue: date.iso + "T08:00:00Z", id: Int64(index + 1)),
                                 kind: index % 5 == 0 ? .note : .transition,
                                 occurredAt: LocalDateTime(date: date, hour: 9, minute: 0), author: "Anouk Veldkamp (demo)",
                                 text: index % 5 == 0 ? "Notitie \(index)" : "Stap \(index)")
        }
        fake.cases = (0..<3).map { index in
            CaseSummary(id: Int64(index + 1), key: ListKey(sortValue: "2026-11-2\(3 - index)T09:00:00Z", id: Int64(index + 1)),
                        code: "C2026-000\(index + 1)", receivedAt: LocalDateTime(date: Fixtures.today.adding(days: -index), hour: 10, minute: 0),
                        municipality: "Enschede", forms: [.labour], state: ["triage", "casusregie", "aangemeld"][index],
                        crisis: index == 0, acute: index == 0, minorInvolved: index == 0, perpetratorTrack: false, signalCode: nil, summary: "", visibility: .full)
        }
    }

    func run(_ state: inout AppState, _ action: AppAction) -> [AppEffect] { runEffects(&state, action, on: fake) }

    func press(_ keys: [Key], _ state: inout AppState) -> [AppEffect] { keys.flatMap { run(&state, .keyPressed($0)) } }

    func signalTimeline() -> AppState {
        var state = Fixtures.state()
        _ = run(&state, .started)
        _ = press([.enter, .character("t")], &state)
        return state
    }

    @Test func aSignalsTimelineOpensAtItsLatestLinesAndPagesBackByKey() throws {
        var state = signalTimeline()
        let pane = try #require(state.timeline)
        #expect(pane.title == "Tijdlijn van signaal S2026-9000")
        #expect(pane.list.selectedRow?.entry.text == "Stap 249")
        #expect(pane.list.rows.count == 100 && pane.list.hasRowsBefore)
        let effects = press(Array(repeating: .pageUp, count: 8), &state)
        #expect(effects.contains { if case .loadTimelinePage(_, _, .before, _) = $0 { return true } else { return false } })
        #expect(state.timeline?.list.rows.count ?? 0 <= PagedList<TimelineRow>.capacity)
        _ = press([.home], &state)
        #expect(state.timeline?.list.selectedRow?.entry.text == "Notitie 0")
    }

    @Test func theFilterShowsOneTypeAtATime() {
        var state = signalTimeline()
        let effects = press([.character("f")], &state)
        #expect(effects == [.loadTimelinePage(.signal(10_000), kinds: [.note], .last, limit: 100)])
        #expect(state.timeline?.list.rows.allSatisfy { $0.entry.kind == .note } == true)
        #expect(state.timeline?.list.rows.count == 50)
    }

    @Test func aNoteIsWrittenInTheBuiltInEditorAndAppearsLast() {
        var state = signalTimeline()
        _ = press([.character("n")], &state)
        _ = press("Gebeld met de melder;".map { .character($0) } + [.enter] + "nieuwe afspraak volgt.".map { .character($0) }, &state)
        // Esc with text asks first; n keeps writing.
        _ = press([.escape], &state)
        #expect(state.timeline?.isConfirmingDiscardNote == true)
        _ = press([.character("n")], &state)
        let effects = press([.function(2)], &state)
        #expect(effects.contains(.addNote(.signal(10_000), "Gebeld met de melder;\nnieuwe afspraak volgt.")))
        #expect(state.timeline?.note == nil)
        #expect(state.timeline?.list.rows.last?.entry.text == "Gebeld met de melder;\nnieuwe afspraak volgt.")
        #expect(state.status == StatusMessage("Notitie opgeslagen."))
    }

    @Test func theCasesTabListsCasesAndOpensTheirTimeline() {
        var state = Fixtures.state()
        _ = run(&state, .started)
        let effects = press([.character("2")], &state)
        #expect(effects == [.loadCasePage(.first, limit: 100)])
        #expect(state.cases.rows.map(\.summary.code) == ["C2026-0001", "C2026-0002", "C2026-0003"])
        expectSnapshot(AppView.render(state), named: "cases-80x24")
        _ = press([.down, .enter], &state)
        #expect(state.timeline?.subject == .kmtCase(2))
        #expect(state.timeline?.title == "Tijdlijn van casus C2026-0002")
    }

    @Test func aSignalBecomesAKMTCase() {
        var state = Fixtures.state()
        _ = run(&state, .started)
        _ = press([.enter, .character("c")], &state)
        #expect(state.status?.text == "KMT-casus aanmaken voor S2026-9000? j = ja · d = ja, daderaanpak · n = nee")
        _ = press([.character("d")], &state)
        #expect(fake.openedCases.map(\.perpetratorTrack) == [true])
        #expect(state.status == StatusMessage("KMT-casus C2026-0001 aangemaakt; zie tabblad 2 Casussen."))
        _ = press([.character("c"), .character("n")], &state)
        #expect(fake.openedCases.count == 1 && state.status == StatusMessage("Geen casus aangemaakt."))
    }

    @Test func timelineSnapshots() {
        var state = signalTimeline()
        expectSnapshot(AppView.render(state), named: "timeline-80x24")
        _ = press([.character("n")], &state)
        _ = press("Besproken met het wijkteam.".map { .character($0) }, &state)
        expectSnapshot(AppView.render(state), named: "timeline-note-80x24")
    }

    @Test func anUnsavedNoteSurvivesADroppedConnection() throws {
        var state = signalTimeline()
        _ = press([.character("n")] + "Half geschreven".map { .character($0) }, &state)
        _ = run(&state, .terminationRequested)
        let key = try #require(next(state).map(DraftKey.note))
        #expect(fake.drafts[FakeSignals.draftKey(key.kind, key.subject)] == "Half geschreven")

        var next = signalTimeline()
        _ = press([.character("n")], &next)
        #expect(next.timeline?.note?.text == "Half geschreven")
        #expect(next.status == StatusMessage("Het concept van deze notitie uit een vorige sessie is hersteld."))
        _ = press([.function(2)], &next)
        #expect(fake.drafts.isEmpty)
    }

    func next(_ state: AppState) -> TimelineSubject? { state.timeline?.subject }
}
