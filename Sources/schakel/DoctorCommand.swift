import ArgumentParser
import Foundation
import Glibc
import SchakelCore
import SchakelStore

/// `schakel doctor`: checks a running deployment against what `installeer` sets up, and says
/// exactly what is wrong and how to mend it. Exit status 1 when anything is.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Controleer de inrichting van deze server; exit-status 1 als er iets mis is.",
        discussion: "Voer het uit als root (sommige bestanden zijn alleen voor root leesbaar), met dezelfde opties als 'installeer'."
    )

    @OptionGroup var options: DeploymentOptions

    func run() throws {
        let plan = try Startup.exitOnFailure { try options.plan() }
        let findings = DeploymentCheck.findings(ServerInspection.facts(for: plan), plan: plan)
        for finding in findings {
            Console.say((finding.isProblem ? "PROBLEEM  " : finding.isWarning ? "LET OP    " : "in orde   ") + finding.text)
            if let mend = finding.mend { Console.say("          herstel: \(mend)") }
        }
        let problems = findings.filter(\.isProblem).count, warnings = findings.filter(\.isWarning).count
        let said = warnings == 0 ? "" : " (\(warnings) \(warnings == 1 ? "waarschuwing" : "waarschuwingen"))"
        Console.say(problems == 0 ? "\nAlles in orde\(said)." : "\n\(problems) \(problems == 1 ? "probleem" : "problemen") gevonden\(said).")
        if problems > 0 { throw ExitCode(1) }
    }
}

/// Reads the facts `doctor` judges off this server.
enum ServerInspection {
    static func facts(for plan: DeploymentPlan) -> ServerFacts {
        let resourcesFolder = try? Resources.locate(honouringEnvironment: false).path
        var paths: [String: PathFacts] = [:]
        for path in DeploymentCheck.paths(of: plan, resourcesFolder: resourcesFolder) { paths[path] = inspect(path) }
        var resourcesProblem: String?, resources: Resources?
        do { resources = try Resources.load(honouringEnvironment: false) } catch { resourcesProblem = "\(error)" }
        let account = getpwnam(plan.serviceAccount).map { $0.pointee.pw_uid }
        var facts = ServerFacts(serviceAccountID: account, officerGroupExists: getgrnam(plan.officerGroup) != nil, paths: paths,
                                database: database(plan.databasePath), newestBackupAge: newestBackupAge(in: plan.backupFolder),
                                resourcesProblem: resourcesProblem, resourcesFolder: resourcesFolder)
        if let account { facts.foreignFiles = foreignFiles(in: plan.databaseFolder, owner: account) }
        let store = try? Store.open(path: plan.databasePath, readOnly: true)
        facts.auditAnchorAge = (try? store?.hoursSinceAuditAnchor()) ?? nil
        if let store, let rules = resources?.retention { facts.retentionConfirmed = try? store.retentionRulesConfirmed(rules) }
        if let store { facts.unfinishedDestructionLists = try? store.unfinishedDestructionLists() }
        return facts
    }

    /// The files directly in `folder` that `owner` does not own.
    static func foreignFiles(in folder: String, owner: UInt32) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().map { folder + "/" + $0 }.filter { path in
            var status = stat()
            return lstat(path, &status) == 0 && status.st_uid != owner
        }
    }

    static func inspect(_ path: String) -> PathFacts {
        var status = stat()
        guard stat(path, &status) == 0 else { return errno == ENOENT ? .missing : .unreadable }
        let facts = FileFacts(ownerID: status.st_uid, mode: UInt32(status.st_mode))
        let isSmallFile = status.st_mode & S_IFMT == S_IFREG && status.st_size < 256 * 1024
        let text = isSmallFile ? FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) } : nil
        return .present(facts, text: text)
    }

    /// Opened read-only: `doctor` changes nothing, not even the schema.
    static func database(_ path: String) -> DatabaseReport {
        guard FileManager.default.fileExists(atPath: path) else { return .failed("het bestand bestaat niet") }
        do {
            let health = try Store.open(path: path, readOnly: true).health()
            return .opened(problems: health.problems, activeAdministrators: health.activeAdministrators,
                           isDemo: health.isDemo)
        } catch {
            return .failed("\(error)")
        }
    }

    static func newestBackupAge(in folder: String) -> Double? {
        let newest = BackupFolder.copies(in: folder).last
        return newest.map { Date().timeIntervalSince($0.made) / 3600 }
    }
}
