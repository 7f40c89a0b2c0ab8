import Foundation
import Testing
@testable import Meldroute

/// A small valid workflow; each validation test breaks one thing in it.
let miniWorkflow = """
    naam: mini
    label: Mini
    begin: open
    toestanden:
      - id: open
        label: Open
      - id: klaar
        label: Klaar
        eind: true
    gebeurtenissen:
      - id: afronden
        label: Afronden
        velden:
          - id: reden
            label: Reden
            type: tekst
    overgangen:
      - van: open
        gebeurtenis: afronden
        naar: klaar
    """

func load(_ text: String) throws(WorkflowFileProblems) -> WorkflowDefinition {
    try WorkflowLoader.load(yaml: text, file: "w.yaml")
}

/// The problems of a file that must not load.
func problems(_ text: String) -> [WorkflowFileError] {
    do {
        _ = try load(text)
        return []
    } catch {
        return error.problems
    }
}

func shippedWorkflowText(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/workflows/\(name).yaml")
    return try String(contentsOf: url, encoding: .utf8)
}

func shippedWorkflow(_ name: String) throws -> WorkflowDefinition {
    try WorkflowLoader.load(yaml: try shippedWorkflowText(name), file: "\(name).yaml")
}

@Suite struct WorkflowLoaderTests {
    @Test func theMiniWorkflowLoads() throws {
        let workflow = try load(miniWorkflow)
        #expect(workflow.states.map(\.id) == ["open", "klaar"])
        #expect(workflow.transitions == [TransitionDefinition(from: "open", event: "afronden", to: "klaar", line: 18)])
    }

