import ArgumentParser
import Foundation

@main
struct SchakelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schakel",
        abstract: "Schakel: casusregistratie voor de aanpak van mensenhandel in Twente.",
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
