import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

/// The route's most important forms must be readable: every option of a choice on screen at
/// 80×24, and the option under the cursor marked.
@Suite struct StepFormLayoutTests {
    let fake = FakeSignals(Fixtures.signals(20))

    func press(_ keys: [Key], _ state: inout SignalsTestState) {
        for key in keys { runEffects(&state, .keyPressed(key), on: fake) }
    }

    /// The step form of `event` open for the signal at `row` in the inbox, at `size`.
    func stepForm(_ event: String, row: Int, size: Size = Size(width: 80, height: 24)) throws -> SignalsTestState {
        var state = SignalsTestState(size: size)
        runEffects(&state, .started, on: fake)
        press(Array(repeating: .down, count: row) + [.character("a")], &state)
        let index = try #require(state.route?.options.firstIndex { $0.event.id == event })
        press(Array(repeating: .down, count: index) + [.enter], &state)
        #expect(state.route?.form?.event.id == event)
        return state
    }

    /// A signal at the decision, its VTT report recorded.
    func signalAtTheDecision() {
        let signal = fake.rows[3]
        let instance = WorkflowInstance(
            state: "beslismoment", facts: CaseFacts(acute: signal.acute, minorInvolved: signal.minorInvolved),
            receivedAt: signal.receivedAt, recorded: ["vtt_gemeld": ["gemeld_door": .text("melder")]])
        fake.routes[signal.id] = SignalRouteState(signalID: signal.id, code: signal.code, instance: instance, version: 3)
    }

    func screen(_ state: SignalsTestState) -> String { AppView.render(state.app).textLines().joined(separator: "\n") }

    func options(of event: String) -> [String] {
        Fixtures.workflow.events.first { $0.id == event }!.fields.flatMap { $0.options.map(\.label) }
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 60, height: 16)])
    func everyFollowUpOfTheDecisionIsOnScreen(size: Size) throws {
        signalAtTheDecision()
        var state = try stepForm("besluit", row: 3, size: size)
        // Down to the last field and back, so that the form has scrolled if it had to.
        var text = screen(state)
        for key in Array(repeating: Key.tab, count: 3) + Array(repeating: Key.backTab, count: 3) {
            press([key], &state)
            text += screen(state)
        }
        for label in options(of: "besluit") {
            #expect(text.contains(label), "‘\(label)’ is not on screen at \(size)")
        }
    }

    @Test func everyFormOfExploitationAndWayOfContactIsOnScreenAt80x24() throws {
        var state = try stepForm("contact_opgenomen", row: 6)
        // Down to the last field, so that the form has scrolled if it had to.
        press(Array(repeating: .tab, count: 8), &state)
        var seen = screen(state)
        press(Array(repeating: .backTab, count: 8), &state)
        seen += screen(state)
        for label in options(of: "contact_opgenomen") {
            #expect(seen.contains(label), "‘\(label)’ is not on screen")
        }
    }

    @Test func theOptionUnderTheCursorIsMarkedWithoutColour() throws {
        signalAtTheDecision()
        var state = try stepForm("besluit", row: 3)
        press([.right, .right, .right], &state)
        let grid = AppView.render(state.app)
        let line = try #require(grid.textLines().firstIndex { $0.contains("melding RIEC") })
        let text = grid.textLines()[line]
        let marker = try #require(text.range(of: "›[ ] melding RIEC"))
        #expect(text.components(separatedBy: "›").count == 2, "one marker on the row: \(text)")
        // The marked option is also in reverse video.
        let column = text.distance(from: text.startIndex, to: marker.lowerBound) + 1
        #expect(grid[column, line].style.emphasis.contains(.reverse))
        // Space ticks the option under the cursor, and the box says so.
        press([.character(" ")], &state)
        #expect(screen(state).contains("[x] melding RIEC (ondermijning)"))
        #expect(try state.route?.form?.values().get()["vervolgstappen"] == .choices(["riec"]))
    }

    @Test func stepFormSnapshots() throws {
        signalAtTheDecision()
        var decision = try stepForm("besluit", row: 3)
        press([.right, .character(" ")], &decision)
        expectSnapshot(AppView.render(decision.app), named: "route-decision-80x24")
        var contact = try stepForm("contact_opgenomen", row: 6)
        press([.tab, .tab, .right, .tab, .tab], &contact)
        expectSnapshot(AppView.render(contact.app), named: "route-contact-80x24")
    }
}

@Suite struct OptionFlowTests {
    @Test func optionsFillARowAndWrapOntoTheNext() {
        let flow = OptionFlow(["[ ] aaaa", "[ ] bbbb", "[ ] cccc"], width: 20)
        #expect(flow.placements.map(\.row) == [0, 0, 1])
        #expect(flow.placements.map(\.column) == [0, 10, 0])
        #expect(flow.rowCount == 2)
    }

    @Test func anOptionWiderThanARowIsCutOnItsOwnRow() {
        let flow = OptionFlow(["[ ] kort", "[ ] een heel lange keuze"], width: 12)
        #expect(flow.placements.map(\.row) == [0, 1])
        #expect(flow.placements[1].text == "[ ] een he…")
        #expect(!OptionFlow.fitsWithoutCutting(["[ ] een heel lange keuze"], width: 12))
    }

    @Test func theCursorGetsAMarkerAndReverseVideo() {
        var grid = Grid(size: Size(width: 20, height: 2))
        OptionFlow(["[ ] a", "[ ] b"], width: 20).draw(at: 0, y: 0, cursor: 1, visibleRows: 0..<2, on: &grid)
        #expect(grid.textLines()[0] == " [ ] a ›[ ] b       ")
        #expect(grid.styleLines()[0] == ".......brrrrr.......")
    }
}
