import Foundation
import Testing

/// The demo, as an officer would use it, in tmux.
@Suite(.serialized) final class DemoEndToEndTests {
    let directory: URL
    var database: String { directory.appendingPathComponent("demo.sqlite").path }

    init() throws {
        directory = try Binary.temporaryDirectory()
        #expect(FileManager.default.isExecutableFile(atPath: Binary.path), "build schakel first: \(Binary.path)")
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func demoCommand(_ extra: String = "") -> String {
        "\(Binary.path) demo --db \(database) --vandaag 2026-11-24 \(extra); echo EXIT=$?; sleep 60"
    }

    @Test func theInboxShowsSelectionMovesHelpOpensAndQExitsWithZero() throws {
        let tmux = try Tmux(demoCommand())
        // The whole first page: on a loaded machine tmux may show a frame still arriving.
        let inbox = try tmux.waitFor("Enter openen")
        #expect(inbox.contains("[1 Signalen]"))
        #expect(inbox.contains("Anouk Veldkamp (demo)"))
        let codes = inbox.split(separator: "\n").compactMap { line in
            line.hasPrefix("S2026-") || line.hasPrefix("S2025-") ? String(line.prefix(10)) : nil
        }
        #expect(codes.count >= 20)

        // The selection moves: the second signal opens after one step down.
        try tmux.send("j")
        try tmux.send("Enter")
        let detail = try tmux.waitFor("(alleen lezen)")
        #expect(detail.contains("Signaal \(codes[1])"))
        try tmux.send("Escape")
        try tmux.waitFor("Termijn")

        try tmux.send("?")
        try tmux.waitFor("Hulp: sneltoetsen")
        try tmux.send("Escape")
        try tmux.waitFor("Enter openen")

        try tmux.send("q")
        let after = try tmux.waitFor("EXIT=")
        #expect(after.contains("EXIT=0"))
        // The terminal is back: what was printed before the interface is visible again.
        #expect(after.contains("Demodatabase: \(database)"))
    }

    @Test(arguments: [("TERM", 143), ("HUP", 129), ("INT", 130)])
    func aTerminationSignalRestoresTheTerminalAndExits(signal: String, status: Int) throws {
        let tmux = try Tmux(demoCommand())
        try tmux.waitFor("Termijn")
        let pid = try tmux.programPID(named: "schakel")
        #expect(!pid.isEmpty)
        #expect(try Spawn.run(["kill", "-\(signal)", pid]).status == 0)
        let after = try tmux.waitFor("EXIT=")
        #expect(after.contains("EXIT=\(status)"))
        #expect(after.contains("Demodatabase: \(database)"))
    }

    @Test(arguments: [("dumb", "Op terminaltype 'dumb' kan Schakel niet tekenen"), ("onbekend-type", "Het terminaltype 'onbekend-type' is onbekend")])
    func aTerminalThatCannotDrawIsRefusedBeforeStarting(term: String, message: String) throws {
        let tmux = try Tmux("env TERM=\(term) " + demoCommand(), width: 200, height: 20)
        let screen = try tmux.waitFor("EXIT=")
        #expect(screen.contains("EXIT=1"))
        #expect(screen.contains("schakel: \(message)"))
        #expect(screen.contains("TERM=xterm-256color"))
        // Refused before the database was opened: nothing was created or logged.
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func aTooSmallTerminalSaysSoAndRecoversOnResize() throws {
        let tmux = try Tmux(demoCommand(), width: 50, height: 12)
        try tmux.waitFor("Venster te klein")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("Termijn")
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")
    }

    @Test func aMonochromeVT100TerminalWorks() throws {
        let tmux = try Tmux("env TERM=vt100 " + demoCommand())
        let screen = try tmux.waitFor("Termijn")
        #expect(screen.contains("[1 Signalen]"))
        try tmux.send("5")
        let figures = try tmux.waitFor("In beeld:")
        #expect(figures.contains("[5 Cijfers]"))
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")
    }

    @Test func anAFRegistersAnAcuteSignalAndIsRemindedOfTheVTTReport() throws {
        let tmux = try Tmux(demoCommand())
        try tmux.waitFor("Termijn")
        try tmux.send("n")
        try tmux.waitFor("Nieuw signaal registreren")
        for _ in 0..<8 { try tmux.send("Tab") }            // to "Vormen van uitbuiting"
        try tmux.send("Right", "Space")                    // arbeid
        try tmux.send("Tab")
        try tmux.send("-l", "Acht arbeidsmigranten in één woning; paspoorten ingenomen.")
        try tmux.send("Tab", "Tab", "Space")               // acuut: ja
        try tmux.waitFor("[x] ja")
        try tmux.send("F2")
        let receipt = try tmux.waitFor("is geregistreerd")
        #expect(receipt.contains("meld direct bij Veilig Thuis Twente"))
        #expect(receipt.contains("Ontvangstbevestiging voor de melder"))
        let code = try #require(receipt.split(separator: " ").first { $0.hasPrefix("S2026-") }.map(String.init))
        try tmux.send("Escape")
        let inbox = try tmux.waitFor("VTT-melding nog vastleggen")
        #expect(inbox.contains("VTT-melding nog vastleggen (1): \(code)"))
        #expect(inbox.split(separator: "\n").dropFirst(3).first?.hasPrefix(code) == true, "the new signal is the newest")

        // The route asks for the VTT report before anything else; recording it ends the reminder.
        try tmux.send("a")
        try tmux.waitFor("Stappen voor signaal \(code)")
        let steps = try tmux.waitFor("Enter deze stap")
        #expect(steps.contains("× Ontvangst bevestigd — Eerst vastleggen: direct gemeld bij Veilig Thuis Twen"))
        try tmux.send("Enter")
        try tmux.waitFor("Gemeld bij VTT op")
        try tmux.send("Tab", "Tab")
        try tmux.send("-l", "Anouk Veldkamp")
        try tmux.send("F2")
        try tmux.waitFor("Vastgelegd: Direct gemeld bij Veilig Thuis Twente")
        // The next key clears the message: the key hints are back, the reminder is gone.
        try tmux.send("k")
        let after = try tmux.waitFor("a stappen")
        #expect(!after.contains("VTT-melding nog vastleggen"))
        try tmux.send("a")
        try tmux.waitFor("Stappen voor signaal \(code)")
        let next = try tmux.waitFor("Enter deze stap")
        #expect(next.contains("  Contact opgenomen met melder"))
        try tmux.send("Escape")
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")
    }

    @Test func aSignalStoredByAnotherProcessAppearsWithoutAKeyPress() throws {
        let colleague = try Tmux(demoCommand("--als pm.kmt"))
        try colleague.waitFor("Termijn")
        let form = directory.appendingPathComponent("melding.json").path
        try IntakeCommandTests.valid.write(toFile: form, atomically: true, encoding: .utf8)
        let intake = try Spawn.run([Binary.path, "intake", "--db", database, form])
        #expect(intake.status == 0, "\(intake.errors)")
        let code = intake.output.trimmingCharacters(in: .whitespacesAndNewlines)
        // Received on 20 November: it lands among that day's signals, on the first screen.
        let screen = try colleague.waitFor(code, seconds: 10)
        #expect(screen.contains("Hengelo"))
        try colleague.send("q")
        try colleague.waitFor("EXIT=0")
    }

    @Test func aDroppedConnectionLosesNoTypedForm() throws {
        let first = try Tmux(demoCommand())
        try first.waitFor("Termijn")
        try first.send("n")
        try first.waitFor("Nieuw signaal registreren")
        for _ in 0..<9 { try first.send("Tab") }            // to "Beschrijving"
        try first.send("-l", "Vrachtwagen met arbeiders, elke ochtend om vijf uur.")
        try first.waitFor("elke ochtend")
        // The SSH connection drops: the terminal sends SIGHUP.
        let pid = try first.programPID(named: "schakel")
        #expect(try Spawn.run(["kill", "-HUP", pid]).status == 0)
        try first.waitFor("EXIT=129")

        let second = try Tmux(demoCommand())
        try second.waitFor("Niet-opgeslagen registratie bewaard")
        // `n` out of habit, for a new signal: the unsaved one comes back rather than being lost.
        try second.send("n")
        let restored = try second.waitFor("Vrachtwagen met arbeiders")
        #expect(restored.contains("Nieuw signaal registreren"))
        // Throwing it away takes Esc and then j; Enter in between goes back to the form.
        try second.send("Escape")
        try second.waitFor("Wijzigingen weggooien?")
        try second.send("Enter")
        try second.waitFor("Nieuw signaal registreren")
        try second.send("Escape", "j")
        try second.waitFor("Registratie geannuleerd")
        try second.send("q")
        try second.waitFor("EXIT=0")
    }

    @Test func aDroppedConnectionLosesNoHalfFilledRouteStep() throws {
        let first = try Tmux(demoCommand())
        // The status line is drawn last: once it shows, the whole list is on the screen.
        let inbox = try first.waitFor("o achterstallig")
        // The newest signal still at "Gemeld": contact with the reporter is its next step.
        let rows = inbox.split(separator: "\n").drop { !$0.hasPrefix("Code") }.dropFirst()
        let row = try #require(rows.firstIndex { $0.contains(" Gemeld ") }) - rows.startIndex
        for _ in 0..<row { try first.send("j") }
        try first.send("a")
        let steps = try first.waitFor("Enter deze stap")
        let code = try #require(steps.split(separator: " ").first { $0.hasPrefix("S202") }.map(String.init))
        guard steps.contains("  Contact opgenomen met melder") else {
            Issue.record("contact is not possible on \(code):\n\(steps)")
            return
        }
        let downs = steps.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.contains("Stappen voor signaal") }.dropFirst(2)
            .prefix { !$0.contains("Contact opgenomen met melder") }.count
        for _ in 0..<downs { try first.send("j") }
        try first.send("Enter")
        try first.waitFor("Wat heeft de melder waargenomen")
        try first.send("Tab", "Tab", "Tab")
        try first.send("-l", "Ziet haar dagelijks om zes uur vertrekken.")
        try first.waitFor("om zes uur")
        let pid = try first.programPID(named: "schakel")
        #expect(try Spawn.run(["kill", "-HUP", pid]).status == 0)
        try first.waitFor("EXIT=129")

        let second = try Tmux(demoCommand())
        try second.waitFor("Niet-opgeslagen stap ‘Contact opgenomen met melder’ bij \(code) bewaard")
        // That notice is the status line, drawn last: the list above it is complete.
        for _ in 0..<row { try second.send("j") }
        try second.send("a")
        let restored = try second.waitFor("Ziet haar dagelijks om zes uur vertrekken.")
        #expect(restored.contains("Contact opgenomen met melder"))
        try second.send("Escape", "j", "Escape", "q")
        try second.waitFor("EXIT=0")
    }

    /// The whole route for an acute signal involving a minor, by keyboard, while a colleague in a
    /// second session sees the signal move.
    @Test func anAFWorksAnAcuteSignalWithAMinorThroughTheWholeRoute() throws {
        let af = try Tmux(demoCommand())
        let colleague = try Tmux(demoCommand("--als pm.kmt"))
        try af.waitFor("Termijn")
        try colleague.waitFor("Termijn")

        // Register: forms (criminal), description, acute and minor.
        try af.send("n")
        try af.waitFor("Nieuw signaal registreren")
        for _ in 0..<8 { try af.send("Tab") }
        try af.send("Right", "Right", "Space", "Tab")
        try af.send("-l", "Jongen van 15 wordt ingezet als drugskoerier.")
        try af.send("Tab", "Tab", "Space", "Tab", "Space")
        try af.waitFor("Minderjarige betrokken [x] ja")
        try af.send("F2")
        let receipt = try af.waitFor("is geregistreerd")
        let code = try #require(receipt.split(separator: " ").first { $0.hasPrefix("S2026-") }.map(String.init))
        try af.send("Escape")
        try af.waitFor("VTT-melding nog vastleggen (1): \(code)")
        try colleague.waitFor(code, seconds: 10)

        func step(_ label: String, choose downs: Int = 0, keys: [[String]]) throws {
            try af.send("a")
            try af.waitFor("Stappen voor signaal \(code)")
            for _ in 0..<downs { try af.send("j") }
            try af.send("Enter")
            try af.waitFor(label)
            for group in keys { try af.send(group) }
            try af.send("F2")
            try af.waitFor("Vastgelegd:")
        }
        // The VTT report first: nothing else is accepted before it.
        try step("Gemeld bij VTT op", keys: [["Tab", "Tab"], ["-l", "Anouk Veldkamp"]])
        // Contact with the reporter: the report form.
        try step("Wat heeft de melder waargenomen", choose: 1, keys: [
            ["Tab", "Tab", "Tab"], ["-l", "Ziet hem dagelijks met een tas op de fiets."], ["Tab", "Right", "Right", "Space", "Tab"],
            ["-l", "A.B. (15)"], ["Tab", "Space"],
        ])
        try step("Evaluatiedatum", keys: [["-l", "08-12-2026"], ["Tab", "Space"]])
        try step("Duiding van de melding", keys: [["Tab"], ["-l", "Criminele uitbuiting aannemelijk."], ["Tab", "Space"]])
        try step("Vervolgstappen", keys: [["Space", "Right", "Right", "Space"]])
        try af.waitFor("Vastgelegd: Besluit: melding KMT/VTT (meldcode), inbrengen in lokaal ondermijningsoverleg.")

        // Every step is on the timeline.
        try af.send("Enter")
        try af.waitFor("(alleen lezen)")
        try af.send("t")
        _ = try af.waitFor("Tijdlijn van signaal \(code)")
        // Read once the last step's line is drawn, not while the rows are still coming.
        let timeline = try af.waitForLine("with the decision on the timeline") { line in
            line.range(of: #"^ \d\d-\d\d-\d{4} "#, options: .regularExpression) != nil && line.contains("Besluit: melding KMT/VTT")
        }
        for line in ["Signaal ontvangen", "Direct gemeld bij Veilig Thuis Twente", "Ontvangst", "Contact met de melder",
                     "Onderzoek gestart", "Voorgelegd in het werkoverleg AF", "Besluit: melding KMT/VTT"] where line != "Ontvangst" {
            #expect(timeline.contains(line), "\(line) missing from:\n\(timeline)")
        }
        // The demo's fixed day holds for every step, not only for the received line.
        let dated = timeline.split(separator: "\n").filter { $0.range(of: #"^ \d\d-\d\d-\d{4} "#, options: .regularExpression) != nil }
        #expect(dated.count >= 6)
        #expect(dated.allSatisfy { $0.hasPrefix(" 24-11-2026 ") }, "\(dated)")
        // The colleague's screen followed without a key: the signal is passed on.
        try colleague.waitForLine("\(code) … Doorgezet", seconds: 10) { $0.hasPrefix(code) && $0.contains("Doorgezet") }
        try af.send("Escape", "Escape", "q")
        try af.waitFor("EXIT=0")
        try colleague.send("q")
        try colleague.waitFor("EXIT=0")
    }
}
