import ArgumentParser
import Foundation
import Meldroute
import SchakelCore
import SchakelStore

/// `schakel overleg`: a meeting's agenda out of Schakel, as Markdown or as an invitation (ICS).
struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overleg",
        abstract: "Exporteer de agenda van een overleg (Markdown of ICS voor Outlook).",
        subcommands: [Agenda.self]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, ics
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

        @Option(name: .customLong("db"), help: "Pad naar de Schakel-database.")
        var databasePath: String

        @Option(name: .customLong("formaat"), help: "markdown of ics.")
        var format: Format = .markdown

        @Option(name: .customLong("partner"), help: "Alleen wat deze genodigde organisatie aangaat.")
        var partner: String?

        @Option(name: .customLong("uit"), help: "Schrijf naar dit bestand in plaats van naar standaarduitvoer.")
        var outputPath: String?

        @Option(name: .customLong("als"), help: "Alleen bij een demodatabase: exporteer als deze gebruiker (bijvoorbeeld pm.kmt).")
        var login: String?

        func run() throws {
            // Where it goes is checked first: an export that cannot be written is not made.
            if let outputPath { try Startup.exitOnFailure { try ExportFile.checkDirectory(of: outputPath) } }
            let text = try Startup.exitOnFailure { () throws -> String in
                let resources = try Resources.load()
                let store = try Store.open(path: databasePath, origin: LoginIdentity.origin())
                let user = try store.logIn(login: try Self.login(login, on: store))
                let export = try store.agendaForExport(meetingID: meetingID, partner: partner, format: format.rawValue, for: user)
                let document = export.document(statusLabel: resources.meetingWorkflow.label(ofState: export.meeting.status))
                switch format {
                case .markdown: return document.markdown
                case .ics: return MeetingCalendar.ics(document, sequence: export.meeting.calendarSequence, stamp: export.stamp)
                }
            }
            guard let outputPath else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            try Startup.exitOnFailure {
                try ExportFile.write(text, to: outputPath)
                FileHandle.standardError.write(Data("Geschreven: \(outputPath)\n".utf8))
            }
        }

        /// The OS login; another user only on a demo database.
        static func login(_ asked: String?, on store: Store) throws -> String {
            guard let asked else { return try LoginIdentity.current() }
            guard try store.isDemo() else {
                throw StartupFailure(description: "--als kan alleen bij een demodatabase; hier geldt wie er is ingelogd.")
            }
            return asked
        }
    }
}

/// Writing an export: whole or not at all (a temporary file beside it, then renamed into place).
enum ExportFile {
    static func checkDirectory(of path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StartupFailure(description: "De map \(directory) bestaat niet; er is niets geschreven.")
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw StartupFailure(description: "In de map \(directory) mag niet worden geschreven; er is niets geschreven.")
        }
    }

    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try checkDirectory(of: path)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw StartupFailure(description: "\(path) kan niet worden geschreven (\(error.localizedDescription)); er is niets geschreven.")
        }
    }
}
