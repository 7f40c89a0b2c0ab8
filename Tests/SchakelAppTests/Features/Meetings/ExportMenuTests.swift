import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// `e` in an opened meeting: the agenda (for all, for one partner, as an invitation) and the
/// minutes written to the export folder, with the path said; without a folder, said and not made.
@Suite struct ExportMenuTests {
    let fake = FakeSignals(Fixtures.signals(3))
    /// Today's meeting: a dadertafel, planned.
    let meetingID: Int64 = 502

    init() {
        fake.meetings = Fixtures.meetings(6, from: -6)
        fake.agendas[meetingID] = [
            AgendaItem(id: 2, position: 1, title: "Bespreking C2026-0004", subjectCode: "C2026-0004", notes: "",
                       broughtBy: "Politie / AVIM", minutesAllotted: 20, persons: ["P-00041"]),
        ]
        fake.exportFolderPath = "/srv/schakel/export"
    }

    typealias State = FeatureState<MeetingsFeature>

    func run(_ state: inout State, _ action: MeetingsAction) -> [MeetingsEffect] { runEffects(&state, action, on: fake) }

    func menu() -> State {
        var state = State(MeetingsState(), user: Fixtures.processManager)
        _ = run(&state, .shown)
        _ = run(&state, .keyPressed(.enter))
        _ = run(&state, .keyPressed(.character("e")))
        return state
    }

    @Test func aPartnersAgendaIsWrittenToTheExportFolder() throws {
        var state = menu()
        let labels = state.open?.exportMenu?.choices.map(\.document.label)
        #expect(labels == ["Agenda voor alle genodigden (Markdown)", "Uitnodiging met agenda (ICS, voor Outlook)",
                           "Agenda voor Politie / AVIM (Markdown)", "Agenda voor Veilig Thuis Twente (VTT) (Markdown)",
                           "Verslag (Markdown)"])
        // A planned meeting has no minutes yet: said, dimmed, with why.
        #expect(state.open?.exportMenu?.choices.last?.unavailable == "er is nog geen verslag")
        expectSnapshot(AppView.render(state.app), named: "meeting-export-menu-80x24")
        _ = run(&state, .keyPressed(.down))
        _ = run(&state, .keyPressed(.down))
        let effects = run(&state, .keyPressed(.enter))
        #expect(effects.first == .export(.agenda(partner: "Politie / AVIM"), meetingID: meetingID))
        let name = "dadertafel-2026-11-24-agenda-politie-avim.md"
        let text = try #require(fake.exportedFiles[name])
        #expect(text.contains("- Agenda voor: Politie / AVIM") && text.contains("P-00041"))
        #expect(state.open?.exportMenu == nil && state.status?.text == "Geschreven: \(name) in /srv/schakel/export")
    }

    @Test func theMinutesOnlyOnceThereAreAnyAndNothingWithoutAFolder() {
        var state = menu()
        _ = run(&state, .keyPressed(.end))
        #expect(run(&state, .keyPressed(.enter)).isEmpty)
        #expect(state.status?.text == "Verslag (Markdown): er is nog geen verslag." && state.status?.isError == true)
        _ = run(&state, .keyPressed(.home))
        fake.exportFolderPath = nil
        _ = run(&state, .keyPressed(.enter))
        #expect(fake.exportedFiles.isEmpty && state.open?.exportMenu?.isExporting == false)
        #expect(state.status?.text.hasPrefix("Er is geen exportmap ingesteld") == true)
        _ = run(&state, .keyPressed(.escape))
        #expect(state.open?.exportMenu == nil && state.open != nil)
    }
}
