import ArgumentParser

@main
struct SchakelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schakel",
        abstract: "Schakel: casusregistratie voor de aanpak van mensenhandel in Twente.",
        subcommands: [OpenCommand.self, DemoCommand.self, IntakeCommand.self, GenerateCommand.self, WorkflowCommand.self, CalendarCommand.self,
                      AuditCommand.self, MeetingCommand.self, SocialMapCommand.self, AdministrationCommand.self, UserCommand.self,
                      InstallCommand.self, DoctorCommand.self, FiguresCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}
