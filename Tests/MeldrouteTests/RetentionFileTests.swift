import Foundation
import Testing
@testable import Meldroute

/// `Resources/bewaren/bewaartermijnen.yaml`: the shipped file reads, and every problem is named with
/// the file and its line.
@Suite struct RetentionFileTests {
    static let workflows: [String: Set<String>] = ["gemeentelijke-meldroute": ["gemeld", "afgesloten", "doorgezet"],
                                                   "kmt-werkproces": ["triage", "afgesloten"]]

    func problems(_ yaml: String) -> [String] {
        do {
            _ = try RetentionFile.parse(yaml: yaml, file: "bewaartermijnen.yaml", workflows: Self.workflows)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func theShippedFileReadsAndIsProvisional() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/bewaren/bewaartermijnen.yaml")
        var shipped = Self.workflows
        shipped["advies-en-consult"] = Set(try shippedWorkflow("advies-en-consult").states.map(\.id))
        let rules = try RetentionFile.parse(yaml: String(contentsOf: url, encoding: .utf8), file: "bewaartermijnen.yaml",
                                            workflows: shipped)
        #expect(rules.isProvisional)
        #expect(rules.rule(workflow: "advies-en-consult", state: "afgesloten")?.outcome == .consult)
        #expect(rules.rule(workflow: "advies-en-consult", state: "omgezet")?.outcome == .consult)
        #expect(rules.rule(workflow: "gemeentelijke-meldroute", state: "afgesloten")?.months == 24)
        #expect(rules.rule(workflow: "kmt-werkproces", state: "afgesloten")?.outcome == .caseClosed)
        #expect(rules.minutesRule?.months == 60)
    }

    @Test func everyProblemIsNamedWithItsLine() {
        let found = problems("""
            voorlopig: misschien
            termijnen:
              - uitkomst: signaal-vergeten
                label: Onbekend
                workflow: gemeentelijke-meldroute
                status: afgesloten
                maanden: 24
              - uitkomst: signaal-doorgezet
                label: Doorgezet
                workflow: meldroute
                status: doorgezet
                maanden: 60
              - uitkomst: casus-afgesloten
                label: Casus
                workflow: kmt-werkproces
                status: gesloten
                maanden: 0
              - uitkomst: verslag
                label: Verslag
                workflow: kmt-werkproces
                maanden: 60
              - uitkomst: signaal-zonder-vervolg
                label: Zonder vervolg
                workflow: gemeentelijke-meldroute
                status: afgesloten
                maanden: 24
              - uitkomst: consult
                label: Consult
                workflow: gemeentelijke-meldroute
                status: afgesloten
                maanden: 12
            """)
        #expect(found == [
            "bewaartermijnen.yaml:1: 'voorlopig' ontbreekt of is geen ja/nee",
            "bewaartermijnen.yaml:3: onbekende uitkomst 'signaal-vergeten'; bekend: signaal-zonder-vervolg, signaal-doorgezet, casus-afgesloten, consult, verslag",
            "bewaartermijnen.yaml:10: onbekende workflow 'meldroute'; bekend: gemeentelijke-meldroute, kmt-werkproces",
            "bewaartermijnen.yaml:16: workflow 'kmt-werkproces' kent geen status 'gesloten'",
            "bewaartermijnen.yaml:17: 'maanden' is geen getal van 1 tot 1200",
            "bewaartermijnen.yaml:20: een verslag telt vanaf de dag van het overleg: geen workflow of status",
            "bewaartermijnen.yaml:22: status 'afgesloten' van 'gemeentelijke-meldroute' heeft al een termijn (regel 3)",
            "bewaartermijnen.yaml:27: status 'afgesloten' van 'gemeentelijke-meldroute' heeft al een termijn (regel 3)",
        ], "\(found)")
    }

    @Test func aFileWithoutPeriodsOrWithAForbiddenCharacterIsRefused() {
        #expect(problems("voorlopig: ja\n") == ["bewaartermijnen.yaml:1: verwacht een lijst 'termijnen'"])
        #expect(problems("voorlopig: ja\ntermijnen:\n  - uitkomst: verslag\n    label: \"Ver\u{202E}slag\"\n    maanden: 60\n").first?
            .hasPrefix("bewaartermijnen.yaml:4:") == true)
    }
}
