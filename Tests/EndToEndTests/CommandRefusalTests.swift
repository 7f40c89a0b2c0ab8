import Foundation
import GRDB
import Glibc
import Testing

/// Every command of `schakel`, and how it refuses: each refusal leaves a `denied` line in the audit
/// log naming who tried what. The commands are read from the program itself, so a new command
/// without a row here fails the first test.
@Suite(.serialized) struct CommandRefusalTests {
    /// Where an attempt is made: the demo (where `--als` works) or a real database.
    enum Database { case demo, real }

    struct Attempt: CustomStringConvertible, Sendable {
        /// The command's words and options; `{db}` is the database, `{…}` the fixture's other values.
        let arguments: [String]
        var database = Database.demo
        var environment: [String] = []
        /// The line expected: who (nil: whoever runs the tests), action, object type and id.
        let actor: String?
        let action: String
        let objectType: String
        let objectID: String?

        var description: String { arguments.joined(separator: " ") }
    }

    enum Row: Sendable {
        case refuses([Attempt])
        /// It has no one to refuse; why.
        case refusesNobody(String)
        /// It refuses before the database can be written by whoever is refused; why.
        case refusesOutsideTheLog(String)
    }

    static let hengelo = "af.hengelo"

    static func asHengelo(_ words: String..., action: String, _ objectType: String, _ objectID: String?) -> Attempt {
        Attempt(arguments: words.flatMap { $0.split(separator: " ").map(String.init) } + ["--db", "{db}", "--als", hengelo],
                actor: hengelo, action: action, objectType: objectType, objectID: objectID)
    }

