import Foundation
import GRDB
import Testing

/// One person, one code, in the real binary in tmux: a signal from the intranet form names O.K.,
/// born 1987, in Enschede; af.enschede registers a new signal about "O.K. 1987", is offered the
/// known code and links it; the person view shows both signals; the birth year is corrected with a
/// reason, and the timeline keeps the old value beside the new. Then `schakel persoon` merges two
/// codes and undoes it, as only a procesmanager may.
@Suite(.serialized) final class PersonScenarioTests {
    let directory: URL
    var database: String { directory.appendingPathComponent("demo.sqlite").path }

    init() throws {
        directory = try Binary.temporaryDirectory()
        #expect(try Spawn.run([Binary.path, "demo", "--db", database, "--vandaag", "2026-11-24", "--alleen-aanmaken"]).status == 0)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A signal from the intranet form with one person; its code.
    func intake(initials: String, year: Int, family: String) throws -> String {
        let form = directory.appendingPathComponent("melding-\(initials)-\(year).json").path
        try """
            {"ontvangen_op": "2026-11-20T09:15", "bron": "intranet", "melder": {"type": "anoniem"}, "gemeente": "Enschede",
             "vormen": ["seksueel"], "beschrijving": "Vrouw werkt in een massagesalon en woont er ook.",
             "betrokkenen": [{"initialen": "\(initials)", "geboortejaar": \(year), "rol": "potentieel-slachtoffer", "achternaam": "\(family)"}]}
            """.write(toFile: form, atomically: true, encoding: .utf8)
        let result = try Spawn.run([Binary.path, "intake", "--db", database, form])
        #expect(result.status == 0, "\(result.errors)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func anAFIsOfferedTheKnownCodeLinksItAndCorrectsTheBirthYear() throws {
        let first = try intake(initials: "O.K.", year: 1987, family: "Hrytsenko")
        let tmux = try Tmux("\(Binary.path) demo --db \(database) --vandaag 2026-11-24; echo EXIT=$?; sleep 60")
        try tmux.waitFor("Termijn")
        try tmux.send("n")
        try tmux.waitFor("Nieuw signaal registreren")
        for _ in 0..<8 { try tmux.send("Tab") }            // to "Vormen van uitbuiting"
        try tmux.send("Space")                             // seksueel
        try tmux.send("Tab")
        try tmux.send("-l", "Dezelfde vrouw opnieuw gezien, nu in een woning.")
        for _ in 0..<4 { try tmux.send("Tab") }            // to "Betrokkenen"
        try tmux.send("Enter")
        try tmux.send("-l", "O.K.")
        try tmux.send("Tab")
        try tmux.send("-l", "1987")
        try tmux.send("Tab", "Right", "Right", "Enter")    // slachtoffer
        let offer = try tmux.waitFor("Mogelijk bekend")
        let known = try #require(offer.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("P-") }.map(String.init))
        #expect(offer.contains("\(known) O.K. 1987 (\(first))"))
        try tmux.send("j")
        try tmux.waitFor("(bekende persoon)")
        try tmux.send("F2")
        let receipt = try tmux.waitFor("is geregistreerd")
        let second = try #require(receipt.split(separator: " ").first { $0.hasPrefix("S2026-") }.map(String.init))
        try tmux.send("Escape")
        try tmux.waitFor("a stappen")
        try tmux.send("Enter")
        try tmux.waitFor("Signaal \(second)")
        try tmux.send("b")
        try tmux.waitFor("Betrokkenen van signaal \(second)")
        try tmux.waitFor(known)
        try tmux.send("Enter")
        let person = try tmux.waitFor("2 signalen en casussen die u mag zien")
        #expect(person.contains("Betrokkene \(known)") && person.contains(first) && person.contains(second))
        #expect(person.contains("Hrytsenko"))
        // Back to the list; the birth year corrected, with the reason.
        try tmux.send("Escape", "e")
        try tmux.waitFor("Gegevens van \(known) corrigeren")
        try tmux.send("Tab", "BSpace", "BSpace", "BSpace", "BSpace")
        try tmux.send("-l", "1986")
        try tmux.send("Tab", "Tab", "Tab")
        try tmux.send("-l", "Paspoort gezien.")
        try tmux.send("F2")
        try tmux.waitFor("Gegevens gecorrigeerd")
        try tmux.send("Escape", "t")
        // Waited for by its line, not its title: a screen caught mid-redraw has the title before the lines.
        try tmux.waitFor("Tijdlijn van signaal \(second)")
        try tmux.waitFor("geboortejaar 1987 → 1986")
        try tmux.send("Escape", "Escape", "q")
        try tmux.waitFor("EXIT=0")
    }

    @Test func onlyAProcesmanagerMergesTwoCodesFromTheCommandLineAndCanUndoIt() throws {
        _ = try intake(initials: "A.Z.", year: 1990, family: "Zaremba")
        _ = try intake(initials: "A.Z.", year: 1990, family: "Zaremba")
        let codes = try DatabaseQueue(path: database).read { db in
            try String.fetchAll(db, sql: "SELECT pseudonym FROM person WHERE family_name = 'Zaremba' ORDER BY id")
        }
        try #require(codes.count == 2)
        let (older, newer) = (codes[0], codes[1])
        let refused = try Spawn.run([Binary.path, "persoon", "samenvoegen", newer, older, "--reden", "Zelfde", "--db", database,
                                     "--als", "af.enschede"])
        #expect(refused.status == 1 && refused.errors.contains("Alleen een procesmanager voegt personen samen"), "\(refused.errors)")
        let merged = try Spawn.run([Binary.path, "persoon", "samenvoegen", newer, older, "--reden", "Zelfde paspoort.", "--db", database,
                                    "--als", "pm.kmt"])
        #expect(merged.status == 0, "\(merged.errors)")
        #expect(merged.output.contains("Samengevoegd: \(newer) heet voortaan \(older) (1 koppeling(en) verhuisd)"))
        let undone = try Spawn.run([Binary.path, "persoon", "terugdraaien", newer, "--reden", "Toch twee personen.", "--db", database,
                                    "--als", "pm.kmt"])
        #expect(undone.status == 0, "\(undone.errors)")
        #expect(undone.output.contains("Teruggedraaid: \(newer) en \(older) zijn weer twee personen"))
        let missing = try Spawn.run([Binary.path, "persoon", "terugdraaien", newer, "--reden", "x", "--db", database, "--als", "pm.kmt"])
        #expect(missing.status == 1 && missing.errors.contains("\(newer) is niet samengevoegd."), "\(missing.errors)")
        let verified = try Spawn.run([Binary.path, "audit", "controleer", "--db", database])
        #expect(verified.status == 0, "\(verified.output) \(verified.errors)")
    }
}
