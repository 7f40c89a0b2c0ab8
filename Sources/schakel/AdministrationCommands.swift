import ArgumentParser
import Foundation
import Meldroute
import SchakelCore
import SchakelStore

/// `schakel beheer`: putting a real database into service.
struct AdministrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beheer",
        abstract: "Beheer: een echte database in gebruik nemen.",
        subcommands: [Initialise.self, Backup.self, Restore.self, IdleLockSetting.self]
    )

    struct Initialise: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Maak een nieuwe (echte, geen demo-) database met de meegeleverde gegevens en een eerste beheerder.",
            discussion: """
                De database krijgt de veertien gemeenten, de meegeleverde sociale kaart en één gebruiker: de beheerder \\
                (standaard wie dit uitvoert). Het bestand is alleen voor de eigenaar leesbaar (0600). Voeg daarna \\
                gebruikers toe met 'schakel gebruiker toevoegen'.
                """
        )

        @Option(name: .customLong("db"), help: "Pad van de nieuwe database; het bestand mag nog niet bestaan.")
        var databasePath: String

        @Option(name: .customLong("beheerder"), help: "Login van de eerste beheerder (standaard: wie dit uitvoert).")
        var login: String?

        @Option(name: .customLong("naam"), help: "Naam van de eerste beheerder, zoals Schakel die toont.")
        var displayName: String?

        func run() throws {
            try Startup.exitOnFailure {
                guard !FileManager.default.fileExists(atPath: databasePath) else {
                    throw StartupFailure(description: "\(databasePath) bestaat al; er is niets veranderd. Kies een nieuw pad.")
                }
                let resources = try Resources.load()
                let administrator = try login ?? LoginIdentity.processLogin()
                let folder = URL(fileURLWithPath: databasePath).deletingLastPathComponent().path
                let isNewFolder = !FileManager.default.fileExists(atPath: folder)
                _ = try Store.initialise(path: databasePath, administrator: administrator, displayName: displayName ?? administrator,
                                         directory: resources.directory, origin: LoginIdentity.origin())
                // A folder made for it is the owner's alone too.
                if isNewFolder { chmod(folder, 0o700) }
                FolderOwnership.giveToFolderOwner(databasePath)
                Console.say("Database gemaakt: \(databasePath) (alleen leesbaar voor de eigenaar). Eerste beheerder: \(administrator).")
            }
        }
    }
}

extension AdministrationCommand {
    /// `schakel beheer vergrendeling`: after how many idle minutes sessions lock their screen.
    struct IdleLockSetting: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vergrendeling",
            abstract: "Toon of zet na hoeveel minuten zonder toets het scherm vergrendelt (standaard 10).",
            discussion: "Geldt voor sessies die daarna beginnen. Zetten doet alleen de eigenaar van de database of een beheerder."
        )

        @Argument(help: "Minuten (1 tot 240); zonder: de huidige instelling tonen.")
        var minutes: Int?

        @OptionGroup var options: UserCommand.Options

        func run() throws {
            try options.showOrSet(minutes, set: { try $0.setIdleLockMinutes($1, by: $2) },
                                  show: { "Het scherm vergrendelt na \(try $0.idleLockMinutes()) minuten zonder toets." })
        }
    }
}