    static let table: [String: Row] = [
        "open": .refuses([
            Attempt(arguments: ["--db", "{db}"], database: .real, environment: ["TERM=xterm", "SUDO_USER=niemand"],
                    actor: "niemand", action: "login", objectType: "user", objectID: "niemand"),
            Attempt(arguments: ["--db", "{db}"], database: .real, environment: ["TERM=xterm", "SUDO_USER=oud.collega"],
                    actor: "oud.collega", action: "login", objectType: "user", objectID: "oud.collega"),
        ]),
        "demo": .refuses([
            Attempt(arguments: ["demo", "--db", "{db}", "--als", "pm.kmt", "--alleen-aanmaken"], database: .real,
                    actor: nil, action: "login", objectType: "user", objectID: "pm.kmt"),
        ]),
        "intake": .refusesNobody("registreert namens de intakedienst (intake:<login>) wat het formulier aanlevert: het toetst invoer, geen rechten"),
        "genereer": .refuses([
            Attempt(arguments: ["genereer", "--db", "{db}", "--signalen", "1"], database: .real,
                    actor: nil, action: "login", objectType: "user", objectID: nil),
        ]),
        "workflow toon": .refusesNobody("leest alleen de meegeleverde workflows, geen database"),
        "workflow controleer": .refusesNobody("leest alleen het opgegeven workflowbestand, geen database"),
        "kalender": .refusesNobody("rekent alleen werkdagen uit, geen database"),
        "audit controleer": .refusesNobody("leest alleen: wie het bestand kan lezen, kan de keten controleren"),
        "audit anker": .refusesNobody("controleert de keten en zet er een regel bij onder wie het uitvoert; geen inhoud"),
        "overleg agenda": .refuses([
            asHengelo("overleg agenda {dadertafel}", action: "export", "meeting", "{dadertafel}"),
            // `--als` on a real database: the attempt to be someone else, under who really asked.
            Attempt(arguments: ["overleg", "agenda", "1", "--db", "{db}", "--als", "pm.kmt"], database: .real,
                    actor: nil, action: "login", objectType: "user", objectID: "pm.kmt"),
        ]),
        "overleg verslag": .refuses([asHengelo("overleg verslag {dadertafel}", action: "export", "meeting", "{dadertafel}")]),
        "overleg exportmap": .refuses([asHengelo("overleg exportmap {folder}", action: "update", "setting", "exportmap")]),
        "sociale-kaart bijwerken": .refuses([asHengelo("sociale-kaart bijwerken", action: "update", "partner", "sociale kaart")]),
        "sociale-kaart importeer": .refuses([asHengelo("sociale-kaart importeer {csv}", action: "create", "partner", "import")]),
        "sociale-kaart exporteer": .refusesNobody("de sociale kaart is voor elke rol (AccessPolicy.canReadPartners); elke export staat in het log"),
        "beheer init": .refusesNobody("maakt een nieuw bestand; een bestaand pad wordt geweigerd voordat er een log is"),
        "beheer backup": .refuses([asHengelo("beheer backup --naar {backups}", action: "export", "database", nil)]),
        "beheer herstel": .refusesOutsideTheLog("alleen de eigenaar van het bestand of root; ieder ander kan de database niet schrijven"),
        "beheer vergrendeling": .refuses([asHengelo("beheer vergrendeling 30", action: "update", "setting", "idle_lock_minutes")]),
        "gebruiker toevoegen": .refuses([
            asHengelo("gebruiker toevoegen nieuw.iemand --naam Iemand --rol af --gemeente Hengelo", action: "create", "user", "nieuw.iemand"),
        ]),
        "gebruiker wijzigen": .refuses([
            asHengelo("gebruiker wijzigen af.hengelo --naam Ik --rol beheerder", action: "update", "user", "af.hengelo"),
        ]),
        "gebruiker blokkeren": .refuses([asHengelo("gebruiker blokkeren af.enschede", action: "update", "user", "af.enschede")]),
        "gebruiker deblokkeren": .refuses([asHengelo("gebruiker deblokkeren af.enschede", action: "update", "user", "af.enschede")]),
        "gebruiker lijst": .refuses([asHengelo("gebruiker lijst", action: "list", "user", "")]),
        "installeer": .refusesNobody("schrijft systeembestanden (als root) of drukt ze af; opent geen database"),
        "doctor": .refusesNobody("leest de inrichting en de database alleen-lezen; verandert niets"),
        "cijfers rapport": .refuses([asHengelo("cijfers rapport --periode 2026 --gemeente Enschede", action: "read", "figures", "Enschede")]),
        "cijfers drempel": .refuses([asHengelo("cijfers drempel 2", action: "update", "setting", "figures_threshold")]),
        "persoon samenvoegen": .refuses([asHengelo("persoon samenvoegen P-00002 P-00001 --reden dubbel", action: "update", "person", nil)]),
        "persoon terugdraaien": .refuses([asHengelo("persoon terugdraaien P-00002 --reden vergissing", action: "update", "person", nil)]),
        "bewaren lijst": .refuses([asHengelo("bewaren lijst", action: "list", "retention", nil)]),
        "bewaren bevestig": .refuses([asHengelo("bewaren bevestig", action: "update", "setting", "retention_rules_confirmed")]),
        "bewaren voorstellen": .refuses([asHengelo("bewaren voorstellen", action: "create", "destruction_list", nil)]),
        "bewaren goedkeuren": .refuses([asHengelo("bewaren goedkeuren 1", action: "update", "destruction_list", "1")]),
        "bewaren uitvoeren": .refuses([asHengelo("bewaren uitvoeren", action: "update", "destruction_list", nil)]),
        "inzage": .refuses([asHengelo("inzage --persoon P-00001", action: "export", "person", nil)]),
        "help": .refusesNobody("toont alleen de hulptekst"),
    ]

    /// Every command the program has, read from its own description of itself.
    static func commands() throws -> [String] {
        let dump = try Spawn.run([Binary.path, "--experimental-dump-help"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.output.utf8)) as? [String: Any])
        func leaves(_ command: [String: Any], _ path: [String]) -> [String] {
            let name = command["commandName"] as? String ?? "?"
            let here = path + (path.isEmpty ? [] : [name])
            let subcommands = command["subcommands"] as? [[String: Any]] ?? []
            return subcommands.isEmpty ? [here.joined(separator: " ")] : subcommands.flatMap { leaves($0, path.isEmpty ? [""] : here) }
        }
        return leaves(try #require(json["command"] as? [String: Any]), []).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func everyCommandHasARow() throws {
        let commands = try Self.commands()
        #expect(commands.count > 20)
        let missing = Set(commands).subtracting(Self.table.keys).sorted(), extra = Set(Self.table.keys).subtracting(commands).sorted()
        #expect(missing.isEmpty && extra.isEmpty, "without a row: \(missing); a row without a command: \(extra)")
    }

