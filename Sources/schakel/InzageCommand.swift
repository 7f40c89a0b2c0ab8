import ArgumentParser
import Foundation
import SchakelCore
import SchakelStore

/// `schakel inzage`: everything Schakel holds about one person, for their request for access
/// (article 15 AVG), as a document to hand over.
struct InzageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inzage",
        abstract: "Alles wat Schakel over één persoon bewaart, voor een verzoek om inzage (art. 15 AVG; alleen een procesmanager).",
        discussion: """
            Gegevens en correcties, de signalen en casussen met de rol, hun beschrijving, tijdlijn, verwijzingen en \\
            besprekingen, en wie ze wanneer bekeek. Andere personen staan er met hun code in, melders met soort en \\
            organisatie; namen van anderen zijn onleesbaar gemaakt. Het bestand is alleen voor de eigenaar leesbaar (0600).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    @Option(name: .customLong("persoon"), help: "De code van de persoon, bijvoorbeeld P-00197.")
    var code: String

    @Option(name: .customLong("formaat"), help: "markdown (om te lezen en af te drukken) of json.")
    var format: Format = .markdown

    @OptionGroup var options: MeetingCommand.ExportOptions

    func run() throws {
        try options.export { store, user, resources in
            let document: InzageDocument
            do {
                document = try store.inzage(ofPerson: code, workflows: [resources.workflow, resources.caseWorkflow], by: user)
            } catch StoreFailure.noAccess {
                throw StartupFailure(description: "Alleen een procesmanager stelt een inzage samen; \(user.login) is \(user.role.label). "
                    + "Dit staat in het auditlog.")
            }
            return format == .json ? document.json : document.markdown
        }
    }
}
