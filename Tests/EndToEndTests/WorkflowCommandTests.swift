import Foundation
import Testing

/// `schakel workflow` and `schakel kalender`: their printed output, and their errors.
@Suite struct WorkflowCommandTests {
    func schakel(_ arguments: [String]) throws -> Spawn.Result {
        try Spawn.run([Binary.path] + arguments)
    }

    @Test(arguments: ["gemeentelijke-meldroute", "kmt-werkproces"])
    func showPrintsEachFormat(_ name: String) throws {
        for (format, suffix) in [("markdown", "md"), ("mermaid", "mmd"), ("dot", "dot")] {
            let result = try schakel(["workflow", "toon", name, "--formaat", format])
            #expect(result.status == 0, "\(result.errors)")
            expectTextSnapshot(result.output, named: "\(name).\(suffix)")
        }
    }

    @Test func theConsultWorkflowIsShownAsTheOthersAre() throws {
        let shown = try schakel(["workflow", "toon", "advies-en-consult"])
        #expect(shown.status == 0, "\(shown.errors)")
        #expect(shown.output.contains("Advies en consult") && shown.output.contains("Omgezet in signaal"), "\(shown.output)")
    }

    @Test func showRefusesAnUnknownWorkflowAndFormat() throws {
        let unknown = try schakel(["workflow", "toon", "bestaat-niet"])
        #expect(unknown.status == 1)
        #expect(unknown.errors == "schakel: Workflow 'bestaat-niet' bestaat niet. Beschikbaar: advies-en-consult, gemeentelijke-meldroute, kmt-werkproces, overleg.\n")
        let format = try schakel(["workflow", "toon", "kmt-werkproces", "--formaat", "pdf"])
        #expect(format.status != 0)
        #expect(format.errors.contains("--formaat kent markdown, mermaid en dot, niet 'pdf'."))
    }

    @Test func checkAcceptsTheShippedFiles() throws {
        let result = try schakel(["workflow", "controleer", Binary.resourcePath("workflows/kmt-werkproces.yaml")])
        #expect(result.status == 0)
        #expect(result.output.contains(": in orde — 8 toestanden, 11 gebeurtenissen, 30 overgangen"))
    }

    @Test func checkNamesEveryProblemWithFileAndLine() throws {
        let directory = try Binary.temporaryDirectory()
        let path = directory.appendingPathComponent("route.yaml").path
        try """
            naam: route
            label: Route
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
                  - id: wanneer
                    label: Wanneer
                    type: tijdstip
            overgangen:
              - van: open
                gebeurtenis: afronden
                naar: klaar
                voorwaarden: [altijd]
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try schakel(["workflow", "controleer", path])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("\(path):16: onbekend veldtype 'tijdstip'") == true)
        #expect(lines.last == "schakel: 1 fout in \(path).")
    }

    @Test func checkExplainsAMissingFile() throws {
        let result = try schakel(["workflow", "controleer", "/bestaat/niet.yaml"])
        #expect(result.status == 1)
        #expect(result.errors == "schakel: /bestaat/niet.yaml ontbreekt, is onleesbaar of is geen UTF-8-tekst.\n")
    }

    @Test func theCalendarListsAYearsNonWorkingDays() throws {
        let result = try schakel(["kalender", "2028"])
        #expect(result.status == 0)
        expectTextSnapshot(result.output, named: "kalender-2028.txt")
    }

    @Test func theCalendarComputesADueDate() throws {
        let christmas = try schakel(["kalender", "--vanaf", "2026-12-24", "--werkdagen", "3"])
        #expect(christmas.output == "2026-12-30\n")
        let dutchDate = try schakel(["kalender", "--vanaf", "13-05-2026", "--werkdagen", "1"])
        #expect(dutchDate.output == "2026-05-18\n")
        let missing = try schakel(["kalender", "--vanaf", "2026-12-24"])
        #expect(missing.status != 0)
        #expect(missing.errors.contains("Geef bij --vanaf ook --werkdagen."))
    }
}
