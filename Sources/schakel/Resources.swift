import Foundation
import Meldroute
import SchakelCore

/// The data files Schakel runs on, from `Resources/`: workflows, the calendar, help texts.
struct Resources {
    let workflow: WorkflowDefinition
    let calendar: WorkingDayCalendar
    let helpLines: [String]

    static let workflowFile = "workflows/gemeentelijke-meldroute.yaml"
    static let calendarFile = "calendar/gelijkgestelde-dagen.yaml"
    static let helpFile = "help/sneltoetsen.txt"

    /// Loads every file, reporting the first problem with its file (and line, where known).
    static func load() throws -> Resources {
        let directory = try locate()
        let workflow = try WorkflowLoader.load(yaml: try text(workflowFile, in: directory), file: workflowFile)
        let extraDays = try CalendarDataFile.parse(yaml: try text(calendarFile, in: directory), file: calendarFile)
        let help = try text(helpFile, in: directory)
        return Resources(workflow: workflow, calendar: WorkingDayCalendar(extraDays: extraDays),
                         helpLines: help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastEmpty())
    }

    /// `SCHAKEL_RESOURCES`, or the nearest `Resources/` above the executable (as in a checkout).
    static func locate() throws -> URL {
        let fileManager = FileManager.default
        if let configured = ProcessInfo.processInfo.environment["SCHAKEL_RESOURCES"], !configured.isEmpty {
            let url = URL(fileURLWithPath: configured)
            guard fileManager.fileExists(atPath: url.appendingPathComponent(workflowFile).path) else {
                throw StartupFailure(description: "SCHAKEL_RESOURCES wijst naar \(configured), maar daar staat geen \(workflowFile).")
            }
            return url
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("Resources")
            if fileManager.fileExists(atPath: candidate.appendingPathComponent(workflowFile).path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        throw StartupFailure(description: "De map Resources/ van Schakel is niet gevonden; zet SCHAKEL_RESOURCES op het pad ervan.")
    }

    private static func text(_ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw StartupFailure(description: "\(url.path) ontbreekt of is geen UTF-8-tekst.")
        }
        return text
    }
}

private extension Array where Element == String {
    func dropLastEmpty() -> [String] {
        var lines = self
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
