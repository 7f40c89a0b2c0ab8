import Foundation
import Testing

/// The procesmanager prepares, chairs and minutes the next casustafel in the real binary, in tmux:
/// two waiting cases onto the agenda, one moved up, the agenda fixed, the police's part exported
/// without a name, minutes with a decision and an action, and both found where officers look.
@Suite struct MeetingScenarioTests {
    let directory: URL
    var database: String { directory.appendingPathComponent("demo.sqlite").path }

    init() throws {
        directory = try Binary.temporaryDirectory()
    }

    @Test func aProcessManagerPreparesChairsAndMinutesTheNextCasustafel() throws {
        let pm = try Tmux("\(Binary.path) demo --db \(database) --als pm.kmt --vandaag 2026-11-24; echo EXIT=$?; sleep 60")
        try pm.waitFor("Termijn")
        try pm.send("3")
        try pm.waitFor("Casustafel mensenhandel")
        try pm.send("Enter")
        try pm.waitFor("Status: Gepland · 3 punten")

        // Two cases from the waiting list, oldest first; the police brings the second.
        try pm.send("a")
        try pm.waitFor("Toevoegen: wat wacht op")
        try pm.send("Enter")
        try pm.waitFor("Agendapunt over C2024-0005")
        try pm.send("F2")
        try pm.waitFor("4 punten")
        try pm.send("a")
        try pm.waitFor("Toevoegen: wat wacht op")
        try pm.send("Enter")
        try pm.waitFor("Agendapunt over C2024-0003")
        try pm.send("Tab", "Tab", "P")
        try pm.waitFor("(•) Politie / AVIM")
        try pm.send("F2")
        try pm.waitFor("5 punten")
        // The added item is selected: one up.
        try pm.send("K")
        try pm.waitFor("4 Bespreking C2024-0003")

        try pm.send("z")
        try pm.waitFor("Stap van het overleg")
        try pm.send("Enter")
        try pm.waitFor("Status: Agenda vastgesteld")

        // The police's agenda: the standing items and theirs, codes only.
        try pm.send("e")
        try pm.waitFor("Exporteren naar de exportmap")
        for _ in 0..<6 { try pm.send("j") }
        try pm.send("Enter")
        let written = directory.appendingPathComponent("export/casustafel-mensenhandel-2026-12-08-agenda-politie-avim.md").path
        try pm.waitFor("Geschreven: casustafel-mensenhandel-2026-12-08-agenda-politie-avim.md in")
        let agenda = try String(contentsOfFile: written, encoding: .utf8)
        #expect(agenda.contains("- Agenda voor: Politie / AVIM") && agenda.contains("Bespreking C2024-0003"))
        #expect(!agenda.contains("C2024-0005") && !agenda.contains("C2023-0001"))
        let names = try DemoQueries.personNames(in: database)
        #expect(names.count > 10)
        for name in names { #expect(!agenda.contains(name), "\(name)") }
        let mode = try FileManager.default.attributesOfItem(atPath: written)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // Minutes of the moved item.
        try pm.send("v")
        try pm.waitFor("Verslag van punt 4: Bespreking C2024-0003")
        for (text, next) in [("Politie deelt nieuwe informatie over de werkgever.", true), ("KMT houdt de regie.", true),
                             ("Opvang regelen via Humanitas", true), ("Zorgcoördinator KMT", true), ("15-12-2026", false)] {
            try pm.send("-l", text)
            if next { try pm.send("Tab") }
        }
        try pm.send("F2")
        try pm.waitFor("Verslag van punt 4 opgeslagen; ook op de tijdlijn.")
        try pm.waitFor("Besluit: KMT houdt de regie.")

        // The action in Acties, found by its owner; its case's timeline holds the decision.
        try pm.send("Escape")
        try pm.waitFor("Datum")
        try pm.send("a")
        try pm.waitFor("Acties — alle open acties")
        try pm.send("/")
        try pm.send("-l", "zorgco")
        try pm.send("Enter")
        try pm.waitFor("houder bevat ‘zorgco’")
        let actions = try pm.waitFor("Opvang regelen via Humanitas")
        #expect(actions.contains("15-12-2026") && actions.contains("C2024-0003"))
        try pm.send("Enter")
        try pm.waitFor("Tijdlijn van casus C2024-0003")
        try pm.send("k")
        try pm.waitFor("Besluit in de casustafel mensenhandel van 08-12-2026: KMT houdt de regie.")
        try pm.send("Escape")
        try pm.waitFor("Acties — houder bevat")
        try pm.send("d")
        try pm.waitFor("afronden? j = ja")
        try pm.send("j")
        try pm.waitFor("Actie afgerond; dat staat op de tijdlijn.")
        try pm.send("Escape", "q")
        try pm.waitFor("EXIT=0")

        // The minutes as they leave Schakel.
        let id = try DemoQueries.casustafel(on: "2026-12-08", in: database)
        let minutes = try Spawn.run([Binary.path, "overleg", "verslag", id, "--db", database, "--als", "pm.kmt"])
        #expect(minutes.status == 0, "\(minutes.errors)")
        #expect(minutes.output.contains("## 4. Bespreking C2024-0003\n"))
        #expect(minutes.output.contains("- KMT houdt de regie.\n"))
        #expect(minutes.output.contains("- Opvang regelen via Humanitas (C2024-0003) — Zorgcoördinator KMT, uiterlijk 15-12-2026 (afgerond)\n"))
        for name in names { #expect(!minutes.output.contains(name), "\(name)") }
    }
}