    /// The demo and a real database (made by `beheer init`, with an AF and a blocked colleague), and
    /// the values the attempts name.
    struct Fixture {
        let demo: String
        let real: String
        let values: [String: String]

        init() throws {
            let directory = try Binary.temporaryDirectory()
            chmod(directory.path, 0o700)
            demo = directory.appendingPathComponent("demo.sqlite").path
            #expect(try Spawn.run([Binary.path, "demo", "--db", demo, "--alleen-aanmaken"]).status == 0)
            real = directory.appendingPathComponent("echt.sqlite").path
            #expect(try Spawn.run([Binary.path, "beheer", "init", "--db", real, "--beheerder", "beheer.twente"]).status == 0)
            for (login, role) in [("af.hengelo", "af"), ("oud.collega", "af")] {
                let added = try Spawn.run([Binary.path, "gebruiker", "toevoegen", login, "--naam", login, "--rol", role,
                                           "--gemeente", "Hengelo", "--db", real])
                #expect(added.status == 0, "\(added.errors)")
            }
            #expect(try Spawn.run([Binary.path, "gebruiker", "blokkeren", "oud.collega", "--db", real]).status == 0)
            let folder = directory.appendingPathComponent("map").path
            let backups = directory.appendingPathComponent("backups").path
            for made in [folder, backups] { try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: false) }
            chmod(backups, 0o700)
            let csv = directory.appendingPathComponent("kaart.csv").path
            let exported = try Spawn.run([Binary.path, "sociale-kaart", "exporteer", "--db", demo, "--als", "zc.kmt", "--uit", csv])
            #expect(exported.status == 0, "\(exported.errors)")
            let dadertafel = try DatabaseQueue(path: demo).read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM meeting WHERE kind = 'dadertafel' ORDER BY id LIMIT 1")!
            }
            values = ["{dadertafel}": String(dadertafel), "{folder}": folder, "{backups}": backups, "{csv}": csv]
        }

        func arguments(of attempt: Attempt) -> [String] {
            attempt.arguments.map { word in
                if word == "{db}" { return attempt.database == .demo ? demo : real }
                return values[word] ?? word
            }
        }

        func resolve(_ text: String?) -> String? { text.map { values[$0] ?? $0 } }
    }

    @Test func everyRefusalIsWrittenAsDenied() throws {
        let fixture = try Fixture()
        var attempts = 0
        for (command, row) in Self.table.sorted(by: { $0.key < $1.key }) {
            guard case .refuses(let list) = row else { continue }
            for attempt in list {
                attempts += 1
                let path = attempt.database == .demo ? fixture.demo : fixture.real
                let trail = AuditTrail(path: path)
                let before = try trail.last()
                let result = try Spawn.run(["env"] + attempt.environment + [Binary.path] + fixture.arguments(of: attempt))
                #expect(result.status != 0, "\(command): \(attempt) was not refused")
                let written = try trail.entries(after: before)
                let denied = written.filter { $0.result == "denied" }
                #expect(denied.count == 1, "\(command): \(attempt) wrote \(written)")
                guard let line = denied.first else { continue }
                if let actor = attempt.actor { #expect(line.actor == actor, "\(command): \(line)") }
                #expect(line.action == attempt.action && line.objectType == attempt.objectType, "\(command): \(line)")
                if let id = fixture.resolve(attempt.objectID) { #expect(line.objectID == id, "\(command): \(line)") }
            }
        }
        #expect(attempts >= 15)
    }

    /// What is refused and what does not exist are told apart in the log, whatever the screen says.
    @Test func aForbiddenMeetingIsDeniedAndAMissingOneNotFound() throws {
        let fixture = try Fixture()
        let trail = AuditTrail(path: fixture.demo)
        for (meeting, expected) in [(fixture.values["{dadertafel}"]!, "denied"), ("999999", "not_found")] {
            let before = try trail.last()
            for words in [["overleg", "agenda", meeting], ["overleg", "verslag", meeting]] {
                let result = try Spawn.run([Binary.path] + words + ["--db", fixture.demo, "--als", Self.hengelo])
                #expect(result.status == 1 && result.errors.contains("bestaat niet"), "\(result.errors)")
            }
            let written = try trail.entries(after: before).filter { $0.objectType == "meeting" }
            #expect(written.map(\.result) == [expected, expected], "\(written)")
        }
    }
}
