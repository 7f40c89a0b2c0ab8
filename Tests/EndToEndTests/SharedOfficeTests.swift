import Foundation
import Testing

/// In a real terminal: Ctrl-C, Ctrl-Z and Ctrl-\ stay inside Schakel; the panic key blanks the
/// screen and the login name brings the work back; the next start shows the previous login.
@Suite struct SharedOfficeTests {
    @Test func noKeyLeavesSchakelAndThePanicKeyHidesTheWork() throws {
        let directory = try Binary.temporaryDirectory()
        let database = directory.appendingPathComponent("demo.sqlite").path
        let command = "\(Binary.path) demo --db \(database) --vandaag 2026-11-24; echo EXIT=$?; sleep 60"
        let tmux = try Tmux(command, width: 80, height: 24)
        try tmux.waitFor("Termijn")
        try tmux.send("n")
        try tmux.waitFor("Nieuw signaal")
        for (key, message) in [("C-c", "Ctrl-C stopt Schakel niet"), ("C-z", "Schakel kan niet naar de achtergrond"),
                               ("C-\\", "Ctrl-\\ stopt Schakel niet")] {
            try tmux.send("Escape")  // (any message is cleared by the next key)
            try tmux.send("n")
            try tmux.send(key)
            let screen = try tmux.waitFor(message)
            #expect(screen.contains("Nieuw signaal") && !screen.contains("EXIT="))
        }
        try tmux.send("F12")
        let blank = try tmux.waitFor("Schakel is vergrendeld.")
        #expect(!blank.contains("Nieuw signaal") && !blank.contains("Anouk"))
        try tmux.send("x")
        try tmux.waitFor("Bevestig met uw loginnaam")
        try tmux.send("-l", "af.enschede")
        try tmux.send("Enter")
        try tmux.waitFor("Nieuw signaal")
        try tmux.send("Escape")
        try tmux.send("Escape")
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")

        let again = try Tmux(command, width: 100, height: 30)
        let header = try again.waitFor("vorige keer:")
        #expect(header.contains("vanaf lokaal"))
    }
}

/// The Beheer tab against the real store: a user added on screen is there for `schakel gebruiker`.
@Suite struct AdministrationScreenTests {
    @Test func theBeheerderAddsAUserOnScreen() throws {
        let directory = try Binary.temporaryDirectory()
        let database = directory.appendingPathComponent("demo.sqlite").path
        let tmux = try Tmux("\(Binary.path) demo --db \(database) --als beheer; echo EXIT=$?; sleep 60", width: 80, height: 24)
        try tmux.waitFor("geeft geen toegang tot signalen")
        try tmux.send("7")
        try tmux.waitFor("af.enschede")
        try tmux.send("n")
        try tmux.waitFor("Nieuwe gebruiker")
        try tmux.send("-l", "zc.twee")
        try tmux.send("Tab")
        try tmux.send("-l", "Tweede zorgcoördinator")
        try tmux.send("Tab")
        try tmux.send("Right", "Right")
        try tmux.send("F2")
        try tmux.waitFor("Toegevoegd: zc.twee.")
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")
        let list = try Spawn.run([Binary.path, "gebruiker", "lijst", "--db", database, "--als", "beheer"])
        #expect(list.output.contains("zc.twee\tTweede zorgcoördinator\tzorgcoördinator\n"), "\(list.output)")
    }
}
