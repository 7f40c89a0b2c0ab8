import Foundation
import GRDB
import Testing

/// The KMT's other work in the real binary in tmux, and counted: the AF of Hengelo records a
/// voorlichting for 25 colleagues in tab 6, and the people reached by voorlichting in tab 5's
/// figures of the year grow by exactly those 25; the procesmanager takes a phone consult from a
/// school in Almelo, gives advice, later turns it into a signal, and tab 5's consults of the year
/// count one more from a school and one more turned into a signal.
@Suite(.serialized) final class ActivityScenarioTests {
    let directory: URL
    var database: String { directory.appendingPathComponent("demo.sqlite").path }

    init() throws {
        directory = try Binary.temporaryDirectory()
        #expect(try Spawn.run([Binary.path, "demo", "--db", database, "--vandaag", "2026-11-24", "--alleen-aanmaken"]).status == 0)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// The people reached by voorlichting, as the figure's line shows them (the last plain number on it).
    static func reachedByVoorlichting(_ screen: String) -> Int? {
        let line = screen.split(separator: "\n").first { $0.hasPrefix(" voorlichting ") }
        return line?.split(separator: " ").last { $0.allSatisfy(\.isNumber) }.flatMap { Int($0) }
    }

    @Test func anAFOfHengeloRecordsAVoorlichtingForTwentyFiveColleaguesAndTabFiveCountsThem() throws {
        let tmux = try Tmux("\(Binary.path) demo --db \(database) --vandaag 2026-11-24 --als af.hengelo; echo EXIT=$?; sleep 60", width: 80, height: 24)
        try tmux.waitFor("Termijn")
        try tmux.send("5")
        try tmux.waitFor("Vorm van uitbuiting")
        // The last list of the year's figures: the people reached, by kind of activity.
        try tmux.send("BTab")
        let before = try tmux.waitForLine("with the reach of voorlichting") { $0.hasPrefix(" voorlichting ") }
        #expect(before.contains("Bereikte deelnemers, naar soort activiteit"))
        let reached = try #require(Self.reachedByVoorlichting(before), "\(before)")

        // Tab 6 opens on the consults; Tab shows the activities.
        try tmux.send("6")
        try tmux.waitFor("n nieuw consult")
        try tmux.send("Tab")
        try tmux.waitFor("n nieuwe activiteit")
        try tmux.send("n")
        try tmux.waitFor("Nieuwe activiteit")
        // Soort: voorlichting; Doelgroep: gemeentemedewerkers; Hengelo, today, by the AF, held, as offered.
        try tmux.send("Right", "Tab", "Tab", "Right", "Tab", "Tab", "Tab", "Tab", "Tab")
        try tmux.send("2", "5", "C-o")
        try tmux.waitFor("Geregistreerd: voorlichting van 24-11-2026.")
        try tmux.waitForLine("with the new voorlichting") { $0.contains("24-11-2026") && $0.contains("voorlichting") && $0.contains("25") }

        try tmux.send("5")
        let after = try tmux.waitForLine("with 25 more reached by voorlichting") { line in
            line.hasPrefix(" voorlichting ") && Self.reachedByVoorlichting(String(line)) == reached + 25
        }
        #expect(after.contains("Bereikte deelnemers, naar soort activiteit"))
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")

        let stored = try DatabaseQueue(path: database).read { db in
            try String.fetchOne(db, sql: """
                SELECT a.kind || ' ' || a.audience || ' ' || m.name || ' ' || a.participants || ' ' || a.registered_by || ' ' || a.status
                FROM activity a JOIN municipality m ON m.id = a.municipality_id ORDER BY a.id DESC LIMIT 1
                """)
        }
        #expect(stored == "voorlichting gemeente Hengelo 25 af.hengelo gehouden")
        let audit = try Spawn.run([Binary.path, "audit", "controleer", "--db", database])
        #expect(audit.status == 0, "\(audit.output)\(audit.errors)")
    }

    /// The count on the line of `row` (its last plain number), in the list on screen.
    static func count(of row: String, in screen: String) -> Int? {
        let line = screen.split(separator: "\n").first { $0.hasPrefix(" " + row + " ") }
        return line?.split(separator: " ").last { $0.allSatisfy(\.isNumber) }.flatMap { Int($0) }
    }

    /// Tab 5 on the list titled `title`, with `row` on it: back a list at a time (Shift-Tab), each
    /// time waiting for the list's number ("16/23 Tab") to change.
    static func figures(_ tmux: Tmux, list title: String, row: String) throws -> String {
        func number(_ screen: String) -> String? { screen.firstMatch(of: /(\d+)\/\d+ Tab/).map { String($0.1) } }
        var screen = try tmux.waitForLine("the figures' lists") { number(String($0)) != nil }
        guard number(screen) != nil else { return screen }
        for _ in 0..<30 where !(screen.contains(title) && screen.contains("\n \(row) ")) {
            let before = number(screen)
            try tmux.send("BTab")
            _ = try tmux.waitForLine("the list before list \(before ?? "?")") { number(String($0)) != nil && number(String($0)) != before }
            screen = try tmux.screen()
        }
        return try tmux.waitForLine("the list \(title)") { $0.hasPrefix(" \(row) ") }
    }

    @Test func theProcesmanagerTakesAPhoneConsultFromASchoolInAlmeloAndLaterTurnsItIntoASignal() throws {
        let tmux = try Tmux("\(Binary.path) demo --db \(database) --vandaag 2026-11-24 --als pm.kmt; echo EXIT=$?; sleep 60", width: 80, height: 24)
        try tmux.waitFor("Termijn")
        try tmux.send("5")
        try tmux.waitFor("Cijfers · regio Twente · 2026")
        let before = try Self.figures(tmux, list: "Consulten, naar uitkomst", row: "omgezet in signaal")
        let converted = try #require(Self.count(of: "omgezet in signaal", in: before), "\(before)")
        let askers = try Self.figures(tmux, list: "Consulten, naar vrager", row: "school, onderwijs")
        let fromSchools = try #require(Self.count(of: "school, onderwijs", in: askers), "\(askers)")

        // The call: a school (the first kind) in Almelo, its question and the advice given at once.
        try tmux.send("6")
        try tmux.waitFor("n nieuw consult")
        try tmux.send("n")
        try tmux.waitFor("Nieuw consult")
        try tmux.send("Tab")
        try tmux.send("-l", "OBS De Esch")
        // Naam (left empty), Gemeente: Almelo (the first of the region's list), Vormen: seksueel; Gevraagd op: now (its date, then its time).
        try tmux.send("Tab", "Tab", "Tab", "Space", "Tab", "Tab", "Tab")
        try tmux.send("-l", "Leerling van 15 wordt na school opgehaald door een oudere vriend.")
        try tmux.send("Tab")
        try tmux.send("-l", "Gesprek via de vertrouwenspersoon, meldcode volgen.")
        try tmux.send("C-o")
        let saved = try tmux.waitFor("geregistreerd, met het advies.")
        let code = try #require(saved.firstMatch(of: /Consult (A2026-\d{4})/).map { String($0.1) }, "\(saved)")
        try tmux.waitForLine("the new consult, answered") { $0.contains(code) && $0.contains("Almelo") && $0.contains("beantwoord") }

        // Later: the consult opened again, and turned into a signal through the registration form.
        try tmux.send("Enter")
        try tmux.waitFor("Consult \(code) · Almelo · Beantwoord")
        try tmux.send("o")
        try tmux.waitFor("Nieuw signaal registreren (uit consult \(code))")
        try tmux.send("C-o")
        let receipt = try tmux.waitFor("is geregistreerd")
        let signal = try #require(receipt.firstMatch(of: /Signaal (S2026-\d{4}) is geregistreerd/).map { String($0.1) }, "\(receipt)")
        try tmux.send("Escape")
        try tmux.waitFor("Termijn")
        try tmux.send("5")
        try tmux.waitFor("Cijfers · regio Twente · 2026")
        let after = try Self.figures(tmux, list: "Consulten, naar uitkomst", row: "omgezet in signaal")
        #expect(Self.count(of: "omgezet in signaal", in: after) == converted + 1, "\(after)")
        let schools = try Self.figures(tmux, list: "Consulten, naar vrager", row: "school, onderwijs")
        #expect(Self.count(of: "school, onderwijs", in: schools) == fromSchools + 1, "\(schools)")
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")

        let stored = try DatabaseQueue(path: database).read { db in
            try Row.fetchOne(db, sql: """
                SELECT k.state, k.outcome, k.asker_kind, m.name AS place, s.code AS signal,
                       (SELECT t.text FROM timeline_event t WHERE t.subject_type = 'signal' AND t.subject_id = s.id ORDER BY t.id LIMIT 1) AS line
                FROM consult k JOIN municipality m ON m.id = k.municipality_id JOIN signal s ON s.id = k.signal_id WHERE k.code = ?
                """, arguments: [code])
        }
        let row = try #require(stored)
        let facts: [String] = ["state", "outcome", "asker_kind", "place", "signal"].map { row[$0] as String? ?? "" }
        #expect(facts == ["omgezet", "signaal", "school", "Almelo", signal])
        let line: String? = row["line"]
        #expect(line?.hasSuffix("uit consult \(code).") == true)
        let audit = try Spawn.run([Binary.path, "audit", "controleer", "--db", database])
        #expect(audit.status == 0, "\(audit.output)\(audit.errors)")
    }
}
