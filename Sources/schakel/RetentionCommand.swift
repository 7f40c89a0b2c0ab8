import ArgumentParser
import Foundation
import Meldroute
import SchakelCore
import SchakelStore

/// `schakel bewaren`: what has passed its retention period, and the confirmation that the periods
/// in `Resources/bewaren/bewaartermijnen.yaml` are the ones the privacy officer set.
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bewaren",
        abstract: "Bewaartermijnen: wat over zijn termijn is (de vernietigingslijst) en het bevestigen van de termijnen.",
        discussion: """
            De termijnen staan in Resources/bewaren/bewaartermijnen.yaml. De meegeleverde zijn voorlopig: de FG van de \\
            gemeente stelt ze vast, een beheerder bevestigt ze daarna; tot dan waarschuwt 'schakel doctor'.
            """,
        subcommands: [List.self, Confirm.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lijst",
            abstract: "Toon wat over zijn bewaartermijn is: soort, code, afgesloten op, termijn — geen inhoud (beheerder of procesmanager).")

        @OptionGroup var options: UserCommand.Options

        @Option(name: .customLong("peildatum"), help: "Wat op deze datum (JJJJ-MM-DD) over zijn termijn is; standaard vandaag.")
        var date: String?

        func run() throws {
            try Startup.exitOnFailure {
                let today: CivilDate
                if let date {
                    guard let parsed = CivilDate(iso: date) else {
                        throw StartupFailure(description: "--peildatum verwacht een datum als 2026-11-24, niet '\(date)'.")
                    }
                    today = parsed
                } else {
                    today = SystemClock().now().date
                }
                let resources = try Resources.load()
                let (store, user) = try options.administrator()
                let due: [RetentionDue]
                do {
                    due = try store.retentionDue(under: resources.retention, today: today, for: user)
                } catch StoreFailure.noAccess {
                    throw StartupFailure(description: "Alleen een beheerder of een procesmanager ziet de vernietigingslijst; \(user.login) is "
                        + "\(user.role.label). Dit staat in het auditlog.")
                }
                if resources.retention.isProvisional {
                    Console.complain("Let op: de bewaartermijnen zijn voorlopig (nog niet vastgesteld door de FG).\n")
                }
                Console.say(RetentionListText.table(due, on: today))
            }
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bevestig",
            abstract: "Leg vast dat de termijnen in het bestand de door de FG vastgestelde zijn (beheerder of eigenaar van de database).")

        @OptionGroup var options: UserCommand.Options

        func run() throws {
            try Startup.exitOnFailure {
                let rules = try Resources.load().retention
                let (store, user) = try options.administrator()
                do {
                    try store.confirmRetentionRules(rules, by: user)
                } catch StoreFailure.noAccess {
                    throw StartupFailure(description: "Alleen de eigenaar van de database of een beheerder bevestigt de bewaartermijnen; "
                        + "\(user.login) is \(user.role.label).")
                }
                Console.say("Bevestigd: \(rules.rules.map { "\($0.label) \($0.months) maanden" }.joined(separator: "; ")).")
            }
        }
    }
}

/// The destruction list as text: one line per record, no content.
enum RetentionListText {
    static func table(_ due: [RetentionDue], on today: CivilDate) -> String {
        guard !due.isEmpty else { return "Niets over zijn bewaartermijn op \(today.dutch)." }
        let header = "Over de bewaartermijn op \(today.dutch): \(due.count)\n"
        let lines = due.map { entry in
            [entry.kind.padding(toLength: 8, withPad: " ", startingAt: 0), entry.code, "sinds \(entry.closedOn.dutch)",
             "\(entry.rule.label) (\(entry.rule.months) maanden, vanaf \(entry.dueOn.dutch))"].joined(separator: "  ")
        }
        return header + lines.joined(separator: "\n")
    }
}
