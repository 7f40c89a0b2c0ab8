import ArgumentParser
import Foundation
import Meldroute
import SchakelCore
import SchakelStore

/// `schakel sociale-kaart`: the shipped directory brought into a database.
struct SocialMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sociale-kaart",
        abstract: "De sociale kaart: de meegeleverde organisaties in een database bijwerken.",
        subcommands: [Update.self]
    )

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bijwerken",
            abstract: "Neem de meegeleverde sociale kaart over: nieuwe organisaties erbij, ongewijzigde bijgewerkt.",
            discussion: """
                Wat hier is gewijzigd, wordt nooit overschreven; het staat in de uitvoer als 'lokaal gewijzigd gelaten'. \\
                Met --proef ziet u wat er zou veranderen, zonder iets te schrijven. Het bijwerken staat in het auditlog.
                """
        )

        @Option(name: .customLong("db"), help: "Pad naar de Schakel-database.")
        var databasePath: String

        @Flag(name: .customLong("proef"), help: "Alleen laten zien wat er zou veranderen.")
        var dryRun = false

        @Option(name: .customLong("als"), help: "Alleen bij een demodatabase: als deze gebruiker (bijvoorbeeld zc.kmt).")
        var login: String?

        func run() throws {
            try Startup.exitOnFailure {
                let resources = try Resources.load()
                let store = try Store.open(path: databasePath, origin: LoginIdentity.origin())
                let user = try store.logIn(login: try MeetingCommand.ExportOptions.login(login, on: store))
                guard AccessPolicy.canEditPartners(user) || user.role == .administrator else {
                    throw StartupFailure(description: "De sociale kaart bijwerken doen de zorgcoördinator, de procesondersteuner, "
                        + "de procesmanager of de beheerder; \(user.login) is \(user.role.label).")
                }
                let before = try store.shippedDirectoryVersion()
                let update = try store.bringInShippedDirectory(resources.directory, dryRun: dryRun, by: user)
                print(Self.report(update, version: resources.directory.version, before: before, dryRun: dryRun))
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
}
