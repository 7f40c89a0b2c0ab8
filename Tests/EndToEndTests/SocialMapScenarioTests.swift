import Foundation
import Testing

/// The sociale kaart in the real binary, in tmux: the zorgcoördinator narrows it to organisations
/// for minors in Enschede and opens one; an AF refers one of Enschede's KMT cases to it and finds
/// the referral on the case's timeline; the zorgcoördinator's screen follows (a victim case is hers
/// to see; a municipal signal that never reached the KMT would not be).
@Suite struct SocialMapScenarioTests {
    let directory: URL
    var database: String { directory.appendingPathComponent("demo.sqlite").path }

    init() throws {
        directory = try Binary.temporaryDirectory()
        #expect(try Spawn.run([Binary.path, "demo", "--db", database, "--alleen-aanmaken", "--vandaag", "2026-11-24"]).status == 0)
    }

    func demo(as login: String) throws -> Tmux {
        try Tmux("\(Binary.path) demo --db \(database) --als \(login) --vandaag 2026-11-24; echo EXIT=$?; sleep 60")
    }

    @Test func minorsInEnschedeAndAReferralOnTheTimeline() throws {
        let zc = try demo(as: "zc.kmt")
        try zc.waitFor("Termijn")
        try zc.send("4")
        try zc.waitFor("Gecontroleerd")
        try zc.send("f")
        try zc.waitFor("Filter op de sociale kaart")
        // Voor: minderjarigen; Werkt in: Enschede.
        try zc.send("Space", "Tab", "E")
        try zc.waitFor("(•) Enschede")
        try zc.send("F2")
        try zc.waitFor("Filter: minderjarigen · Enschede")
        let narrowed = try zc.waitFor("Jeugdbescherming Overijssel (JBOV)", without: "Skillz")
        #expect(narrowed.contains("Veilig Thuis Twente (VTT)") && narrowed.contains("Jeugdbescherming Overijssel (JBOV)"))
        #expect(!narrowed.contains("Skillz") && !narrowed.contains("Humanitas"))
        try zc.send("/")
        try zc.send("-l", "vtt")
        try zc.waitFor("Veilig Thuis Twente (VTT)", without: "Jeugdbescherming")
        try zc.send("Enter", "Enter")
        try zc.waitFor("0800-2000 (dag en nacht bereikbaar)")

        let af = try demo(as: "af.enschede")
        try af.waitFor("Termijn")
        try af.send("2")
        let cases = try af.waitFor("Let op")
        let code = try #require(cases.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("C20") }.map(String.init))
        try af.send("v")
        try af.waitFor("\(code) verwijzen: kies de organisatie")
        try af.send("/")
        try af.send("-l", "vtt")
        try af.waitFor("Veilig Thuis Twente (VTT)", without: "CoMensha")
        try af.send("Enter", "Enter")
        try af.waitFor("\(code) verwijzen naar Veilig Thuis Twente (VTT)")
        try af.send("Tab")
        try af.send("-l", "Minderjarige betrokken; melding volgens de meldcode.")
        try af.send("F2")
        try af.waitFor("\(code) verwezen naar Veilig Thuis Twente (VTT); dat staat op de tijdlijn.")
        // The organisation lists the referral now; back to the case.
        try af.waitFor("Verwijzingen die u mag zien (1)")
        try af.send("Escape", "2")
        try af.waitFor("Let op")
        try af.send("Enter")
        try af.waitFor("Tijdlijn van casus \(code)")
        try af.waitFor("Verwezen naar Veilig Thuis Twente (VTT) op 24-11-2026: Minderjarige betrokken; melding volgens de")

        // The zorgcoördinator's open organisation lists it, without a key pressed.
        try zc.waitFor("Verwijzingen die u mag zien (1)", seconds: 10)
        try af.send("Escape", "Escape", "q")
        try af.waitFor("EXIT=0")
        try zc.send("Escape", "q")
        try zc.waitFor("EXIT=0")
    }
}
