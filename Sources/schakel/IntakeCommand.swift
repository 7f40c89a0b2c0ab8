import ArgumentParser
import Foundation
import SchakelCore
import SchakelStore

/// `schakel intake`: stores one signal from the intranet form's JSON and prints its code.
struct IntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Sla één signaal op uit JSON van het intranetformulier en druk de signaalcode af.",
        discussion: """
            Leest BESTAND, of standaardinvoer bij '-' of zonder bestand. Het schema staat in de README (Intake). \
            Bij ongeldige invoer: exitcode 2 en een lijst van alle problemen; er wordt dan niets opgeslagen.
            """
    )

    @Option(name: .customLong("db"), help: "Pad naar de Schakel-database.")
    var databasePath: String

    @Argument(help: "JSON-bestand, of '-' voor standaardinvoer.")
    var file: String = "-"

    /// Larger than any real report form; protects against being fed something else entirely.
    static let maximumInputBytes = 1_000_000

    func run() throws {
        let bytes: [UInt8]
        if file == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile().prefix(Self.maximumInputBytes + 1))
        } else if let data = FileManager.default.contents(atPath: file) {
            bytes = Array(data)
        } else {
            Self.refuse(["\(file) ontbreekt of is onleesbaar"])
        }
        if bytes.count > Self.maximumInputBytes { Self.refuse(["de invoer is groter dan \(Self.maximumInputBytes) bytes"]) }
        let clock = SystemClock().now()
        switch SignalIntake.parse(bytes, now: clock) {
        case .failure(let problems):
            Self.refuse(problems.messages)
        case .success(let signal):
            let registered = try Startup.exitOnFailure {
                let store = try Store.open(path: databasePath, origin: LoginIdentity.origin())
                return try store.registerSignalFromIntake(signal, service: try LoginIdentity.current(database: databasePath))
            }
            Console.say(registered.code)
        }
    }

    private static func refuse(_ problems: [String]) -> Never {
        let text = "schakel: het signaal is niet opgeslagen:\n" + problems.map { "  - \($0)\n" }.joined()
        Console.complain(text)
        Foundation.exit(2)
    }
}
