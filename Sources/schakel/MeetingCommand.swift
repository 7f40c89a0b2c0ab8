import ArgumentParser
import Foundation
import Meldroute
import SchakelCore
import SchakelStore

/// `schakel overleg`: a meeting's agenda or minutes out of Schakel, and where the screen's exports go.
struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overleg",
        abstract: "Exporteer de agenda (Markdown of ICS voor Outlook) of het verslag van een overleg.",
        subcommands: [Agenda.self, Minutes.self, ExportFolder.self]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, ics
    }

    enum MinutesFormat: String, ExpressibleByArgument, CaseIterable {
        case markdown
    }

    /// The database, where the text goes, and (on a demo) as whom.
    struct ExportOptions: ParsableArguments {
        @Option(name: .customLong("db"), help: "Pad naar de Schakel-database.")
        var databasePath: String

        @Option(name: .customLong("uit"), help: "Schrijf naar dit bestand in plaats van naar standaarduitvoer.")
        var outputPath: String?

        @Option(name: .customLong("als"), help: "Alleen bij een demodatabase: als deze gebruiker (bijvoorbeeld pm.kmt).")
        var login: String?

        /// Makes the text with the store and the user, then writes it: to standard output, or whole
        /// or not at all to the file. Where it goes is checked first: an export that cannot be
        /// written is not made.
        func export(_ make: (Store, User, Resources) throws -> String) throws {
            if let outputPath { try Startup.exitOnFailure { try ExportFile.checkDirectory(of: outputPath) } }
            let text = try Startup.exitOnFailure { () throws -> String in
                let resources = try Resources.load()
                let (store, user) = try open()
                return try make(store, user, resources)
            }
            guard let outputPath else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            try Startup.exitOnFailure {
                try ExportFile.write(text, to: outputPath)
                Console.complain("Geschreven: \(outputPath)\n")
            }
        }

        func open() throws -> (Store, User) {
            let store = try Store.open(path: databasePath, origin: LoginIdentity.origin())
            return (store, try Self.logIn(login, on: store))
        }

        /// The OS login; another user (`--als`) only on a demo database. Every refusal — an unknown
        /// or blocked login, `--als` on a real database, a misused sudo — is logged by the store.
        static func logIn(_ asked: String?, on store: Store) throws -> User {
            guard let asked else { return try store.logIn(login: try LoginIdentity.current(on: store)) }
            return try store.logIn(as: asked, by: LoginIdentity.acting(database: store.path))
        }
    }

    struct Agenda: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agenda",
            abstract: "De agenda van overleg ID, voor alle genodigden of voor één partner.",
            discussion: """
                Een agenda voor één partner (--partner) bevat de vaste punten en de punten die die partner inbrengt of \
                waarvoor die is uitgenodigd. Personen en casussen staan er met hun code in, nooit met hun naam. Elke \
                export staat in het auditlog. Zonder --uit gaat de agenda naar standaarduitvoer.
                """
        )

        @Argument(help: "Het nummer van het overleg.")
        var meetingID: Int64

        @Option(name: .customLong("formaat"), help: "markdown of ics.")
        var format: Format = .markdown

        @Option(name: .customLong("partner"), help: "Alleen wat deze genodigde organisatie aangaat.")
        var partner: String?

        @OptionGroup var options: ExportOptions

        func run() throws {
            try options.export { store, user, resources in
                let export = try store.agendaForExport(meetingID: meetingID, partner: partner, format: format.rawValue, for: user)
                let document = export.document(statusLabel: resources.meetingWorkflow.label(ofState: export.meeting.status))
                switch format {
                case .markdown: return document.markdown
                case .ics: return MeetingCalendar.ics(document, sequence: export.meeting.calendarSequence, stamp: export.stamp)
                }
            }
        }
    }

    struct Minutes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verslag",
            abstract: "Het verslag van overleg ID: per agendapunt de samenvatting, besluiten en acties.",
            discussion: """
                Alleen wie het overleg in zijn geheel ziet, exporteert het verslag. Personen en casussen staan er met hun \
                code in, nooit met hun naam. Elke export staat in het auditlog. Zonder --uit gaat het verslag naar \
                standaarduitvoer.
                """
        )

        @Argument(help: "Het nummer van het overleg.")
        var meetingID: Int64

        @Option(name: .customLong("formaat"), help: "markdown.")
        var format: MinutesFormat = .markdown

        @OptionGroup var options: ExportOptions

        func run() throws {
            try options.export { store, user, resources in
                let export = try store.minutesForExport(meetingID: meetingID, for: user)
                return export.document(statusLabel: resources.meetingWorkflow.label(ofState: export.meeting.status)).markdown
            }
        }
    }

    struct ExportFolder: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "exportmap",
            abstract: "Toon of stel de map in waar exports uit het scherm (Overleggen, e) terechtkomen.",
            discussion: """
                Zonder MAP toont dit de ingestelde map. Instellen mag een beheerder; de map moet bestaan en beschrijfbaar \
                zijn. Geef een map die alleen de eigenaar van de database kan lezen (rechten 0700): de exports bevatten \
                vertrouwelijke gegevens. De wijziging staat in het auditlog.
                """
        )

        @Argument(help: "De map (weglaten: toon de huidige).")
        var folder: String?

        @Option(name: .customLong("db"), help: "Pad naar de Schakel-database.")
        var databasePath: String

        @Option(name: .customLong("als"), help: "Alleen bij een demodatabase: als deze gebruiker.")
        var login: String?

        func run() throws {
            try Startup.exitOnFailure {
                let store = try Store.open(path: databasePath, origin: LoginIdentity.origin())
                guard let folder else {
                    Console.say(try store.exportFolder() ?? "Er is geen exportmap ingesteld.")
                    return
                }
                // A beheerder, or the owner of the file; anyone else is refused (and logged) by the store.
                let (_, user) = try UserCommand.Options(databasePath: databasePath, login: login).administrator(store: store)
                try store.setExportFolder(folder, by: user)
                Console.say("Exportmap: \(try store.exportFolder() ?? folder)")
            }
        }
    }
}
