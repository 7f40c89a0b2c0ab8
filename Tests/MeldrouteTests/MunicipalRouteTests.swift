import Testing
@testable import Meldroute

/// The municipal reporting route, step by step, and every kind of rejection.
@Suite struct MunicipalRouteTests {
    let engine: WorkflowEngine
    let calendar = WorkingDayCalendar()

    init() throws { engine = WorkflowEngine(try shippedWorkflow("gemeentelijke-meldroute")) }

    static let vttMessage = "Eerst vastleggen: direct gemeld bij Veilig Thuis Twente (wanneer en door wie). "
        + "Bij acute onveiligheid of als er een minderjarige bij betrokken is, gaat die melding vóór elke andere stap."

    func fire(_ event: String, _ fields: FieldValues, on instance: WorkflowInstance) -> Result<FiredTransition, Rejection> {
        engine.fire(event, fields: fields, on: instance, now: now)
    }

    func fields(_ event: String) -> FieldValues { validFields(for: engine.workflow.event(event)!) }

    @Test func anAcuteSignalWithAMinorWalksTheWholeRoute() throws {
        var signal = instance("gemeld", facts: CaseFacts(acute: true, minorInvolved: true))
        #expect(engine.outstandingObligations(for: signal).map(\.id) == ["vtt_melding"])
        #expect(fire("ontvangst_bevestigd", fields("ontvangst_bevestigd"), on: signal).failure?.message == Self.vttMessage)

        let vtt = try #require(fire("vtt_gemeld", [
            "gemeld_op": .dateTime(LocalDateTime(date: now.date, hour: 9, minute: 5)), "gemeld_door": .text("J. de Boer (melder)"),
        ], on: signal).success)
        #expect(vtt.to == "gemeld")
        #expect(vtt.fulfilledObligations == ["vtt_melding"])
        #expect(vtt.timelineText == "Direct gemeld bij Veilig Thuis Twente op 24-11-2026 09:05 door J. de Boer (melder).")
        signal = vtt.instance
        #expect(engine.outstandingObligations(for: signal).isEmpty)

        let acknowledged = try #require(fire("ontvangst_bevestigd", fields("ontvangst_bevestigd"), on: signal).success)
        #expect(acknowledged.effects == ["ontvangstbevestiging"])
        signal = acknowledged.instance

        signal = try #require(fire("contact_opgenomen", [
            "contact_op": .dateTime(now), "wijze": .choice("telefonisch"), "waarnemingen": .text("Jongen van 15 wordt ingezet als koerier."),
            "vormen": .choices(["crimineel"]), "betrokkenen": .text("A.B. (mogelijk slachtoffer)"),
            "melder_blijft_betrokken": .boolean(true),
        ], on: signal).success).instance
        #expect(signal.state == "contact")

        let review = CivilDate(iso: "2026-12-08")!
        let investigation = try #require(fire("onderzoek_gestart", [
            "evaluatiedatum": .date(review), "kmt_geraadpleegd": .boolean(true),
        ], on: signal).success)
        #expect(investigation.timelineText == "Onderzoek gestart; evaluatie op 08-12-2026. Check bij het KMT: ja.")
        signal = investigation.instance
        #expect(engine.deadlines(for: signal, calendar: calendar) == [DueDeadline(id: "evaluatie", label: "Evaluatie onderzoek", due: review)])

        signal = try #require(fire("voorgelegd_werkoverleg", fields("voorgelegd_werkoverleg"), on: signal).success).instance
        #expect(signal.state == "beslismoment")

        let decision = try #require(fire("besluit", ["vervolgstappen": .choices(["kmt_vtt", "ondermijningsoverleg"])], on: signal).success)
        #expect(decision.to == "doorgezet")
        #expect(decision.effects == ["vervolgstappen_uitzetten", "bewaartermijn_starten"])
        #expect(decision.timelineText == "Besluit: melding KMT/VTT (meldcode), inbrengen in lokaal ondermijningsoverleg.")
        #expect(engine.options(for: decision.instance).allSatisfy { !$0.isAvailable })
    }

    @Test func noFollowUpNeedsAReasonAndCanBeReopened() throws {
        let atDecision = instance("beslismoment")
        let closed = try #require(fire("besluit", ["reden_geen_vervolg": .choice("geen_aanwijzingen")], on: atDecision).success)
        #expect(closed.to == "afgesloten")
        #expect(closed.timelineText == "Besluit: geen vervolg. Reden: geen aanwijzingen voor uitbuiting")
        let reopened = try #require(fire("heropend", ["reden": .text("Nieuwe melding over hetzelfde adres.")], on: closed.instance).success)
        #expect(reopened.to == "onderzoek")
        #expect(reopened.effects == ["bewaartermijn_stoppen"])
    }

    @Test func theContactDeadlineIsThreeWorkingDaysAndOnlyWhileReported() {
        // Received on Thursday 24 December 2026: Christmas and the weekend do not count.
        let christmasEve = WorkflowInstance(state: "gemeld", facts: CaseFacts(),
                                            receivedAt: LocalDateTime(date: CivilDate(iso: "2026-12-24")!, hour: 16, minute: 0))
        #expect(engine.deadlines(for: christmasEve, calendar: calendar).map(\.due) == [CivilDate(iso: "2026-12-30")!])
        var contacted = christmasEve
        contacted.state = "contact"
        #expect(engine.deadlines(for: contacted, calendar: calendar).isEmpty)
    }

    // MARK: - Every kind of rejection

    @Test func anUnknownEventIsRejected() {
        #expect(fire("ontsnappen", [:], on: instance("gemeld")).failure == .unknownEvent("ontsnappen"))
    }

    @Test func anEventNotAllowedInTheStateIsRejected() {
        let rejection = fire("besluit", ["vervolgstappen": .choices(["riec"])], on: instance("gemeld")).failure
        #expect(rejection == .notAllowedInState(event: "besluit", eventLabel: "Besluit", state: "gemeld", stateLabel: "Gemeld"))
        #expect(rejection?.message == "‘Besluit’ is niet mogelijk in de toestand ‘Gemeld’.")
    }

    @Test func theVTTObligationBlocksEveryOtherEventInEveryOpenState() {
        for state in ["gemeld", "contact", "onderzoek", "beslismoment", "afgesloten"] {
            for facts in [CaseFacts(acute: true), CaseFacts(minorInvolved: true)] {
                let signal = instance(state, facts: facts)
                for event in engine.workflow.events where event.id != "vtt_gemeld" {
                    guard !engine.workflow.transitions(from: state, on: event.id).isEmpty else { continue }
                    let rejection = fire(event.id, validFields(for: event, satisfying: ["vervolgstap_gekozen"]), on: signal).failure
                    #expect(rejection?.message == Self.vttMessage, "\(state) \(event.id)")
                }
                #expect(engine.options(for: signal).filter(\.isAvailable).map(\.event.id) == ["vtt_gemeld"])
            }
        }
    }

    @Test func aGuardThatFailsGivesItsReason() throws {
        let rejection = fire("besluit", [:], on: instance("beslismoment")).failure
        #expect(rejection == .guardFailed([
            GuardFailure(guardName: "vervolgstap_gekozen", reason: "er is geen vervolgstap gekozen"),
            GuardFailure(guardName: "geen_vervolgstap_met_reden", reason: "zonder vervolgstap is een reden verplicht"),
        ]))
        #expect(rejection?.message == "Niet mogelijk: er is geen vervolgstap gekozen; of: zonder vervolgstap is een reden verplicht.")

        let acknowledged = try #require(fire("ontvangst_bevestigd", fields("ontvangst_bevestigd"), on: instance("gemeld")).success)
        let twice = fire("ontvangst_bevestigd", fields("ontvangst_bevestigd"), on: acknowledged.instance).failure
        #expect(twice?.message == "Niet mogelijk: ‘Ontvangst bevestigd’ is al vastgelegd.")
        let option = engine.options(for: acknowledged.instance).first { $0.event.id == "ontvangst_bevestigd" }
        #expect(option?.unavailable == twice)
    }

    @Test func missingAndInvalidFieldsAreAllNamed() {
        let rejection = fire("contact_opgenomen", [
            "contact_op": .dateTime(LocalDateTime(date: CivilDate(iso: "2026-11-25")!, hour: 9, minute: 0)),
            "wijze": .choice("postduif"),
            "waarnemingen": .text(String(repeating: "x", count: 4001)),
            "vormen": .choices(["arbeid", "arbeid"]),
            "melder_blijft_betrokken": .text("ja"),
            "kleur": .text("blauw"),
        ], on: instance("gemeld")).failure
        #expect(rejection == .invalidFields([
            FieldProblem(field: "kleur", label: "kleur", kind: .unknown),
            FieldProblem(field: "contact_op", label: "Contact op", kind: .invalid("mag niet in de toekomst liggen")),
            FieldProblem(field: "wijze", label: "Wijze van contact", kind: .invalid("onbekende keuze 'postduif'")),
            FieldProblem(field: "waarnemingen", label: "Wat heeft de melder waargenomen", kind: .invalid("te lang (4001 tekens, hooguit 4000)")),
            FieldProblem(field: "vormen", label: "Vermoede vormen van uitbuiting", kind: .invalid("een keuze staat er twee keer in")),
            FieldProblem(field: "betrokkenen", label: "Wie zijn betrokken (initialen, rol)", kind: .missing),
            FieldProblem(field: "melder_blijft_betrokken", label: "Melder blijft betrokken", kind: .invalid("verwacht ja/nee")),
        ]))
        #expect(rejection?.message.hasPrefix("Niet opgeslagen: onbekend veld 'kleur'; Contact op: mag niet in de toekomst liggen;") == true)
    }

    @Test func aReviewDateInThePastIsRefused() {
        let rejection = fire("onderzoek_gestart", ["evaluatiedatum": .date(CivilDate(iso: "2026-11-23")!), "kmt_geraadpleegd": .boolean(false)],
                             on: instance("contact")).failure
        #expect(rejection?.message == "Niet opgeslagen: Evaluatiedatum: mag niet in het verleden liggen.")
    }
}
