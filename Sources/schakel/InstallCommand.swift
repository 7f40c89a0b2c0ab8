import ArgumentParser
import Foundation
import Glibc
import SchakelCore
import SchakelStore

/// The options that say where a deployment lives; shared by `installeer` and `doctor`.
struct DeploymentOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "Pad van de database.")
    var databasePath = "/var/lib/schakel/schakel.sqlite"

    @Option(name: .customLong("account"), help: "Het service-account dat de database bezit.")
    var serviceAccount = "schakel"

    @Option(name: .customLong("groep"), help: "De groep van iedereen die Schakel via SSH gebruikt.")
    var officerGroup = "schakel-gebruikers"

    @Option(name: .customLong("programma"), help: "Pad van het geïnstalleerde programma (standaard: dit programma).")
    var executable: String?

    @Option(name: .customLong("backupmap"), help: "Map voor de dagelijkse back-ups.")
    var backupFolder = "/var/backups/schakel"

    @Option(name: .customLong("bewaar"), help: "Hoeveel back-ups er bewaard blijven.")
    var keptBackups = 14

    @Option(name: .customLong("wortel"), help: .hidden)
    var root = ""

    /// The plan, once every name and path is one sshd and sudo read as meant.
    func plan() throws -> DeploymentPlan {
        let plan = DeploymentPlan(serviceAccount: serviceAccount, officerGroup: officerGroup,
                       executable: executable ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path,
                       databasePath: databasePath, backupFolder: backupFolder, keptBackups: keptBackups, root: root)
        if let unsafe = plan.unsafeValue {
            throw StartupFailure(description: "'\(unsafe)' kan niet in de sshd- en sudo-regels: gebruik alleen letters, cijfers en / . _ -")
        }
        guard keptBackups >= 1 else { throw StartupFailure(description: "--bewaar moet minstens 1 zijn.") }
        return plan
    }
}

/// `schakel installeer`: what a server needs so that officers get Schakel over SSH and nothing
/// else. Prints it; with `--schrijf` (as root) writes it.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "installeer",
        abstract: "Toon (of schrijf, met --schrijf) de inrichting van een server: sshd, sudo, mappen, back-uptimer.",
        discussion: "Lees docs/DEPLOY.md eerst. Controleer een ingerichte server met 'schakel doctor'."
    )

    @OptionGroup var options: DeploymentOptions

    @Flag(name: .customLong("schrijf"), help: "Schrijf de bestanden en maak de mappen (als root).")
    var write = false

    /// For `Scripts/build-deb.sh`: only the configuration files, under `--wortel`, for the package.
    @Flag(name: .customLong("alleen-bestanden"), help: .hidden)
    var filesOnly = false

    func run() throws {
        let plan = try Startup.exitOnFailure { try options.plan() }
        guard write || filesOnly else {
            Console.say(InstallationText.render(plan))
            return
        }
        if plan.isPackaged && !filesOnly {
            Console.complain("schakel: Schakel is hier als Debian-pakket geïnstalleerd; het pakket maakte de accounts, de mappen en "
                + "de bestanden al. 'installeer --schrijf' is voor een installatie zonder pakket. Controleer met 'schakel doctor'.\n")
            throw ExitCode(1)
        }
        try Startup.exitOnFailure { try Installation(plan: plan).write(foldersToo: !filesOnly) }
    }
}

/// The plan as an administrator reads it.
enum InstallationText {
    static func render(_ plan: DeploymentPlan) -> String {
        var lines = plan.isPackaged
            ? ["# Schakel is hier als Debian-pakket geïnstalleerd: het pakket maakte dit al (behalve de gebruikers en de database).",
               "# Ter controle; 'schakel doctor' loopt het na.", ""]
            : ["# Schakel op deze server: wat er nodig is. Schrijf het met 'schakel installeer --schrijf' (als root).", ""]
        lines += ["## 1. Accounts (eenmalig, als root)"] + plan.accountCommands + [""]
        lines += ["## 2. Mappen"]
        lines += plan.folders.map { "\($0.path)  eigenaar \($0.owner), rechten \(LaunchPolicy.octal($0.mode)): \($0.purpose)" }
        lines += ["\(plan.databasePath)  eigenaar \(plan.serviceAccount), rechten 0600 (gemaakt door 'schakel beheer init')", ""]
        for (number, file) in plan.files.enumerated() {
            lines += ["## \(number + 3). \(file.path) (rechten \(LaunchPolicy.octal(file.mode)))", file.text]
        }
        lines += ["## \(plan.files.count + 3). Daarna"] + plan.activationCommands
        return lines.joined(separator: "\n")
    }
}

/// Writing the plan: folders with their owners and modes, then each file whole (sudo's checked
/// by visudo before it is put in place: a broken file there would break sudo for everyone).
struct Installation {
    let plan: DeploymentPlan

    func write(foldersToo: Bool = true) throws {
        for folder in plan.folders where foldersToo {
            try make(folder)
            Console.say("Map: \(folder.path) (\(folder.owner), \(LaunchPolicy.octal(folder.mode)))")
        }
        for file in plan.files {
            Console.say("\(try place(file)): \(file.path)")
        }
        if foldersToo { Console.say("Nu nog:\n" + plan.activationCommands.map { "  " + $0 }.joined(separator: "\n")) }
    }

    private func make(_ folder: PlannedFolder) throws {
        guard let account = getpwnam(folder.owner) else {
            throw StartupFailure(description: "Het account '\(folder.owner)' bestaat niet. Maak het eerst:\n  "
                + plan.accountCommands[0])
        }
        do {
            try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        } catch {
            throw StartupFailure(description: "De map \(folder.path) kan niet worden gemaakt: \(error.localizedDescription)")
        }
        guard chown(folder.path, account.pointee.pw_uid, account.pointee.pw_gid) == 0, chmod(folder.path, mode_t(folder.mode)) == 0 else {
            throw StartupFailure(description: "Eigenaar of rechten van \(folder.path) kunnen niet worden gezet (\(String(cString: strerror(errno)))); "
                + "voer dit uit als root.")
        }
    }

    /// Writes the file beside its place, checks it, then renames it in.
    private func place(_ file: PlannedFile) throws -> String {
        let existing = FileManager.default.contents(atPath: file.path).flatMap { String(data: $0, encoding: .utf8) }
        if existing == file.text { return "Ongewijzigd" }
        let folder = URL(fileURLWithPath: file.path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let staged = folder + "/.schakel-nieuw"
        try ExportFile.write(file.text, to: staged)
        defer { unlink(staged) }
        if file.path == plan.sudoersPath, let problem = Self.sudoersProblem(staged) {
            throw StartupFailure(description: "visudo keurt \(file.path) af; er is niets geschreven:\n\(problem)")
        }
        guard chmod(staged, mode_t(file.mode)) == 0, rename(staged, file.path) == 0 else {
            throw StartupFailure(description: "\(file.path) kan niet worden geschreven (\(String(cString: strerror(errno)))); voer dit uit als root.")
        }
        return existing == nil ? "Geschreven" : "Bijgewerkt"
    }

    /// visudo's complaint about a sudoers file, if visudo is installed and has one.
    static func sudoersProblem(_ path: String) -> String? {
        guard let visudo = ["/usr/sbin/visudo", "/usr/bin/visudo"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: visudo)
        process.arguments = ["-c", "-q", "-f", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        guard (try? process.run()) != nil else { return nil }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : text
    }
}
