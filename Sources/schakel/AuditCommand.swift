import ArgumentParser
import Foundation
import SchakelCore
import SchakelStore

/// `schakel audit controleer` and `schakel audit anker`: the hash chain of the audit log, checked
/// on its own and against anchors kept outside the file.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Controleer het auditlog, en veranker het in het systeemlog.",
        subcommands: [Check.self, Anchor.self]
    )

    /// Each problem on a line of its own, with its entry, on standard error.
    static func printProblems(of verification: AuditVerification) {
        for problem in verification.problems {
            let place = problem.entry.map { "regel \($0): " } ?? ""
            Console.complain("\(place)\(problem.reason)\n")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "controleer",
            abstract: "Controleer de hashketen van het auditlog; exitcode 0 als die intact is, anders 1.",
            discussion: """
                Elke regel van het auditlog draagt de SHA-256 van zijn inhoud en van de regel ervoor. Gecontroleerd \
                worden elke hash, de verwijzing naar de vorige regel, de nummering, het zegel aan het einde en de \
                triggers die wijzigen en wissen weigeren. Wie de hele database kan herschrijven, kan ook de keten \
                opnieuw berekenen: geef daarom de ankers mee die 'schakel audit anker' elke dag in het systeemlog zet \
                (--verwacht NUMMER:HASH, of --anker-bestand met de uitvoer van journalctl). Een anker dat niet meer \
                in de keten staat, betekent een ingekort, teruggezet of herschreven log.
                """
        )

        @Option(name: .customLong("db"), help: "Pad naar de Schakel-database.")
        var databasePath: String

        @Option(name: .customLong("verwacht"), help: ArgumentHelp("Een anker NUMMER:HASH dat in de keten moet staan (herhaalbaar).",
                                                                  valueName: "NUMMER:HASH"))
        var expected: [String] = []

        @Option(name: .customLong("anker-bestand"), help: ArgumentHelp("Een bestand met ankers, één per regel (bijvoorbeeld "
                                                                      + "journalctl -u schakel-backup -o cat).", valueName: "BESTAND"))
        var anchorFile: String?

        func validate() throws {
            for text in expected where AuditAnchor(text) == nil {
                throw ValidationError("--verwacht verwacht NUMMER:HASH (een regelnummer, een dubbele punt en 64 hexadecimale tekens); "
                    + "niet '\(text)'.")
            }
        }

        func run() throws {
            let anchors = try Startup.exitOnFailure { try expected.compactMap(AuditAnchor.init) + fileAnchors() }
            let verification = try Startup.exitOnFailure { try Store.open(path: databasePath).verifyAuditLog(anchors: anchors) }
            if verification.isIntact {
                let checked = anchors.isEmpty ? "" : "; \(anchors.count) \(anchors.count == 1 ? "anker klopt" : "ankers kloppen")"
                Console.say("Auditlog intact: \(verification.entries) \(verification.entries == 1 ? "regel" : "regels")\(checked); "
                      + "laatste hash \(verification.lastHash).")
                return
            }
            AuditCommand.printProblems(of: verification)
            let first = verification.problems.first { $0.entry != nil }?.entry
            let summary = first.map { "schakel: het auditlog is verbroken vanaf regel \($0)." }
                ?? "schakel: het auditlog is niet meer beveiligd."
            Console.complain(summary + "\n")
            throw ExitCode(1)
        }

        /// The anchors in `--anker-bestand`; a file that holds none is a mistake, not a pass.
        private func fileAnchors() throws -> [AuditAnchor] {
            guard let anchorFile else { return [] }
            guard let data = FileManager.default.contents(atPath: anchorFile) else {
                throw StartupFailure(description: "\(anchorFile) bestaat niet of kan niet worden gelezen.")
            }
            let anchors = AuditAnchor.found(in: String(decoding: data, as: UTF8.self))
            guard !anchors.isEmpty else {
                throw StartupFailure(description: "\(anchorFile) bevat geen enkel anker (regels die eindigen op NUMMER:HASH).")
            }
            return anchors
        }
    }

    struct Anchor: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "anker",
            abstract: "Controleer het auditlog en druk één regel NUMMER:HASH af, voor het systeemlog.",
            discussion: """
                Het nemen van het anker komt zelf in het auditlog; het anker is die regel. 'schakel installeer' laat dit \
                dagelijks draaien (met de back-up), zodat de ankers in het systeemlog staan, buiten de database. Bij een \
                verbroken keten wordt geen anker afgedrukt en is de exitcode 1.
                """
        )

        @Option(name: .customLong("db"), help: "Pad naar de Schakel-database.")
        var databasePath: String

        func run() throws {
            let (anchor, verification) = try Startup.exitOnFailure {
                try Store.open(path: databasePath, origin: LoginIdentity.origin())
                    .takeAuditAnchor(byLogin: LoginIdentity.acting(database: databasePath))
            }
            guard verification.isIntact else {
                AuditCommand.printProblems(of: verification)
                Console.complain("schakel: het auditlog is verbroken; er is geen anker genomen.\n")
                throw ExitCode(1)
            }
            Console.say(anchor.description)
        }
    }
}
