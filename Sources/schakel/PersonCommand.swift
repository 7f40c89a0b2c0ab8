import ArgumentParser
import Foundation
import SchakelCore
import SchakelStore

/// `schakel persoon`: two person codes found to be one individual made one, and undone.
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "persoon",
        abstract: "Twee persoonscodes samenvoegen tot één, of dat terugdraaien (alleen een procesmanager).",
        discussion: """
            Samenvoegen verhuist elke koppeling van de eerste code naar de tweede; de eerste code blijft bestaan en wijst \\
            naar de tweede. Het samenvoegen en de reden komen op de tijdlijn van elk betrokken signaal en elke casus, en in \\
            het auditlog. Terugdraaien kan zolang er na het samenvoegen niets aan de tweede code is gekoppeld of gewijzigd.
            """,
        subcommands: [Merge.self, Undo.self]
    )

    struct Options: ParsableArguments {
        @Option(name: .customLong("db"), help: "Pad naar de Schakel-database.")
        var databasePath: String

        @Option(name: .customLong("reden"), help: "Waarom (verplicht; komt op de tijdlijnen).")
        var reason: String

        @Option(name: .customLong("als"), help: "Alleen bij een demodatabase: als deze gebruiker (bijvoorbeeld pm.kmt).")
        var login: String?

        /// Runs the step as the logged-in user and says what it did; a refusal in Dutch.
        func run(_ step: (Store, User) throws -> String) throws {
            try Startup.exitOnFailure {
                let store = try Store.open(path: databasePath, origin: LoginIdentity.origin())
                let user = try MeetingCommand.ExportOptions.logIn(login, on: store)
                do {
                    Console.say(try step(store, user))
                } catch StoreFailure.noAccess {
                    throw StartupFailure(description: "Alleen een procesmanager voegt personen samen; \(user.login) is \(user.role.label). "
                        + "Dit staat in het auditlog.")
                }
            }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "samenvoegen", abstract: "Voeg de eerste code samen met de tweede, die blijft (bijvoorbeeld P-00412 P-00197).")
        @Argument(help: "De code die opgaat in de andere.") var absorbed: String
        @Argument(help: "De code die blijft.") var survivor: String
        @OptionGroup var options: Options

        func run() throws {
            try options.run { store, user in
                let merge = try store.mergePersons(absorbed, into: survivor, reason: options.reason, by: user)
                return "Samengevoegd: \(merge.absorbed) heet voortaan \(merge.survivor) (\(merge.movedLinks) koppeling(en) verhuisd). "
                    + "Terugdraaien: schakel persoon terugdraaien \(merge.absorbed) --reden …"
            }
        }
    }

    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "terugdraaien", abstract: "Maak het laatste samenvoegen van deze code ongedaan (bijvoorbeeld P-00412).")
        @Argument(help: "De code die werd samengevoegd.") var absorbed: String
        @OptionGroup var options: Options

        func run() throws {
            try options.run { store, user in
                let merge = try store.undoMerge(of: absorbed, reason: options.reason, by: user)
                return "Teruggedraaid: \(merge.absorbed) en \(merge.survivor) zijn weer twee personen (\(merge.movedLinks) koppeling(en) terug)."
            }
        }
    }
}
