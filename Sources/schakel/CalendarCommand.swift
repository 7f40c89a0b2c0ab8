import ArgumentParser
import Meldroute

/// `schakel kalender`: the non-working days of a year, or a due date in working days.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kalender",
        abstract: "Toon de niet-werkdagen van een jaar, of reken een termijn in werkdagen uit.",
        discussion: """
            Werkdagen volgens de Algemene termijnenwet: geen zaterdag, zondag, algemeen erkende feestdag \
            of bij Koninklijk Besluit gelijkgestelde dag (Resources/calendar/), en geen lokale sluitingsdag.
            Voorbeelden: schakel kalender 2026
                         schakel kalender --vanaf 2026-12-24 --werkdagen 3
            """
    )

    @Argument(help: "Het jaar waarvan de niet-werkdagen worden getoond.")
    var year: Int?

    @Option(name: .customLong("vanaf"), help: "Begindatum (JJJJ-MM-DD of DD-MM-JJJJ).")
    var from: String?

    @Option(name: .customLong("werkdagen"), help: "Aantal werkdagen na de begindatum (negatief: ervoor).")
    var workingDays: Int?

    func validate() throws {
        switch (year, from, workingDays) {
        case (.some(let year), nil, nil):
            guard (1583...9999).contains(year) else { throw ValidationError("Jaar \(year) valt buiten 1583–9999.") }
        case (nil, .some(let from), .some):
            guard CalendarReport.parseDate(from) != nil else {
                throw ValidationError("--vanaf verwacht een datum als 2026-11-24 of 24-11-2026, niet '\(from)'.")
            }
        case (nil, .some, nil):
            throw ValidationError("Geef bij --vanaf ook --werkdagen.")
        case (nil, nil, .some):
            throw ValidationError("Geef bij --werkdagen ook --vanaf.")
        case (nil, nil, nil):
            throw ValidationError("Geef een jaar, of --vanaf en --werkdagen.")
        default:
            throw ValidationError("Geef óf een jaar, óf --vanaf met --werkdagen.")
        }
    }

    func run() throws {
        let calendar = try Startup.exitOnFailure { try Resources.calendar(in: try Resources.locate()) }
        if let year {
            Console.say(CalendarReport.nonWorkingDays(in: year, calendar: calendar), terminator: "")
        } else if let from, let start = CalendarReport.parseDate(from), let workingDays {
            Console.say(calendar.addWorkingDays(workingDays, to: start).iso)
        }
    }
}
