import Testing
@testable import Meldroute

@Suite struct KMTProcessTests {
    let engine: WorkflowEngine
    let calendar = WorkingDayCalendar()

    init() throws { engine = WorkflowEngine(try shippedWorkflow("kmt-werkproces")) }

    func fire(_ event: String, on instance: WorkflowInstance, _ extra: FieldValues = [:]) -> Result<FiredTransition, Rejection> {
        engine.fire(event, fields: validFields(for: engine.workflow.event(event)!).merging(extra) { $1 }, on: instance, now: now)
    }

    @Test func aCaseIsScaledUpToTheDadertafelAndDownToTheLocalCareStructure() throws {
        var kmtCase = instance("aangemeld")
        #expect(engine.deadlines(for: kmtCase, calendar: calendar).map(\.id) == ["triage"])
        for (event, state) in [("triage_gestart", "triage"), ("casusregie_gestart", "casusregie")] {
            kmtCase = try #require(fire(event, on: kmtCase).success).instance
            #expect(kmtCase.state == state)
        }
        let up = try #require(fire("opgeschaald", on: kmtCase, ["tafel": .choice("dadertafel")]).success)
        #expect(up.effects == ["agenderen"])
        #expect(up.timelineText.hasPrefix("Opgeschaald naar dadertafel (KMT): "))
        let back = try #require(fire("terug_in_regie", on: up.instance).success)
        #expect(back.to == "casusregie")
        let down = try #require(fire("afgeschaald", on: back.instance).success)
        #expect(down.to == "afgeschaald")
        let closed = try #require(fire("afgesloten", on: down.instance, ["reden_afsluiting": .choice("overgedragen")]).success)
        #expect(closed.to == "afgesloten")
        #expect(engine.workflow.state("afgesloten")?.isTerminal == true)
    }

    @Test func aCrisisMustBePickedUpTheSameWorkingDay() throws {
        // Declared on Saturday 21 November 2026: due on Monday the 23rd.
        let saturday = LocalDateTime(date: CivilDate(iso: "2026-11-21")!, hour: 22, minute: 15)
        let declared = try #require(fire("crisis_gemeld", on: instance("triage"), ["sinds": .dateTime(saturday)]).success)
        #expect(declared.instance.facts.crisis)
        #expect(declared.to == "triage")
        #expect(engine.deadlines(for: declared.instance, calendar: calendar)
                == [DueDeadline(id: "crisis", label: "Crisis oppakken (zelfde werkdag)", due: CivilDate(iso: "2026-11-23")!)])
        // A second declaration while one is open is refused; picking it up ends the deadline.
        #expect(fire("crisis_gemeld", on: declared.instance).failure?.message == "Niet mogelijk: de casus is al als crisis gemarkeerd.")
        let handled = try #require(fire("crisis_opgepakt", on: declared.instance).success)
        #expect(!handled.instance.facts.crisis)
        #expect(engine.deadlines(for: handled.instance, calendar: calendar).isEmpty)
        #expect(fire("crisis_opgepakt", on: handled.instance).failure?.message == "Niet mogelijk: de casus is niet als crisis gemarkeerd.")
    }

    @Test func aCrisisOnAWorkingDayIsDueThatDay() throws {
        let declared = try #require(fire("crisis_gemeld", on: instance("aangemeld")).success)
        #expect(engine.deadlines(for: declared.instance, calendar: calendar).map(\.id) == ["triage", "crisis"])
        #expect(engine.deadlines(for: declared.instance, calendar: calendar).last?.due == now.date)
    }

    @Test func adviceThatAnswersTheQuestionClosesTheCase() throws {
        let advice = try #require(fire("advies_gevraagd", on: instance("triage")).success)
        #expect(advice.to == "advies_consult")
        let given = try #require(fire("advies_gegeven", on: advice.instance).success)
        #expect(given.to == "afgesloten")
        #expect(given.effects == ["bewaartermijn_starten"])
    }
}
