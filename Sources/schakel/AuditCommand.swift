import ArgumentParser
import Foundation
import SchakelStore

/// `schakel audit controleer`: checks the hash chain of the audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Controleer het auditlog.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "controleer",
            abstract: "Controleer de hashketen van het auditlog; exitcode 0 als die intact is, anders 1.",
            discussion: """
                Elke regel van het auditlog draagt de SHA-256 van zijn inhoud en van de regel ervoor. Gecontroleerd \
                worden elke hash, de verwijzing naar de vorige regel, de nummering, het zegel aan het einde en de \
                triggers die wijzigen en wissen weigeren. Noteer de laatste hash elders (bijvoorbeeld dagelijks in \
                het systeemlog): wie de hele database kan herschrijven, kan ook de keten opnieuw berekenen.
                """
        )

        @Option(name: .customLong("db"), help: "Pad naar de Schakel-database.")
        var databasePath: String

        func run() throws {
            let verification = try Startup.exitOnFailure { try Store.open(path: databasePath).verifyAuditLog() }
            if verification.isIntact {
                print("Auditlog intact: \(verification.entries) \(verification.entries == 1 ? "regel" : "regels"); laatste hash \(verification.lastHash).")
                return
            }
            for problem in verification.problems {
                let place = problem.entry.map { "regel \($0): " } ?? ""
                FileHandle.standardError.write(Data("\(place)\(problem.reason)\n".utf8))
            }
            let first = verification.problems.first { $0.entry != nil }?.entry
            let summary = first.map { "schakel: het auditlog is verbroken vanaf regel \($0)." }
                ?? "schakel: het auditlog is niet meer beveiligd."
            FileHandle.standardError.write(Data((summary + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
