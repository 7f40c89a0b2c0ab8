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
        let (session, lock) = try Startup.exitOnFailure {
            // Who it is, and whether the files are the owner's alone, before anything is opened. A
            // refusal is logged all the same, where this process may write the file.
            let login: String
            do {
                login = try LoginIdentity.current(database: databasePath, session: true)
            } catch let refusal as StartupFailure {
                if let store = try? Store.open(path: databasePath, origin: LoginIdentity.origin()) {
                    LoginIdentity.recordRefusal(refusal, in: store)
                }
                throw refusal
            }
            // Held while the session is open, so that a restore never replaces the file under it.
            let lock = try SessionLock.session(databasePath: databasePath)
            // An officer's session runs on the installed resources, whatever the environment says.
            let resources = try Resources.load(honouringEnvironment: false)
            let store = try Store.open(path: databasePath, origin: LoginIdentity.origin())
            let user = try store.logIn(login: login)
            return (try Session.prepared(store: store, user: user, resources: resources, clock: SystemClock(), isDemo: false), lock)
        }
        try withExtendedLifetime(lock) { try session.runInterface() }
    }
}
