import Testing
@testable import Meldroute

/// Advies en consult as the shipped workflow has it: asked, answered, closed with its outcome (a
/// referral recorded and the retention clock started), turned into a signal from before or after
/// the answer (the clock started too), and reopened when the asker calls back (the clock stopped).
@Suite struct ConsultWorkflowTests {
    let engine: WorkflowEngine

    init() throws { engine = WorkflowEngine(try shippedWorkflow("advies-en-consult")) }

    func fire(_ event: String, on instance: WorkflowInstance, _ extra: FieldValues = [:]) -> Result<FiredTransition, Rejection> {
        engine.fire(event, fields: validFields(for: engine.workflow.event(event)!).merging(extra) { $1 }, on: instance, now: now)
    }

    @Test func aConsultIsAnsweredClosedAndReopened() throws {
        #expect(engine.workflow.initialState == "gevraagd")
        #expect(engine.options(for: instance("gevraagd")).filter(\.isAvailable).map(\.event.id) == ["advies_gegeven", "omgezet_in_signaal"])
        let answered = try #require(fire("advies_gegeven", on: instance("gevraagd"), ["advies": .text("Bel Veilig Thuis Twente.")]).success)
        #expect(answered.to == "beantwoord" && answered.timelineText == "Advies gegeven: Bel Veilig Thuis Twente.")
        let closed = try #require(fire("afsluiten", on: answered.instance,
                                       ["uitkomst": .choice("doorverwezen"), "organisatie": .text("Veilig Thuis Twente")]).success)
        #expect(closed.to == "afgesloten" && closed.effects == ["verwijzing_vastleggen", "bewaartermijn_starten"])
        let reopened = try #require(fire("heropend", on: closed.instance, ["reden": .text("De leerkracht belt terug.")]).success)
        #expect(reopened.to == "beantwoord" && reopened.effects == ["bewaartermijn_stoppen"])
    }

    @Test func aConsultBecomesASignalBeforeOrAfterTheAnswerAndThenStops() throws {
        for state in ["gevraagd", "beantwoord"] {
            let turned = try #require(fire("omgezet_in_signaal", on: instance(state)).success)
            #expect(turned.to == "omgezet" && turned.effects == ["bewaartermijn_starten"])
            #expect(engine.options(for: turned.instance).allSatisfy { !$0.isAvailable })
        }
        #expect(engine.workflow.state("omgezet")?.isTerminal == true)
        #expect(fire("omgezet_in_signaal", on: instance("afgesloten")).failure != nil)
    }

    @Test func theOutcomeIsAChoiceSoThatItCanBeCounted() throws {
        let outcome = try #require(engine.workflow.event("afsluiten")?.fields.first { $0.id == "uitkomst" })
        #expect(outcome.type == .choice && outcome.options.map(\.id) == ["geen_vervolg", "doorverwezen"])
    }
}
