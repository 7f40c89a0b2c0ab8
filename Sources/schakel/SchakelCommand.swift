import ArgumentParser
import Foundation

@main
struct SchakelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schakel",
        abstract: "Schakel: casusregistratie voor de aanpak van mensenhandel in Twente.",
        discussion: """
            Zonder opdracht opent Schakel het scherm (schakel open): zo krijgen gebruikers het via SSH. De toetsen en \
            schermen staan in 'man 7 schakel'. De opdrachten hieronder zijn voor de beheerder; elke opdracht heeft een \
            eigen handleiding (man schakel.beheer, man schakel.gebruiker.toevoegen) en --help.

            Bestanden van het Debian-pakket: /var/lib/schakel/schakel.sqlite (de database, van het service-account \
            schakel), /var/backups/schakel (de back-ups), /etc/schakel/bewaartermijnen.yaml (de bewaartermijnen), \
            /usr/share/schakel (workflows, kalender, sociale kaart). Inrichten en beheren: \
            /usr/share/doc/schakel/DEPLOY.md.gz; controleren: schakel doctor.
            """,
        version: SchakelVersion.current,
        subcommands: [OpenCommand.self, DemoCommand.self, IntakeCommand.self, GenerateCommand.self, WorkflowCommand.self, CalendarCommand.self,
                      AuditCommand.self, MeetingCommand.self, SocialMapCommand.self, AdministrationCommand.self, UserCommand.self,
                      InstallCommand.self, DoctorCommand.self, FiguresCommand.self, PersonCommand.self, RetentionCommand.self, InzageCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    /// As ArgumentParser runs a command, but what it says of a wrong argument (which repeats what was
    /// typed) passes the sanitiser too.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let message = fullMessage(for: error), code = exitCode(for: error)
            if !message.isEmpty {
                if code == .success { Console.say(message) } else { Console.complain(message + "\n") }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