/// `schakel gebruiker`: who may use Schakel, with which role, for which municipality.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gebruiker",
        abstract: "Gebruikers toevoegen, wijzigen, blokkeren, deblokkeren en tonen.",
        discussion: "Alleen de eigenaar van het databasebestand of een beheerder in Schakel doet dit; elke wijziging staat in het auditlog.",
        subcommands: [Add.self, Change.self, Block.self, Unblock.self, List.self]
    )

    /// The database and, on a demo, as whom.
    struct Options: ParsableArguments {
        @Option(name: .customLong("db"), help: "Pad naar de Schakel-database.")
        var databasePath: String

        @Option(name: .customLong("als"), help: "Alleen bij een demodatabase: als deze gebruiker (bijvoorbeeld beheer).")
        var login: String?

        init() {}

        init(databasePath: String, login: String?) {
            self.databasePath = databasePath
            self.login = login
        }

        /// Shows a setting, after setting it when a value is given (by the owner or a beheerder: the
        /// store refuses anyone else, and logs it). Showing is for anyone who may open the file.
        func showOrSet(_ value: Int?, set: (Store, Int, User) throws -> Void, show: (Store) throws -> String) throws {
            try Startup.exitOnFailure {
                guard let value else {
                    Console.say(try show(try Store.open(path: databasePath, origin: LoginIdentity.origin())))
                    return
                }
                let (store, administrator) = try administrator()
                try set(store, value, administrator)
                Console.say(try show(store))
            }
        }

        /// The store, and who acts: the OS user that owns the file, as beheerder under its own name;
        /// otherwise whoever is logged in (a demo user with `--als`). Whether they may do what they
        /// ask is the store's to decide, and to log when it refuses.
        func administrator() throws -> (Store, User) {
            try administrator(store: try Store.open(path: databasePath, origin: LoginIdentity.origin()))
        }

        func administrator(store: Store) throws -> (Store, User) {
            var status = stat()
            if self.login == nil, stat(databasePath, &status) == 0, status.st_uid == getuid() {
                let login = try LoginIdentity.current(on: store)
                if let user = try? store.user(login: login), user.role == .administrator { return (store, try store.logIn(login: login)) }
                return (store, User(id: 0, login: login, displayName: "\(login) (eigenaar van de database)", role: .administrator,
                                    municipality: nil))
            }
            return (store, try MeetingCommand.ExportOptions.logIn(self.login, on: store))
        }

        /// Runs a user administration step; a refusal (already logged by the store) said as such.
        func managing<T>(_ step: (Store, User) throws -> T) throws -> T {
            let (store, administrator) = try administrator()
            do {
                return try step(store, administrator)
            } catch StoreFailure.noAccess {
                throw StartupFailure(description: "Alleen de eigenaar van \(databasePath) of een beheerder in Schakel beheert gebruikers; "
                    + "\(administrator.login) is \(administrator.role.label).")
            }
        }
    }

    /// The role and municipality options, and what they mean.
    struct RoleOptions: ParsableArguments {
        @Option(name: .customLong("naam"), help: "Naam zoals Schakel die toont.")
        var displayName: String

        @Option(name: .customLong("rol"), help: "af, procesmanager, zorgcoordinator, procesondersteuner of beheerder.")
        var role: String

        @Option(name: .customLong("gemeente"), help: "Alleen voor een af: de gemeente.")
        var municipality: String?

        func resolved() throws -> (Role, Municipality?) {
            guard let role = Role(rawValue: role) else {
                throw StartupFailure(description: "Onbekende rol '\(self.role)'; bekend: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            guard let name = municipality else { return (role, nil) }
            guard let found = Municipality.twente.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw StartupFailure(description: "Onbekende gemeente '\(name)'; bekend: \(Municipality.twente.map(\.name).joined(separator: ", ")).")
            }
            return (role, found)
        }
    }

    /// Adds a user, or changes one's name, role and municipality.
    static func setRole(of login: String, _ roleOptions: RoleOptions, _ options: Options, isNew: Bool) throws {
        try Startup.exitOnFailure {
            let (role, municipality) = try roleOptions.resolved()
            try options.managing { store, administrator in
                if isNew {
                    try store.createUser(login: login, displayName: roleOptions.displayName, role: role, municipality: municipality,
                                         by: administrator)
                } else {
                    try store.updateUser(login: login, displayName: roleOptions.displayName, role: role, municipality: municipality,
                                         by: administrator)
                }
            }
            Console.say("\(isNew ? "Toegevoegd" : "Gewijzigd"): \(login) (\(role.label)\(municipality.map { ", " + $0.name } ?? "")).")
        }
    }

    static func setActive(_ login: String, _ active: Bool, _ options: Options) throws {
        try Startup.exitOnFailure {
            try options.managing { store, administrator in try store.setUserActive(login: login, active: active, by: administrator) }
            Console.say("\(active ? "Gedeblokkeerd" : "Geblokkeerd"): \(login).")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "toevoegen", abstract: "Voeg een gebruiker toe.")
        @Argument(help: "De login: de naam waarmee de gebruiker via SSH inlogt.") var login: String
        @OptionGroup var roleOptions: RoleOptions
        @OptionGroup var options: Options

        func run() throws { try UserCommand.setRole(of: login, roleOptions, options, isNew: true) }
    }

    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "wijzigen", abstract: "Wijzig naam, rol en gemeente van een gebruiker.")
        @Argument(help: "De login.") var login: String
        @OptionGroup var roleOptions: RoleOptions
        @OptionGroup var options: Options

        func run() throws { try UserCommand.setRole(of: login, roleOptions, options, isNew: false) }
    }

    struct Block: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "blokkeren",
                                                        abstract: "Blokkeer een gebruiker: die kan Schakel niet meer openen; de geschiedenis blijft.")
        @Argument(help: "De login.") var login: String
        @OptionGroup var options: Options

        func run() throws { try UserCommand.setActive(login, false, options) }
    }

    struct Unblock: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deblokkeren", abstract: "Laat een geblokkeerde gebruiker weer toe.")
        @Argument(help: "De login.") var login: String
        @OptionGroup var options: Options

        func run() throws { try UserCommand.setActive(login, true, options) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lijst", abstract: "Toon alle gebruikers.")
        @OptionGroup var options: Options

        func run() throws {
            try Startup.exitOnFailure {
                for (user, isActive) in try options.managing({ store, administrator in try store.users(by: administrator) }) {
                    let place = user.municipality.map { " · " + $0.name } ?? ""
                    Console.say("\(user.login)\t\(user.displayName)\t\(user.role.label)\(place)\(isActive ? "" : "\tgeblokkeerd")")
                }
            }
        }
    }
}
