import Foundation
import Testing

/// pm.kmt opens tab 5, picks one municipality and a quarter, and exports the report.
@Suite struct FiguresScenarioTests {
    @Test func aProcessManagerExportsAQuarterOfOneMunicipality() throws {
        let directory = try Binary.temporaryDirectory()
        let database = directory.appendingPathComponent("demo.sqlite").path
        let tmux = try Tmux("\(Binary.path) demo --db \(database) --vandaag 2026-11-24 --als pm.kmt; echo EXIT=$?; sleep 60",
                            width: 80, height: 24)
        try tmux.waitFor("Termijn")
        try tmux.send("5")
        let region = try tmux.waitFor("In beeld:")
        #expect(region.contains("Cijfers · regio Twente · 2026") && region.contains("slachtoffers per jaar in Twente."))
        try tmux.send("g")
        try tmux.waitFor("Cijfers · Almelo · 2026", without: "laden…")
        try tmux.send("p")
        let quarter = try tmux.waitFor("Cijfers · Almelo · 2026 K1", without: "laden…")
        #expect(quarter.contains("jan   feb   mrt"))
        try tmux.send("Right", "Right", "Right")
        try tmux.waitFor("Cijfers · Almelo · 2026 K4", without: "laden…")
        try tmux.send("e")
        try tmux.waitFor("Exporteer het rapport")
        try tmux.send("m")
        try tmux.waitFor("Geschreven: cijfers-almelo-2026-k4.md")
        let report = try String(contentsOfFile: directory.appendingPathComponent("export/cijfers-almelo-2026-k4.md").path, encoding: .utf8)
        #expect(report.hasPrefix("# Aard en omvang mensenhandel — Almelo, 2026 K4\n"))
        // No count from 1 to 4 in any table.
        let tableRows = report.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| |") }
        let counts = tableRows.map { row in row.split(separator: "|")[1].trimmingCharacters(in: .whitespaces) }
        #expect(!counts.isEmpty && counts.allSatisfy { Int($0).map { $0 == 0 || $0 >= 5 } ?? true }, "\(counts)")
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")
    }
}
