import ArgumentParser
import Foundation
import Meldroute
import SchakelDemo
import SchakelCore
import SchakelStore

/// `schakel genereer`: fills a (demo) database with many fictional signals and timeline lines, for
/// load and speed tests.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "genereer",
        abstract: "Vul een demodatabase met veel fictieve signalen en tijdlijnregels (voor belastingstests)."
    )

    @Option(name: .customLong("db"), help: "Pad van de demodatabase (wordt gemaakt als die nog niet bestaat).")
    var databasePath: String

    @Option(name: .customLong("signalen"), help: "Aantal signalen om toe te voegen.")
    var signals: Int = 100_000

    @Option(name: .customLong("gebeurtenissen"), help: "Aantal tijdlijnregels om toe te voegen.")
    var events: Int = 0

    func validate() throws {
        guard (0...10_000_000).contains(signals) else { throw ValidationError("--signalen moet tussen 0 en 10.000.000 liggen.") }
        guard (0...100_000_000).contains(events) else { throw ValidationError("--gebeurtenissen moet tussen 0 en 100.000.000 liggen.") }
    }

    func run() throws {
        try Startup.exitOnFailure {
            let resources = try Resources.load()
            let today = SystemClock().now()
            let started = Date()
            // Only ever a demo database: generated data must never mix with real cases.
            let store: Store
            do {
                (store, _) = try DemoDatabase.open(path: databasePath, today: today, calendar: resources.calendar,
                                                   workflows: resources.workflows, meetingSeries: resources.meetingSeries,
                                                   directory: resources.directory)
            } catch StoreFailure.notADemoDatabase {
                let login = LoginIdentity.acting(database: databasePath)
                LoginIdentity.recordRefusal(onRealDatabase: databasePath, claimed: login, reason: "schakel genereer op een echte database")
                throw StoreFailure.notADemoDatabase(path: databasePath)
            }
            try SignalGenerator.addSignals(signals, to: store, today: today, calendar: resources.calendar)
            let afterSignals = Date()
            if events > 0 { try SignalGenerator.addTimelineEvents(events, to: store) }
            let done = Date()
            Console.say(String(format: "%d signalen in %.1f s, %d tijdlijnregels in %.1f s: %@", signals,
                         afterSignals.timeIntervalSince(started), events, done.timeIntervalSince(afterSignals), databasePath))
        }
    }
}
