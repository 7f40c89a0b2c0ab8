import ArgumentParser
import Foundation
import Meldroute

/// `schakel workflow`: show a shipped workflow, or check a workflow file.
struct WorkflowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflow",
        abstract: "Toon een workflow of controleer een workflowbestand.",
        subcommands: [Show.self, Check.self]
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "toon",
            abstract: "Toon een meegeleverde workflow als beschrijving of diagram."
        )

        @Argument(help: "Naam van de workflow, bijvoorbeeld gemeentelijke-meldroute of kmt-werkproces.")
        var name: String

        @Option(name: .customLong("formaat"), help: "markdown, mermaid of dot.")
        var format: String = WorkflowDocument.Format.markdown.rawValue

        func validate() throws {
            if WorkflowDocument.Format(rawValue: format) == nil {
                throw ValidationError("--formaat kent markdown, mermaid en dot, niet '\(format)'.")
            }
        }

        func run() throws {
            let workflow = try Startup.exitOnFailure { try Resources.workflow(named: name, in: try Resources.locate()) }
            Console.say(WorkflowDocument.render(workflow, as: WorkflowDocument.Format(rawValue: format)!), terminator: "")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "controleer",
            abstract: "Controleer een workflowbestand; elke fout met bestand:regel, exitcode 1 bij fouten."
        )

        @Argument(help: "Het YAML-bestand.")
        var file: String

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                Console.complain("schakel: \(file) ontbreekt, is onleesbaar of is geen UTF-8-tekst.\n")
                throw ExitCode(1)
            }
            do {
                let workflow = try WorkflowLoader.load(yaml: text, file: file)
                let counts = [
                    count(workflow.states.count, "toestand", "toestanden"),
                    count(workflow.events.count, "gebeurtenis", "gebeurtenissen"),
                    count(workflow.transitions.count, "overgang", "overgangen"),
                    count(workflow.deadlines.count, "termijn", "termijnen"),
                    count(workflow.obligations.count, "verplichting", "verplichtingen"),
                ]
                Console.say("\(file): in orde — " + counts.joined(separator: ", ") + ".")
            } catch {
                Console.complain(error.description + "\n")
                Console.complain("schakel: \(count(error.problems.count, "fout", "fouten")) in \(file).\n")
                throw ExitCode(1)
            }
        }

        private func count(_ number: Int, _ one: String, _ many: String) -> String {
            "\(number) \(number == 1 ? one : many)"
        }
    }
}
