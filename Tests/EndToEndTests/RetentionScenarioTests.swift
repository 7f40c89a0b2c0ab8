import Foundation
import GRDB
import Testing

/// Destruction with four eyes in the real binary in tmux: the periods confirmed (from a copy of
/// `Resources/` where the privacy officer set `voorlopig: nee`), beheer proposes the destruction
/// list in tab 7, the same list may not be approved on the command line by beheer, pm.kmt
/// approves it in tab 7, and the destroyed signal's detail and timeline show the tombstone.
@Suite(.serialized) final class RetentionScenarioTests {
    let directory: URL
    var database: String { directory.appendingPathComponent("demo.sqlite").path }
    var resources: String { directory.appendingPathComponent("Resources").path }

    init() throws {
        directory = try Binary.temporaryDirectory()
        #expect(try Spawn.run([Binary.path, "demo", "--db", database, "--vandaag", "2026-11-24", "--alleen-aanmaken"]).status == 0)
        #expect(try Spawn.run(["cp", "-R", Binary.resourcePath(""), resources]).status == 0)
        let file = directory.appendingPathComponent("Resources/bewaren/bewaartermijnen.yaml")
        let shipped = try String(contentsOf: file, encoding: .utf8)
        try shipped.replacingOccurrences(of: "voorlopig: ja", with: "voorlopig: nee").write(to: file, atomically: true, encoding: .utf8)
        let confirmed = try Spawn.run(["env", "SCHAKEL_RESOURCES=\(resources)", Binary.path, "bewaren", "bevestig", "--db", database, "--als", "beheer"])
        #expect(confirmed.status == 0, "\(confirmed.errors)")
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func session(as login: String) throws -> Tmux {
        try Tmux("\(Binary.path) demo --db \(database) --vandaag 2026-11-24 --als \(login); echo EXIT=$?; sleep 60", width: 80, height: 24)
    }

    @Test func beheerProposesInTabSevenPmApprovesAndTheSignalShowsItsTombstone() throws {
        let beheer = try session(as: "beheer")
        try beheer.waitFor("1-7 tabblad")
        try beheer.send("7")
        try beheer.send("Tab")
        try beheer.waitFor("p stelt voor")
        try beheer.waitFor("S2024-0002")
        try beheer.send("p")
        try beheer.waitFor("voorstellen voor vernietiging? j = ja")
        try beheer.send("j")
        let proposed = try beheer.waitFor("wacht op een procesmanager")
        let list = try #require(proposed.firstMatch(of: /Lijst (\d+) van beheer/)?.1).description
        try beheer.send("q")
        try beheer.waitFor("EXIT=0")

        // The proposer may not approve: refused on the command line too, and nothing destroyed.
        let refused = try Spawn.run([Binary.path, "bewaren", "goedkeuren", list, "--db", database, "--als", "beheer"])
        #expect(refused.status == 1 && refused.errors.contains("Alleen een procesmanager keurt een vernietigingslijst goed"), "\(refused.errors)")

        let pm = try session(as: "pm.kmt")
        try pm.waitFor("Termijn")
        try pm.send("7")
        try pm.waitFor("a keurt goed")
        try pm.send("a")
        try pm.waitFor("records onherroepelijk vernietigen? j = ja")
        try pm.send("j")
        // Each screen waited for by what it must show: one caught mid-redraw may have only its first lines.
        try pm.waitFor("goedgekeurd door pm.kmt")
        try pm.waitFor("vernietigd 24-11-2026")
        try pm.waitFor("S2024-0002")
        let destroyed = try DatabaseQueue(path: database).read { db in
            Set(try String.fetchAll(db, sql: "SELECT code FROM destruction_item WHERE destroyed_on IS NOT NULL AND subject_type = 'signal'"))
        }
        // One of the oldest signals in the inbox, all of them closed long ago and destroyed.
        try pm.send("1")
        try pm.waitFor("a stappen")
        try pm.send("G")
        try pm.waitFor("S2023-0001")
        try pm.send("k", "k", "k", "Enter")
        try pm.waitFor("Persoonsgegevens vernietigd op 24-11-2026 na de bewaartermijn")
        let detail = try pm.waitFor("(vernietigd)")
        let code = try #require(detail.firstMatch(of: /Signaal (S\d{4}-\d{4})/)?.1).description
        #expect(destroyed.contains(code), "\(code) is not among \(destroyed.sorted())")
        try pm.send("t")
        try pm.waitFor("Tijdlijn van signaal \(code)")
        try pm.waitFor("vernietigd Procesmanager")
        try pm.send("Escape", "Escape", "q")
        try pm.waitFor("EXIT=0")

        let audit = try Spawn.run([Binary.path, "audit", "controleer", "--db", database])
        #expect(audit.status == 0 && audit.output.contains("Auditlog intact"), "\(audit.output) \(audit.errors)")
    }
}
