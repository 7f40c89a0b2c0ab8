import Testing
@testable import Meldroute

/// Every row of both shipped transition tables, fired from its own state with valid values.
@Suite struct TransitionTableTests {
    static let municipalRows = TransitionCase.all("gemeentelijke-meldroute")
    static let kmtRows = TransitionCase.all("kmt-werkproces")

    @Test func theTablesHaveTheirRows() {
        #expect(Self.municipalRows.count == 12)
        #expect(Self.kmtRows.count == 30)
    }

    @Test(arguments: municipalRows + kmtRows)
    func eachRowTakesItsEventToItsState(_ item: TransitionCase) throws {
        let engine = WorkflowEngine(try shippedWorkflow(item.workflow))
        let row = item.row
        let event = try #require(engine.workflow.event(row.event))
        let facts = CaseFacts(crisis: row.guards.contains("crisis"))
        let fields = validFields(for: event, satisfying: row.guards)
        let start = instance(row.from, facts: facts)

        let fired = try #require(engine.fire(row.event, fields: fields, on: start, now: now).success,
                                 "\(engine.fire(row.event, fields: fields, on: start, now: now))")
        #expect(fired.from == row.from)
        #expect(fired.to == row.to)
        #expect(fired.instance.state == row.to)
        #expect(fired.effects == row.effects)
        #expect(fired.instance.recorded[row.event] == fields)
        #expect(!fired.timelineText.isEmpty && !fired.timelineText.contains("{"), "\(fired.timelineText)")
        #expect(fired.instance.facts.crisis == (row.effects.contains("crisis_markeren")
            || (facts.crisis && !row.effects.contains("crisis_opheffen"))))
        // The event is on offer in the menu from this state.
        #expect(engine.options(for: start).first { $0.event.id == row.event }?.isAvailable == true)
    }
}
