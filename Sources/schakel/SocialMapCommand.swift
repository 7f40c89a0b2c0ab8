import ArgumentParser
import Foundation
import Meldroute
import SchakelCore
import SchakelStore

/// `schakel sociale-kaart`: the shipped directory brought into a database.
struct SocialMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sociale-kaart",
        abstract: "De sociale kaart: bijwerken met de meegeleverde organisaties, importeren en exporteren.",
        subcommands: [Update.self, Import.self, Export.self]
    )

    /// The database, whether only to show what would change, and (on a demo) as whom.
    struct ChangeOptions: ParsableArguments {
        @Option(name: .customLong("db"), help: "Pad naar de Schakel-database.")
        var databasePath: String

        @Flag(name: .customLong("proef"), help: "Alleen laten zien wat er zou veranderen.")
        var dryRun = false

        @Option(name: .customLong("als"), help: "Alleen bij een demodatabase: als deze gebruiker (bijvoorbeeld zc.kmt).")
        var login: String?

        func open() throws -> (Store, User) {
            let store = try Store.open(path: databasePath, origin: LoginIdentity.origin())
            return (store, try MeetingCommand.ExportOptions.logIn(login, on: store))
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bijwerken",
            abstract: "Neem de meegeleverde sociale kaart over: nieuwe organisaties erbij, ongewijzigde bijgewerkt.",
            discussion: """
                Wat hier is gewijzigd, wordt nooit overschreven; het staat in de uitvoer als 'lokaal gewijzigd gelaten'. \\
                Met --proef ziet u wat er zou veranderen, zonder iets te schrijven. Het bijwerken staat in het auditlog.
                """
        )

        @OptionGroup var options: ChangeOptions

        func run() throws {
            try Startup.exitOnFailure {
                let resources = try Resources.load()
                let (store, user) = try options.open()
                let before = try store.shippedDirectoryVersion()
                let update: DirectoryUpdate
                do {
                    update = try store.bringInShippedDirectory(resources.directory, dryRun: options.dryRun, by: user)
                } catch StoreFailure.noAccess {
                    // Refused and logged by the store; said plainly here, since the map is no secret.
                    throw StartupFailure(description: "De sociale kaart bijwerken doen de zorgcoördinator, de procesondersteuner, "
                        + "de procesmanager of de beheerder; \(user.login) is \(user.role.label).")
                }
                Console.say(Self.report(update, version: resources.directory.version, before: before, dryRun: options.dryRun))
            }
        }

        static func report(_ update: DirectoryUpdate, version: Int, before: Int, dryRun: Bool) -> String {
            if update.isEmpty { return "De sociale kaart is bij: niets te doen (meegeleverde versie \(version))." }
            var lines = ["\(dryRun ? "Proef, er is niets geschreven. Zou doen" : "Gedaan"): meegeleverde versie \(version) "
                + "(deze database had versie \(before))."]
            for (label, names) in [("nieuw", update.added), ("bijgewerkt", update.updated), ("lokaal gewijzigd gelaten", update.keptLocal)]
            where !names.isEmpty {
                lines.append("\(label) (\(names.count)): \(names.joined(separator: "; "))")
            }
            return lines.joined(separator: "\n")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "importeer",
            abstract: "Importeer organisaties uit een CSV-bestand (puntkomma's, UTF-8, zoals Excel het opslaat).",
            discussion: """
                De eerste regel noemt de kolommen: \(PartnerCSV.columns.joined(separator: ";")) (alleen naam is verplicht). \
                Alles of niets: bij één fout wordt niets geïmporteerd, en elke fout staat erbij met regel en kolom. Een bekende \
                naam wordt bijgewerkt naar wat het bestand zegt, een nieuwe toegevoegd. Met --proef ziet u wat er zou \
                veranderen, zonder iets te schrijven.
                """
        )

        @Argument(help: "Het CSV-bestand.")
        var file: String

        @OptionGroup var options: ChangeOptions

        func run() throws {
            try Startup.exitOnFailure {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw StartupFailure(description: "\(file) bestaat niet of kan niet worden gelezen; er is niets geïmporteerd.")
                }
                let partners: [Partner]
                switch PartnerCSV.read(data) {
                case .success(let found): partners = found
                case .failure(let problems):
                    throw StartupFailure(description: "\(file): niets geïmporteerd.\n" + problems.problems.map { "  \($0)" }.joined(separator: "\n"))
                }
                let (store, user) = try options.open()
                let update = try store.importPartners(partners, dryRun: options.dryRun, by: user)
                var lines = ["\(options.dryRun ? "Proef, er is niets geschreven. Zou doen" : "Geïmporteerd"): \(partners.count) regels, "
                    + "\(update.added.count) nieuw, \(update.updated.count) bijgewerkt, "
                    + "\(partners.count - update.added.count - update.updated.count) ongewijzigd."]
                for (label, names) in [("nieuw", update.added), ("bijgewerkt", update.updated)] where !names.isEmpty {
                    lines.append("\(label): \(names.joined(separator: "; "))")
                }
                Console.say(lines.joined(separator: "\n"))
            }
        }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, vcard
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "exporteer",
            abstract: "Exporteer de organisaties (CSV voor Excel) of de contactpersonen (vCard 4.0).",
            discussion: "Elke export staat in het auditlog. Zonder --uit gaat het naar standaarduitvoer."
        )

        @Option(name: .customLong("formaat"), help: "csv of vcard.")
        var format: Format = .csv

        @OptionGroup var options: MeetingCommand.ExportOptions

        func run() throws {
            if let outputPath = options.outputPath { try Startup.exitOnFailure { try ExportFile.checkDirectory(of: outputPath) } }
            let data = try Startup.exitOnFailure { () throws -> Data in
                let (store, user) = try options.open()
                switch format {
                case .csv: return PartnerCSV.export(try store.partnersForExport(format: "csv", for: user))
                case .vcard: return Data(ContactCards.vcards(try store.contactsForExport(for: user)).utf8)
                }
            }
            guard let outputPath = options.outputPath else {
                FileHandle.standardOutput.write(data)
                return
            }
            try Startup.exitOnFailure {
                try ExportFile.write(data, to: outputPath)
                Console.complain("Geschreven: \(outputPath)\n")
            }
        }
    }
}
