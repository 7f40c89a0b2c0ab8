import Foundation
import Meldroute
import SchakelCore
import SchakelStore

/// The data files Schakel runs on, from `Resources/`: workflows, the calendar, help texts.
struct Resources {
    let workflow: WorkflowDefinition
    /// The KMT's work process, which cases follow.
    let caseWorkflow: WorkflowDefinition
    /// The `overleg` workflow, which meetings follow.
    let meetingWorkflow: WorkflowDefinition
    /// Advies en consult: a professional's question answered. Loaded and checked at every start, and
    /// named by the retention rules; the consult records that follow it are the next step of issue 28.
    let consultWorkflow: WorkflowDefinition
    /// The recurring meetings and their rhythm.
    let meetingSeries: [MeetingSeriesDefinition]
    /// The shipped sociale kaart.
    let directory: ShippedDirectory
    /// Whom to call first for a situation.
    let callRules: [CallRule]
    let calendar: WorkingDayCalendar
    let helpLines: [String]
    /// The estimate the figures lay the signals beside.
    let estimate: VictimEstimate
    /// How long the personal data of finished records are kept.
    let retention: RetentionRules
    /// The kinds of activity (each under its pillar) and their audiences.
    let activities: ActivityVocabulary

    static let workflowDirectory = "workflows"
    static let signalWorkflow = "gemeentelijke-meldroute"
    static let caseWorkflow = "kmt-werkproces"
    static let meetingWorkflow = "overleg"
    static let consultWorkflow = "advies-en-consult"
    static let meetingSeriesFile = "meetings/reeksen.yaml"
    static let directoryFile = "socialekaart/organisaties.yaml"
    static let callRulesFile = "socialekaart/wie-bel-ik.yaml"
    static let workflowFile = "\(workflowDirectory)/\(signalWorkflow).yaml"
    static let calendarFile = "calendar/gelijkgestelde-dagen.yaml"
    /// Optional: the organisation's own closing days, in the same format.
    static let localClosingDaysFile = "calendar/lokale-sluitingsdagen.yaml"
    static let helpFile = "help/sneltoetsen.txt"
    static let estimateFile = "cijfers/schatting.yaml"
    static let retentionFile = "bewaren/bewaartermijnen.yaml"
    static let activitiesFile = "activiteiten/soorten.yaml"

    /// Loads every file, reporting the first problem with its file (and line, where known).
    /// An officer's session passes `honouringEnvironment: false`: `SCHAKEL_RESOURCES` is then
    /// ignored, so nobody can bring workflows or rules of their own.
    static func load(honouringEnvironment: Bool = true) throws -> Resources {
        let directory = try locate(honouringEnvironment: honouringEnvironment)
        let help = try text(helpFile, in: directory)
        let shippedDirectory = try DirectoryFile.parse(yaml: try text(directoryFile, in: directory), file: directoryFile,
                                                       vocabulary: .schakel)
        let workflows = try [signalWorkflow, caseWorkflow, meetingWorkflow, consultWorkflow].map { name in
            try workflow(named: name, in: directory)
        }
        let states = Dictionary(uniqueKeysWithValues: workflows.map { ($0.name, Set($0.states.map(\.id))) })
        return Resources(workflow: workflows[0], caseWorkflow: workflows[1], meetingWorkflow: workflows[2], consultWorkflow: workflows[3],
                         meetingSeries: try MeetingSeriesFile.parse(yaml: try text(meetingSeriesFile, in: directory), file: meetingSeriesFile,
                                                                    kinds: Set(MeetingKind.allCases.map(\.rawValue))),
                         directory: shippedDirectory,
                         callRules: try CallAdviceFile.parse(yaml: try text(callRulesFile, in: directory), file: callRulesFile,
                                                             forms: Set(ExploitationForm.allCases.map(\.code)),
                                                             organisations: Set(shippedDirectory.organisations.map(\.key))),
                         calendar: try calendar(in: directory),
                         helpLines: help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastEmpty(),
                         estimate: try estimate(in: directory),
                         retention: try RetentionFile.parse(yaml: try text(retentionFile, in: directory), file: retentionFile,
                                                            workflows: states),
                         activities: try ActivityVocabularyFile.parse(yaml: try text(activitiesFile, in: directory), file: activitiesFile))
    }

    /// Both shipped workflows: the municipal route and the KMT process.
    var workflows: Workflows {
        Workflows(signalRoute: WorkflowEngine(workflow), caseProcess: WorkflowEngine(caseWorkflow), consult: WorkflowEngine(consultWorkflow))
    }

    /// The meetings the series bring from `today` for the coming twelve months.
    func upcomingMeetings(from today: CivilDate) -> [PlannedMeeting] {
        MeetingSchedule.upcoming(meetingSeries, from: today, calendar: calendar)
    }

    /// The working-day calendar: computed holidays plus the equalised and local closing days.
    static func calendar(in directory: URL) throws -> WorkingDayCalendar {
        var extraDays = try CalendarDataFile.parse(yaml: try text(calendarFile, in: directory), file: calendarFile)
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent(localClosingDaysFile).path) {
            extraDays += try CalendarDataFile.parse(yaml: try text(localClosingDaysFile, in: directory), file: localClosingDaysFile)
        }
        return WorkingDayCalendar(extraDays: extraDays)
    }

    static func estimate(in directory: URL) throws -> VictimEstimate {
        let parsed = try EstimateFile.parse(yaml: try text(estimateFile, in: directory), file: estimateFile)
        return VictimEstimate(victimsPerYear: parsed.victimsPerYear, reportedVictimsPerYear: parsed.reportedPerYear, source: parsed.source)
    }

    /// The shipped workflow `name`, from `workflows/<name>.yaml`.
    static func workflow(named name: String, in directory: URL) throws -> WorkflowDefinition {
        let file = "\(workflowDirectory)/\(name).yaml"
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path) else {
            let known = workflowNames(in: directory).joined(separator: ", ")
            throw StartupFailure(description: "Workflow '\(name)' bestaat niet. Beschikbaar: \(known).")
        }
        return try WorkflowLoader.load(yaml: try text(file, in: directory), file: file)
    }

    static func workflowNames(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(workflowDirectory).path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// `SCHAKEL_RESOURCES`, or the nearest `Resources/` above the executable (as in a checkout),
    /// or `share/schakel` beside the executable's folder (the Debian package: /usr/bin/schakel
    /// reads /usr/share/schakel).
    static func locate(honouringEnvironment: Bool = true) throws -> URL {
        let fileManager = FileManager.default
        if honouringEnvironment, let configured = ProcessInfo.processInfo.environment["SCHAKEL_RESOURCES"], !configured.isEmpty {
            let url = URL(fileURLWithPath: configured)
            guard fileManager.fileExists(atPath: url.appendingPathComponent(workflowFile).path) else {
                throw StartupFailure(description: "SCHAKEL_RESOURCES wijst naar \(configured), maar daar staat geen \(workflowFile).")
            }
            return url
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        let packaged = directory.deletingLastPathComponent().appendingPathComponent("share/schakel")
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("Resources")
            if fileManager.fileExists(atPath: candidate.appendingPathComponent(workflowFile).path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        if fileManager.fileExists(atPath: packaged.appendingPathComponent(workflowFile).path) { return packaged }
        throw StartupFailure(description: "De map Resources/ van Schakel is niet gevonden; zet SCHAKEL_RESOURCES op het pad ervan.")
    }

    static func text(_ name: String, in directory: URL) throws -> String {
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
