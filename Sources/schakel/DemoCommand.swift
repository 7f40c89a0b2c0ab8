import ArgumentParser
import CursesTerminal
import Foundation
import SchakelCore
import SchakelDemo
import SchakelStore
import Meldroute

/// `schakel demo`: creates (or reuses) a demo database with fictional data and opens it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Maak (of hergebruik) een demodatabase met fictieve gegevens en open die."
    )

    @Option(name: .customLong("db"), help: "Pad van de demodatabase (standaard in ~/.local/share/schakel).")
    var databasePath: String?

    @Option(name: .customLong("als"), help: "Open de demo als deze gebruiker (bijvoorbeeld pm.kmt).")
    var login: String = DemoDatabase.demoLogin

    @Option(name: .customLong("vandaag"), help: "Doe alsof het deze datum is (JJJJ-MM-DD); voor demonstraties en tests.")
    var today: String?

    @Flag(name: .customLong("alleen-aanmaken"), help: "Maak de demodatabase en stop, zonder het scherm te openen.")
    var createOnly = false

    func validate() throws {
        if let today, CivilDate(iso: today) == nil {
            throw ValidationError("--vandaag verwacht een datum als 2026-11-24, niet '\(today)'.")
        }
    }

    func run() throws {
        let path = databasePath ?? Self.defaultPath()
        // A terminal Schakel cannot draw on is refused before anything is opened or logged.
        if !createOnly { try Startup.exitOnFailure { try CursesTerminal.requireTerminalThatCanDraw() } }
        try Startup.exitOnFailure {
            let resources = try Resources.load()
            // A fixed day stays fixed for the screens and for every step the store dates.
            let clock: any InstantClock = today.flatMap(CivilDate.init(iso:)).map(FixedDayClock.init(day:)) ?? SystemClock()
            let (store, created): (Store, Bool)
            do {
                (store, created) = try DemoDatabase.open(path: path, today: clock.now(), calendar: resources.calendar,
                                                         workflows: resources.workflows, meetingSeries: resources.meetingSeries,
                                                         directory: resources.directory, origin: LoginIdentity.origin(), now: { clock.instant() })
            } catch StoreFailure.notADemoDatabase {
                // A real database: the demo's users are someone else there, and asking to be one is logged.
                LoginIdentity.recordRefusal(onRealDatabase: path, claimed: login, reason: "schakel demo (--als) op een echte database")
                throw StoreFailure.notADemoDatabase(path: path)
            }
            Console.say("Demodatabase: \(path) (\(created ? "nieuw aangemaakt" : "bestaand, hergebruikt"))")
            let user = try store.logIn(login: login)
            return try Session.prepared(store: store, user: user, resources: resources, clock: clock, isDemo: true)
        }.run(interface: !createOnly)
    }

    static func defaultPath() -> String {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return base + "/schakel/demo.sqlite"
    }
}
