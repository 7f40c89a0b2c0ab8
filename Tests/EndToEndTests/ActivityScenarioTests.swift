import Foundation
import GRDB
import Testing

/// An activity registered in the real binary in tmux, and counted: the AF of Hengelo records a
/// voorlichting for 25 colleagues in tab 6, and the people reached by voorlichting in tab 5's
/// figures of the year grow by exactly those 25.
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

        try tmux.send("6")
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
}
