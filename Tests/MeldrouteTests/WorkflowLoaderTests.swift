import Foundation
import Testing
@testable import Meldroute

@Suite struct WorkflowLoaderTests {
    @Test func theShippedMunicipalRouteLoadsWithItsSixStates() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/workflows/gemeentelijke-meldroute.yaml")
        let workflow = try WorkflowLoader.load(yaml: try String(contentsOf: url, encoding: .utf8), file: "meldroute.yaml")
        #expect(workflow.name == "gemeentelijke-meldroute")
        #expect(workflow.states.map(\.id) == ["gemeld", "contact", "onderzoek", "beslismoment", "doorgezet", "afgesloten"])
        #expect(workflow.states.filter(\.isTerminal).map(\.id) == ["doorgezet", "afgesloten"])
        #expect(workflow.label(ofState: "beslismoment") == "Beslismoment")
    }

    @Test func anUnknownStateIsShownMarkedRatherThanHidden() {
        let workflow = WorkflowDefinition(name: "w", label: "W", states: [StateDefinition(id: "a", label: "A", isTerminal: true)])
        #expect(workflow.label(ofState: "zz") == "? zz")
    }

    @Test func aDuplicateStateIsReportedWithItsLine() {
        #expect(throws: WorkflowFileError(file: "w.yaml", line: 6, message: "toestand 'a' staat er twee keer in")) {
            try WorkflowLoader.load(yaml: """
                naam: w
                label: W
                toestanden:
                  - id: a
                    label: A
                  - id: a
                    label: B
                """, file: "w.yaml")
        }
    }

    @Test func aMissingLabelIsReportedWithItsLine() {
        #expect(throws: WorkflowFileError(file: "w.yaml", line: 4, message: "'label' ontbreekt of is leeg")) {
            try WorkflowLoader.load(yaml: "naam: w\nlabel: W\ntoestanden:\n  - id: a\n", file: "w.yaml")
        }
    }

    @Test func brokenYAMLIsReportedWithALine() {
        do {
            _ = try WorkflowLoader.load(yaml: "naam: w\nlabel: [W\n", file: "w.yaml")
            Issue.record("broken YAML was accepted")
        } catch {
            #expect(error.file == "w.yaml")
            #expect(error.line != nil)
        }
    }
}
