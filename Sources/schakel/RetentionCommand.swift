import ArgumentParser
import Foundation
import Meldroute
import SchakelCore
import SchakelStore

/// `schakel bewaren`: what has passed its retention period, the confirmation that the periods in
/// `Resources/bewaren/bewaartermijnen.yaml` are the ones the privacy officer set, and destruction
/// with four eyes: a beheerder proposes, a procesmanager approves.
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bewaren",
        abstract: "Bewaartermijnen: de vernietigingslijst, het bevestigen van de termijnen, voorstellen en goedkeuren van vernietiging.",
        discussion: """
            De termijnen staan in Resources/bewaren/bewaartermijnen.yaml. De meegeleverde zijn voorlopig: de FG van de \\
            gemeente stelt ze vast, een beheerder bevestigt ze daarna; tot dan waarschuwt 'schakel doctor' en wordt \\
            niets vernietigd. Een beheerder stelt een lijst voor, een procesmanager (nooit dezelfde) keurt haar goed; \\
            dan worden de persoonsgegevens vernietigd, per record. Wat tussendoor is heropend, vervalt van de lijst.
            """,
        subcommands: [List.self, Confirm.self, Propose.self, Approve.self, Finish.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lijst",
            abstract: "Toon wat over zijn bewaartermijn is: soort, code, afgesloten op, termijn — geen inhoud (beheerder of procesmanager).")

        @OptionGroup var options: UserCommand.Options
        @OptionGroup var day: ReferenceDay

        func run() throws {
            try Startup.exitOnFailure {
                let today = try day.date()
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

    struct Propose: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "voorstellen",
            abstract: "Stel de vernietigingslijst voor: alles wat nu over zijn termijn is (beheerder; een eerder voorstel vervalt).")

        @OptionGroup var options: UserCommand.Options
        @OptionGroup var day: ReferenceDay

        func run() throws {
            try Startup.exitOnFailure {
                let today = try day.date()
                let rules = try Resources.load().retention
                let (store, user) = try options.administrator()
                let list = try refusalSaid { () throws(StoreFailure) in try store.proposeDestruction(under: rules, today: today, by: user) }
                Console.say("Lijst \(list.id) voorgesteld door \(list.proposedBy): \(list.items.count) records. "
                    + "Een procesmanager keurt haar goed met 'schakel bewaren goedkeuren \(list.id)'.\n")
                Console.say(RetentionListText.table(list.items.map(\.due), on: today))
            }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "goedkeuren",
            abstract: "Keur een voorgestelde lijst goed en vernietig haar records, elk apart (procesmanager, niet de voorsteller).")

        @OptionGroup var options: UserCommand.Options
        @OptionGroup var day: ReferenceDay

        @Argument(help: "Het nummer van de lijst, zoals 'voorstellen' het noemde.")
        var list: Int64

        func run() throws {
            try Startup.exitOnFailure {
                let today = try day.date()
                let rules = try Resources.load().retention
                let (store, user) = try options.administrator()
                let approved = try refusalSaid { () throws(StoreFailure) in try store.approveDestruction(list, under: rules, today: today, by: user) }
                Console.say(RetentionListText.outcome(approved))
            }
        }
    }

    struct Finish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "uitvoeren",
            abstract: "Maak een goedgekeurde lijst af die onderbroken werd, en wis de vrijgekomen ruimte en de WAL (beheerder of procesmanager).")

        @OptionGroup var options: UserCommand.Options
        @OptionGroup var day: ReferenceDay

        func run() throws {
            try Startup.exitOnFailure {
                let today = try day.date()
                let (store, user) = try options.administrator()
                let (lists, cleared) = try refusalSaid { () throws(StoreFailure) in try store.finishDestruction(today: today, by: user) }
                Console.say(lists.isEmpty ? "Geen onafgemaakte lijst." : lists.map(RetentionListText.outcome).joined(separator: "\n"))
                Console.say(cleared ? "De WAL is leeg; vernietigde tekst staat alleen nog in oudere back-ups."
                    : "De WAL kon niet worden geleegd: een sessie las nog. Probeer het later opnieuw.")
            }
        }
    }
}

/// `--peildatum`: the day the periods are counted to.
struct ReferenceDay: ParsableArguments {
    @Option(name: .customLong("peildatum"), help: "Wat op deze datum (JJJJ-MM-DD) over zijn termijn is; standaard vandaag.")
    var text: String?

    func date() throws -> CivilDate {
        guard let text else { return SystemClock().now().date }
        guard let parsed = CivilDate(iso: text) else {
            throw StartupFailure(description: "--peildatum verwacht een datum als 2026-11-24, niet '\(text)'.")
        }
        return parsed
    }
}

/// A refusal (already in the audit log) said as the store words it.
private func refusalSaid<T>(_ step: () throws(StoreFailure) -> T) throws -> T {
    do {
        return try step()
    } catch .refused(let reason) {
        throw StartupFailure(description: reason)
    } catch .noAccess {
        throw StartupFailure(description: "Alleen een beheerder of een procesmanager werkt met de vernietigingslijst. Dit staat in het auditlog.")
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

    /// What became of an approved list: per record destroyed or dropped out (with why).
    static func outcome(_ list: DestructionList) -> String {
        let header = "Lijst \(list.id), goedgekeurd door \(list.approvedBy ?? "?"): \(list.destroyed.count) vernietigd, "
            + "\(list.droppedOut.count) vervallen.\n"
        return header + list.items.map { item in
            let fate = switch item.state {
            case .waiting: "nog niet vernietigd (schakel bewaren uitvoeren)"
            case .destroyed(let day): "vernietigd \(day.dutch)"
            case .droppedOut(let reason): "vervallen: \(reason); blijft bewaard"
            }
            return "\(item.due.kind.padding(toLength: 8, withPad: " ", startingAt: 0))  \(item.due.code)  \(fate)"
        }.joined(separator: "\n")
    }
}