    @Test func theShippedMunicipalRouteLoads() throws {
        let workflow = try shippedWorkflow("gemeentelijke-meldroute")
        #expect(workflow.name == "gemeentelijke-meldroute")
        #expect(workflow.states.map(\.id) == ["gemeld", "contact", "onderzoek", "beslismoment", "doorgezet", "afgesloten"])
        #expect(workflow.states.filter(\.isTerminal).map(\.id) == ["doorgezet"])
        #expect(workflow.states.filter(\.isClosed).map(\.id) == ["doorgezet", "afgesloten"])
        #expect(workflow.events.map(\.id) == ["vtt_gemeld", "ontvangst_bevestigd", "contact_opgenomen", "onderzoek_gestart",
                                              "voorgelegd_werkoverleg", "besluit", "heropend"])
        #expect(workflow.label(ofState: "beslismoment") == "Beslismoment")
    }

    @Test func theShippedKMTProcessLoads() throws {
        let workflow = try shippedWorkflow("kmt-werkproces")
        #expect(workflow.states.map(\.id) == ["aangemeld", "triage", "advies_consult", "casusregie", "opgeschaald",
                                              "afgeschaald", "doorverwezen", "afgesloten"])
        #expect(workflow.deadlines.map(\.id) == ["triage", "crisis", "evaluatie"])
    }

    @Test func anUnknownStateIsShownMarkedRatherThanHidden() {
        let workflow = WorkflowDefinition(name: "w", label: "W", initialState: "a",
                                          states: [StateDefinition(id: "a", label: "A", isTerminal: true)])
        #expect(workflow.label(ofState: "zz") == "? zz")
    }

    @Test func brokenYAMLIsReportedWithALine() {
        let found = problems("naam: w\nlabel: [W\n")
        #expect(found.count == 1)
        #expect(found.first?.file == "w.yaml")
        #expect(found.first?.line != nil)
    }

    // MARK: - One test per validation rule, each with its line

    @Test func anUnknownStateInATransition() {
        let text = miniWorkflow.replacingOccurrences(of: "naar: klaar", with: "naar: klaaar")
        #expect(problems(text).contains(WorkflowFileError(file: "w.yaml", line: 18, message: "onbekende toestand 'klaaar' in 'naar'")))
    }

    @Test func anUnknownEventInATransition() {
        let text = miniWorkflow.replacingOccurrences(of: "gebeurtenis: afronden", with: "gebeurtenis: afsluiten")
        #expect(problems(text).contains(WorkflowFileError(file: "w.yaml", line: 18, message: "onbekende gebeurtenis 'afsluiten'")))
    }

    @Test func anUnknownGuard() {
        let text = miniWorkflow + "\n    voorwaarden: [als_het_regent]"
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.line == 18)
        #expect(found.first?.message.hasPrefix("onbekende voorwaarde 'als_het_regent'") == true)
    }

    @Test func anUnknownEffect() {
        let found = problems(miniWorkflow + "\n    gevolgen: [taart_bakken]")
        #expect(found.first?.line == 18)
        #expect(found.first?.message.hasPrefix("onbekend gevolg 'taart_bakken'") == true)
    }

    @Test func anUnknownFieldType() {
        let found = problems(miniWorkflow.replacingOccurrences(of: "type: tekst", with: "type: getal"))
        #expect(found.count == 1)
        #expect(found.first?.line == 16)
        #expect(found.first?.message.hasPrefix("onbekend veldtype 'getal'") == true)
    }

    @Test func aMisspelledKey() {
        let found = problems(miniWorkflow.replacingOccurrences(of: "eind: true", with: "einde: true"))
        #expect(found.map(\.line) == [9])
        #expect(found.first?.message.hasPrefix("onbekende sleutel 'einde' in een toestand") == true)
    }

    @Test func aDuplicateTransitionWithoutAGuardToTellThemApart() {
        let text = miniWorkflow + """

              - van: open
                gebeurtenis: afronden
                naar: open
            """
        #expect(problems(text) == [WorkflowFileError(
            file: "w.yaml", line: 21,
            message: "dubbele overgang: 'afronden' vanuit 'open' staat er al (regel 18) zonder voorwaarde die ze onderscheidt")])
    }

    @Test func duplicateTransitionsToldApartByGuardsAreFine() throws {
        let text = miniWorkflow + """

                voorwaarden: [crisis]
              - van: open
                gebeurtenis: afronden
                naar: open
                voorwaarden: [geen_crisis]
            """
        #expect(try load(text).transitions.count == 2)
    }

    @Test func anUnreachableState() {
        let text = miniWorkflow.replacingOccurrences(of: "gebeurtenissen:", with: """
              - id: zolder
                label: Zolder
                eind: true
            gebeurtenissen:
            """)
        #expect(problems(text) == [WorkflowFileError(file: "w.yaml", line: 10, message: "toestand 'zolder' is vanuit 'open' niet te bereiken")])
    }

    @Test func aNonTerminalStateWithNoWayToAnEnd() {
        let text = miniWorkflow.replacingOccurrences(of: "gebeurtenissen:", with: """
              - id: fuik
                label: Fuik
            gebeurtenissen:
              - id: vastlopen
                label: Vastlopen
            """) + """

              - van: open
                gebeurtenis: vastlopen
                naar: fuik
            """
        #expect(problems(text) == [WorkflowFileError(file: "w.yaml", line: 10, message: "vanuit toestand 'fuik' is geen eindtoestand te bereiken")])
    }

    @Test func aTerminalStateWithAnOutgoingTransition() {
        let text = miniWorkflow + """

              - van: klaar
                gebeurtenis: afronden
                naar: open
            """
        #expect(problems(text) == [WorkflowFileError(file: "w.yaml", line: 21, message: "eindtoestand 'klaar' heeft een uitgaande overgang ('afronden')")])
    }

    @Test func aTimelinePlaceholderThatIsNoField() {
        let found = problems(miniWorkflow + "\n    tijdlijn: \"Klaar: {waarom}\"")
        #expect(found == [WorkflowFileError(file: "w.yaml", line: 18,
                                            message: "tijdlijntekst noemt '{waarom}', maar gebeurtenis 'afronden' heeft dat veld niet")])
    }

    @Test func aGuardReadingAFieldTheEventLacks() {
        let found = problems(miniWorkflow + "\n    voorwaarden: [vervolgstap_gekozen]")
        #expect(found.first?.line == 18)
        #expect(found.first?.message.contains("leest veld 'vervolgstappen'") == true)
    }

    @Test func anObligationThatCannotBeRecordedEverywhere() {
        let text = miniWorkflow + """

            verplichtingen:
              - id: vtt
                label: gemeld bij VTT
                toelichting: Eerst melden.
                wanneer: acuut_of_minderjarig
                vastgelegd_met: afronden
            """
        // `afronden` leaves `open`, so it is recordable in the only open state: fine.
        #expect(problems(text).isEmpty)
        let unrecordable = text.replacingOccurrences(of: "vastgelegd_met: afronden", with: "vastgelegd_met: bestaat_niet")
        #expect(problems(unrecordable).map(\.line) == [22])
    }

    @Test func aDeadlineCountingFromAFieldThatIsNoDate() {
        let text = miniWorkflow + """

            termijnen:
              - id: t
                label: T
                vanaf: afronden.reden
                werkdagen: 2
                loopt_in: [open]
            """
        #expect(problems(text) == [WorkflowFileError(file: "w.yaml", line: 22, message: "termijn 't' telt vanaf 'afronden.reden', maar dat is geen datumveld")])
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() {
        let text = miniWorkflow.replacingOccurrences(of: "type: tekst", with: "type: getal")
            .replacingOccurrences(of: "eind: true", with: "einde: true")
        #expect(problems(text).map(\.line) == [9, 16])
    }
}

@Suite struct MeetingWorkflowTests {
    @Test func theShippedMeetingWorkflowLoads() throws {
        let workflow = try shippedWorkflow("overleg")
        #expect(workflow.states.map(\.id) == ["gepland", "agenda_vastgesteld", "gehouden", "verslag_vastgesteld", "vervallen"])
        #expect(workflow.states.filter(\.isTerminal).map(\.id) == ["verslag_vastgesteld", "vervallen"])
        #expect(workflow.transitions.filter { $0.event == "vervallen" }.map(\.from) == ["gepland", "agenda_vastgesteld"])
        #expect(!workflow.transitions.contains { $0.from == "gehouden" && $0.event == "vervallen" })
    }
}
