import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// The timeline of a signal or case on its own: paging back by key, the filter, the note editor.
@Suite struct TimelineTests {
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
    }

    typealias State = FeatureState<TimelineFeature>

    func run(_ state: inout State, _ action: TimelineAction) -> [TimelineEffect] { runEffects(&state, action, on: fake) }

    func press(_ keys: [Key], _ state: inout State) -> [TimelineEffect] { keys.flatMap { run(&state, .keyPressed($0)) } }

    func signalTimeline() -> State {
        var state = State(nil)
        _ = run(&state, .open(.signal(10_000), code: "S2026-9000"))
        return state
    }

    @Test func aSignalsTimelineOpensAtItsLatestLinesAndPagesBackByKey() throws {
        var state = signalTimeline()
        let pane = try #require(state.feature)
        #expect(pane.title == "Tijdlijn van signaal S2026-9000")
        #expect(pane.list.selectedRow?.entry.text == "Stap 249")
        #expect(pane.list.rows.count == 100 && pane.list.hasRowsBefore)
        let effects = press(Array(repeating: .pageUp, count: 8), &state)
        #expect(effects.contains { if case .loadPage(_, _, .before, _) = $0 { return true } else { return false } })
        #expect(state.feature?.list.rows.count ?? 0 <= PagedList<TimelineRow>.capacity)
        _ = press([.home], &state)
        #expect(state.feature?.list.selectedRow?.entry.text == "Notitie 0")
    }

    @Test func theFilterShowsOneTypeAtATime() {
        var state = signalTimeline()
        let effects = press([.character("f")], &state)
        #expect(effects == [.loadPage(.signal(10_000), kinds: [.note], .last, limit: 100)])
        #expect(state.feature?.list.rows.allSatisfy { $0.entry.kind == .note } == true)
        #expect(state.feature?.list.rows.count == 50)
    }

    @Test func aNoteIsWrittenInTheBuiltInEditorAndAppearsLast() throws {
        var state = signalTimeline()
        _ = press([.character("n")], &state)
        _ = press("Gebeld met de melder;".map { .character($0) } + [.enter] + "nieuwe afspraak volgt.".map { .character($0) }, &state)
        // Esc with text asks first; n keeps writing.
        _ = press([.escape], &state)
        #expect(state.feature?.onTop == .noteDiscardQuestion(try #require(state.feature?.noteEditor)))
        // Keeping the draft while the question stands leaves the question standing.
        _ = run(&state, .idle)
        #expect(state.feature?.onTop == .noteDiscardQuestion(try #require(state.feature?.noteEditor)))
        #expect(state.feature?.note?.text.hasPrefix("Gebeld") == true)
        _ = press([.character("n")], &state)
        let effects = press([.function(2)], &state)
        #expect(effects.contains(.addNote(.signal(10_000), "Gebeld met de melder;\nnieuwe afspraak volgt.")))
        #expect(state.feature?.note == nil)
        #expect(state.feature?.list.rows.last?.entry.text == "Gebeld met de melder;\nnieuwe afspraak volgt.")
        #expect(state.status == StatusMessage("Notitie opgeslagen."))
    }

    @Test func escapeClosesIt() {
        var state = signalTimeline()
        _ = press([.escape], &state)
        #expect(state.feature == nil)
    }

    @Test func timelineSnapshots() {
        var state = signalTimeline()
        expectSnapshot(AppView.render(state.app), named: "timeline-80x24")
        _ = press([.character("n")], &state)
        _ = press("Besproken met het wijkteam.".map { .character($0) }, &state)
        expectSnapshot(AppView.render(state.app), named: "timeline-note-80x24")
    }

    @Test func anUnsavedNoteSurvivesADroppedConnection() throws {
        var state = signalTimeline()
        _ = press([.character("n")] + "Half geschreven".map { .character($0) }, &state)
        _ = run(&state, .terminating)
        let key = DraftKey.note(.signal(10_000))
        #expect(fake.drafts[FakeSignals.draftKey(key.kind, key.subject)] == "Half geschreven")

        var next = signalTimeline()
        _ = press([.character("n")], &next)
        #expect(next.feature?.note?.text == "Half geschreven")
        #expect(next.status == StatusMessage("Het concept van deze notitie uit een vorige sessie is hersteld."))
        _ = press([.function(2)], &next)
        #expect(fake.drafts.isEmpty)
    }
}
