import ArgumentParser
import CursesTerminal
import SchakelStore

/// `schakel --db PATH`: opens a real database as the logged-in user.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open een Schakel-database als de ingelogde gebruiker."
    )

    @Option(name: .customLong("db"), help: "Pad naar de Schakel-database.")
    var databasePath: String

    func run() throws {
        // A terminal Schakel cannot draw on is refused before anything is opened or logged.
        try Startup.exitOnFailure { try CursesTerminal.requireTerminalThatCanDraw() }
        try Startup.exitOnFailure {
            let resources = try Resources.load()
            let store = try Store.open(path: databasePath, origin: LoginIdentity.origin())
            let login = try LoginIdentity.current()
            let user = try store.logIn(login: login)
            return try Session.prepared(store: store, user: user, resources: resources, clock: SystemClock(), isDemo: false)
        }.runInterface()
    }
}
