import ArgumentParser
import Foundation
import Glibc
import SchakelCore
import SchakelStore

extension AdministrationCommand {
    /// `schakel beheer backup`: a verified copy while people work; the timer runs it daily.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Maak een gecontroleerde kopie van de database, ook terwijl er gewerkt wordt.",
            discussion: """
                De kopie heet schakel-JJJJMMDD-UUMMSS.sqlite, is alleen voor de eigenaar leesbaar en wordt pas neergezet als \\
                SQLite's integriteitscontrole en het auditlog kloppen. Daarna blijven alleen de nieuwste --bewaar kopieën staan.
                """
        )

        @OptionGroup var options: UserCommand.Options

        @Option(name: .customLong("naar"), help: "De back-upmap (alleen voor de eigenaar: rechten 0700).")
        var folder: String

        @Option(name: .customLong("bewaar"), help: "Hoeveel kopieën er blijven staan.")
        var keep = 14

        func run() throws {
            try Startup.exitOnFailure {
                guard keep >= 1 else { throw StartupFailure(description: "--bewaar moet minstens 1 zijn.") }
                let facts = try LoginIdentity.fileFacts(folder)
                guard !facts.isOpenToOthers else {
                    throw StartupFailure(description: "De back-upmap \(folder) is ook voor anderen toegankelijk (rechten "
                        + "\(LaunchPolicy.octal(facts.mode))); de kopieën bevatten alles. Zet ze dicht: chmod 700 \(folder)")
                }
                let (store, administrator) = try options.administrator()
                let report = try store.backUp(into: folder, keep: keep, by: administrator)
                Console.say("Back-up gemaakt en gecontroleerd: \(report.copy) (auditlog: \(report.auditEntries) regels, intact).")
                for removed in report.removed { Console.say("Verwijderd (ouder dan de nieuwste \(keep)): \(removed)") }
            }
        }
    }

    /// `schakel beheer herstel`: a backup back in place, when nobody is working.
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "herstel",
            abstract: "Zet een back-up terug, als er geen sessie open is.",
            discussion: """
                De back-up wordt eerst gecontroleerd. De huidige database wordt niet weggegooid maar opzijgezet (naam met \
                .voor-herstel-); verwijder die zelf als alles klopt. Alleen de eigenaar van de database (of root) doet dit.
                """
        )

        @Option(name: .customLong("db"), help: "Pad naar de Schakel-database die wordt vervangen.")
        var databasePath: String

        @Option(name: .customLong("van"), help: "De back-up die wordt teruggezet.")
        var copy: String

        func run() throws {
            try Startup.exitOnFailure {
                let owned = FileManager.default.fileExists(atPath: databasePath)
                    ? databasePath : URL(fileURLWithPath: databasePath).deletingLastPathComponent().path
                let owner = try LoginIdentity.fileFacts(owned).ownerID
                guard geteuid() == owner || geteuid() == 0 else {
                    throw StartupFailure(description: "Alleen de eigenaar van \(owned) (of root) zet een back-up terug.")
                }
                // The owner or root: whoever they say they came from through sudo is only recorded.
                let login = try ProcessInfo.processInfo.environment["SUDO_USER"].flatMap { $0.isEmpty ? nil : $0 }
                    ?? LoginIdentity.processLogin()
                let administrator = User(id: 0, login: login, displayName: "\(login) (eigenaar van de database)", role: .administrator,
                                         municipality: nil)
                let report = try Store.restore(copy: copy, into: databasePath, by: administrator, origin: LoginIdentity.origin())
                FolderOwnership.giveToFolderOwner(databasePath)
                Console.say("Teruggezet: \(copy) → \(databasePath) (auditlog: \(report.auditEntries) regels, intact).")
                if let aside = report.setAside {
                    Console.say("De vervangen database staat opzij: \(aside). Verwijder die zelf zodra alles klopt; ze bevat persoonsgegevens.")
                }
            }
        }
    }
}
