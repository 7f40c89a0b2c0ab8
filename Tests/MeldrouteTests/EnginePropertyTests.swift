import TestSupport
import Testing
@testable import Meldroute

/// Random event sequences with random, often incomplete, values.
@Suite struct EnginePropertyTests {
    /// Values for an event: each field filled validly, left out, or given a wrong value, at random.
    static func randomFields(for event: EventDefinition, _ random: inout SplitMix) -> FieldValues {
        var values: FieldValues = [:]
        for field in event.fields {
            switch Int.random(in: 0..<10, using: &random) {
            case 0: continue
            case 1: values[field.id] = .text("")
            case 2: values[field.id] = .choice("onzin")
            default:
                if field.type == .multipleChoice {
                    let count = Int.random(in: 0...field.options.count, using: &random)
                    values[field.id] = .choices(Array(field.options.shuffled(using: &random).prefix(count).map(\.id)))
                } else {
                    values[field.id] = sampleValue(field)
                }
            }
        }
        return values
    }

    @Test(arguments: ["gemeentelijke-meldroute", "kmt-werkproces"])
    func randomSequencesStayInDeclaredStatesAndNeverPassTheVTTObligation(_ name: String) throws {
        let engine = WorkflowEngine(try shippedWorkflow(name))
        let states = Set(engine.workflow.states.map(\.id))
        let recorders = Set(engine.workflow.obligations.map(\.recordedBy))
        var random = SplitMix(seed: 20261124)
        var accepted = 0
        var blockedByObligation = 0
        for _ in 0..<400 {
            var current = WorkflowInstance(
                state: engine.workflow.initialState,
                facts: CaseFacts(acute: Bool.random(using: &random), minorInvolved: Bool.random(using: &random)),
                receivedAt: now)
            for _ in 0..<30 {
                let event = engine.workflow.events.randomElement(using: &random)!
                let fields = Self.randomFields(for: event, &random)
                let outstanding = engine.outstandingObligations(for: current)
                switch engine.fire(event.id, fields: fields, on: current, now: now) {
                case .success(let fired):
                    accepted += 1
                    #expect(states.contains(fired.instance.state))
                    #expect(engine.workflow.transitions.contains { $0.from == current.state && $0.event == event.id && $0.to == fired.to })
                    // While an obligation is outstanding, only the event recording it gets through.
                    #expect(outstanding.isEmpty || recorders.contains(event.id), "\(event.id) passed \(outstanding.map(\.id))")
                    current = fired.instance
                case .failure(let rejection):
                    if case .obligationOutstanding = rejection { blockedByObligation += 1 }
                }
                #expect(states.contains(current.state))
            }
        }
        // The sequences really moved through the workflow, and (for the route) met the obligation.
        #expect(accepted > 500)
        if !engine.workflow.obligations.isEmpty { #expect(blockedByObligation > 100) }
    }

    @Test func everyTerminalStateOffersNothing() throws {
        for name in ["gemeentelijke-meldroute", "kmt-werkproces"] {
            let engine = WorkflowEngine(try shippedWorkflow(name))
            for state in engine.workflow.states where state.isTerminal {
                #expect(engine.options(for: instance(state.id)).allSatisfy { !$0.isAvailable }, "\(name) \(state.id)")
            }
        }
    }
}
