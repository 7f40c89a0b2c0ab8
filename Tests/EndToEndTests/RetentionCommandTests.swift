import Foundation
import Testing

/// `schakel bewaren`: the destruction list on the demo (codes, dates and rules, no content), and
/// the confirmation refused while the shipped periods are placeholders.
@Suite struct RetentionCommandTests {
    let directory: URL
    var database: String { directory.appendingPathComponent("demo.sqlite").path }

    init() throws {
        directory = try Binary.temporaryDirectory()
        #expect(try Spawn.run([Binary.path, "demo", "--db", database, "--vandaag", "2026-11-24", "--alleen-aanmaken"]).status == 0)
    }

    func bewaren(_ arguments: [String]) throws -> Spawn.Result {
        try Spawn.run([Binary.path, "bewaren"] + arguments + ["--db", database])
    }

    @Test func theListNamesKindCodeDateAndRuleAndNothingElse() throws {
        let listed = try bewaren(["lijst", "--als", "beheer", "--peildatum", "2028-12-01"])
        #expect(listed.status == 0, "\(listed.errors)")
        #expect(listed.errors.contains("Let op: de bewaartermijnen zijn voorlopig"))
        let lines = listed.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Over de bewaartermijn op 01-12-2028: ") == true)
        #expect(lines.count > 10)
        for line in lines.dropFirst() {
            #expect(line.wholeMatch(of: /(signaal|casus|verslag) +\S.*  sinds \d\d-\d\d-\d{4}  .+ \(\d+ maanden, vanaf \d\d-\d\d-\d{4}\)/) != nil, "\(line)")
        }
        // Earlier, less has passed its period.
        let earlier = try bewaren(["lijst", "--als", "pm.kmt", "--peildatum", "2026-01-01"])
        #expect(earlier.status == 0 && earlier.output.split(separator: "\n").count < lines.count)
        let wrong = try bewaren(["lijst", "--als", "beheer", "--peildatum", "1-12-2028"])
        #expect(wrong.status == 1 && wrong.errors.contains("--peildatum verwacht een datum als 2026-11-24, niet '1-12-2028'."))
    }

    @Test func placeholdersAreNotConfirmed() throws {
        let confirmed = try bewaren(["bevestig", "--als", "beheer"])
        #expect(confirmed.status == 1)
        #expect(confirmed.errors.contains("Het bestand zegt nog 'voorlopig: ja'"), "\(confirmed.errors)")
    }

    @Test func nothingIsProposedUnderPlaceholdersAndAConfirmedListIsProposedApprovedAndFinished() throws {
        let refused = try bewaren(["voorstellen", "--als", "beheer"])
        #expect(refused.status == 1 && refused.errors.contains("De bewaartermijnen zijn nog niet bevestigd"), "\(refused.errors)")
        // The privacy officer's copy: the same periods, no longer provisional.
        let resources = directory.appendingPathComponent("Resources").path
        #expect(try Spawn.run(["cp", "-R", Binary.resourcePath(""), resources]).status == 0)
        let file = resources + "/bewaren/bewaartermijnen.yaml"
        try (try String(contentsOfFile: file, encoding: .utf8)).replacingOccurrences(of: "voorlopig: ja", with: "voorlopig: nee")
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try Spawn.run(["env", "SCHAKEL_RESOURCES=\(resources)", Binary.path, "bewaren", "bevestig", "--db", database, "--als", "beheer"])
            .status == 0)
        func reports() throws -> [String] {
            try ["2023", "2024", "2025", "2026"].map { year in
                let report = try Spawn.run([Binary.path, "cijfers", "rapport", "--periode", year, "--formaat", "csv", "--db", database,
                                            "--als", "pm.kmt"])
                #expect(report.status == 0, "\(report.errors)")
                return report.output
            }
        }
        let before = try reports()
        let proposed = try bewaren(["voorstellen", "--als", "beheer", "--peildatum", "2026-12-01"])
        #expect(proposed.status == 0, "\(proposed.errors)")
        let list = try #require(proposed.output.firstMatch(of: /Lijst (\d+) voorgesteld door beheer: (\d+) records/))
        let wrongDay = try bewaren(["goedkeuren", String(list.1), "--als", "pm.kmt", "--peildatum", "morgen"])
        #expect(wrongDay.status == 1 && wrongDay.errors.contains("--peildatum verwacht een datum"))
        let approved = try bewaren(["goedkeuren", String(list.1), "--als", "pm.kmt", "--peildatum", "2026-12-01"])
        #expect(approved.status == 0, "\(approved.errors)")
        #expect(approved.output.hasPrefix("Lijst \(list.1), goedgekeurd door pm.kmt: \(list.2) vernietigd, 0 vervallen."), "\(approved.output)")
        #expect(approved.output.contains("vernietigd 01-12-2026"))
        // Every figure of every year is what it was.
        #expect(try reports() == before)
        let again = try bewaren(["goedkeuren", String(list.1), "--als", "pm.kmt"])
        #expect(again.status == 1 && again.errors.contains("wacht niet op goedkeuring: zij is goedgekeurd."))
        let finished = try bewaren(["uitvoeren", "--als", "beheer"])
        #expect(finished.status == 0 && finished.output.contains("Geen onafgemaakte lijst.") && finished.output.contains("De WAL is leeg"),
                "\(finished.output) \(finished.errors)")
    }
}
