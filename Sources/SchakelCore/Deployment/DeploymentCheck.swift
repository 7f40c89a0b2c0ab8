/// What `doctor` found about one part of a deployment, and how to mend it when it is wrong.
public struct DoctorFinding: Hashable, Sendable {
    public let isProblem: Bool
    /// Not wrong with the server, but not done yet either (the retention periods confirmed): said,
    /// not counted as a problem.
    public var isWarning = false
    public let text: String
    /// The command or step that mends it.
    public let mend: String?

    static func fine(_ text: String) -> DoctorFinding { DoctorFinding(isProblem: false, text: text, mend: nil) }
    static func problem(_ text: String, mend: String?) -> DoctorFinding { DoctorFinding(isProblem: true, text: text, mend: mend) }
    static func warning(_ text: String, mend: String?) -> DoctorFinding {
        DoctorFinding(isProblem: false, isWarning: true, text: text, mend: mend)
    }
}

/// A path on the server, as `doctor` found it.
public enum PathFacts: Hashable, Sendable {
    case missing
    /// There, but this process may not read it (not run as root?).
    case unreadable
    /// There: its owner and mode, and its text when it is a small file that was read.
    case present(FileFacts, text: String?)
}

/// The database's own report, or why it could not be opened.
public enum DatabaseReport: Hashable, Sendable {
    case opened(problems: [String], activeAdministrators: Int, isDemo: Bool)
    case failed(String)
}

/// Everything `doctor` read off the server; gathered at the edge, judged here.
public struct ServerFacts: Hashable, Sendable {
    public var serviceAccountID: UInt32?
    public var officerGroupExists: Bool
    public var paths: [String: PathFacts]
    public var database: DatabaseReport
    /// Hours since the newest backup was made; nil when there is none.
    public var newestBackupAge: Double?
    /// Why the shipped resources do not load, if they do not.
    public var resourcesProblem: String?
    /// Where the executable's `Resources/` folder is.
    public var resourcesFolder: String?
    /// Files in the database's folder that the service account does not own (a lock file left by
    /// root, say): sessions cannot use them.
    public var foreignFiles: [String] = []
    /// Hours since `schakel audit anker` last anchored the audit log in the system log; nil when it never did.
    public var auditAnchorAge: Double?
    /// Whether a beheerder confirmed the retention periods as they are in the file; nil when unknown.
    public var retentionConfirmed: Bool?
    /// Approved destruction lists not every record of which was destroyed (interrupted); nil when unknown.
    public var unfinishedDestructionLists: [Int64]?

    public init(serviceAccountID: UInt32?, officerGroupExists: Bool, paths: [String: PathFacts], database: DatabaseReport,
                newestBackupAge: Double?, resourcesProblem: String?, resourcesFolder: String?) {
        self.serviceAccountID = serviceAccountID
        self.officerGroupExists = officerGroupExists
        self.paths = paths
        self.database = database
        self.newestBackupAge = newestBackupAge
        self.resourcesProblem = resourcesProblem
        self.resourcesFolder = resourcesFolder
    }
}

/// Judges a server against its plan: each part in order, each problem with its remedy.
public enum DeploymentCheck {
    public static let sshdMainConfig = "/etc/ssh/sshd_config"

    /// Every path `doctor` needs facts about.
    public static func paths(of plan: DeploymentPlan, resourcesFolder: String?) -> [String] {
        [plan.databaseFolder, plan.databasePath, plan.exportFolder, plan.backupFolder, plan.root + sshdMainConfig]
            + plan.files.map(\.path) + [plan.executable] + (resourcesFolder.map { [$0] } ?? [])
    }

    public static func findings(_ facts: ServerFacts, plan: DeploymentPlan) -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        let account = plan.serviceAccount
        if let id = facts.serviceAccountID {
            findings.append(.fine("Het service-account \(account) bestaat (uid \(id))."))
        } else {
            findings.append(.problem("Het service-account \(account) bestaat niet.", mend: plan.accountCommands[0]))
        }
        findings.append(facts.officerGroupExists
            ? .fine("De groep \(plan.officerGroup) bestaat.")
            : .problem("De groep \(plan.officerGroup) bestaat niet.", mend: plan.accountCommands[1]))
        let owned = OwnedPaths(facts: facts, account: account)
        findings.append(owned.check(plan.databaseFolder, what: "De map van de database", mode: 0o700, isFolder: true))
        findings.append(owned.check(plan.databasePath, what: "De database", mode: 0o600, isFolder: false,
                                    whenMissing: plan.activationCommands[3]))
        if !facts.foreignFiles.isEmpty {
            findings.append(.problem("Niet van \(account): " + facts.foreignFiles.joined(separator: ", ") + ".",
                                     mend: "chown \(account):\(account) " + facts.foreignFiles.joined(separator: " ")))
        }
        findings += database(facts.database)
        findings.append(owned.check(plan.exportFolder, what: "De exportmap", mode: 0o700, isFolder: true))
        findings.append(owned.check(plan.backupFolder, what: "De back-upmap", mode: 0o700, isFolder: true))
        findings.append(backupAge(facts.newestBackupAge))
        if case .opened = facts.database { findings.append(anchorAge(facts.auditAnchorAge)) }
        if let confirmed = facts.retentionConfirmed { findings.append(retention(confirmed: confirmed, in: plan.retentionFile)) }
        if let lists = facts.unfinishedDestructionLists, !lists.isEmpty {
            findings.append(.problem("Goedgekeurde vernietigingslijst \(lists.map(String.init).joined(separator: ", ")) is niet af: "
                                     + "niet elk record is vernietigd.", mend: "schakel bewaren uitvoeren --db PAD"))
        }
        findings.append(includesDropIns(facts.paths[plan.root + sshdMainConfig] ?? .missing))
        for file in plan.files {
            findings.append(configuration(file, found: facts.paths[file.path] ?? .missing))
        }
        findings.append(rootOwned(plan.executable, what: "Het programma", facts.paths[plan.executable] ?? .missing))
        if let folder = facts.resourcesFolder {
            findings.append(rootOwned(folder, what: "De map Resources", facts.paths[folder] ?? .missing))
        }
        findings.append(facts.resourcesProblem.map { .problem("De meegeleverde gegevens laden niet: \($0)", mend: "Installeer Schakel opnieuw.") }
            ?? .fine("De workflows, kalender en sociale kaart laden."))
        return findings
    }

    private static func database(_ report: DatabaseReport) -> [DoctorFinding] {
        switch report {
        case .failed(let reason):
            return [.problem("De database kan niet worden geopend: \(reason)", mend: nil)]
        case .opened(let problems, let administrators, let isDemo):
            var findings: [DoctorFinding] = []
            findings.append(problems.isEmpty
                ? .fine("De database is heel en het auditlog is onbeschadigd.")
                : .problem("De database of het auditlog is beschadigd: " + problems.joined(separator: "; "),
                           mend: "Zet de laatste goede back-up terug met 'schakel beheer herstel' (zie docs/DEPLOY.md)."))
            if isDemo {
                findings.append(.problem("Dit is een demodatabase, met verzonnen gegevens.", mend: "Maak een echte met 'schakel beheer init'."))
            }
            findings.append(administrators > 0
                ? .fine("Er \(administrators == 1 ? "is 1 actieve beheerder" : "zijn \(administrators) actieve beheerders").")
                : .problem("Er is geen actieve beheerder.", mend: "schakel gebruiker toevoegen LOGIN --naam NAAM --rol beheerder --db PAD "
                           + "(als het service-account)"))
            return findings
        }
    }

    private static func backupAge(_ hours: Double?) -> DoctorFinding {
        guard let hours else {
            return .problem("Er is nog geen back-up.", mend: "systemctl start schakel-backup.service (en de timer: "
                            + "systemctl enable --now schakel-backup.timer)")
        }
        let shown = hours < 1 ? "minder dan een uur" : "\(Int(hours)) uur"
        return hours <= 26
            ? .fine("De nieuwste back-up is \(shown) oud.")
            : .problem("De nieuwste back-up is \(shown) oud.", mend: "systemctl status schakel-backup.timer schakel-backup.service")
    }

    /// The daily anchor runs with the backup, into the system log.
    private static func anchorAge(_ hours: Double?) -> DoctorFinding {
        let mend = "systemctl start schakel-backup.service; de ankers staan in journalctl -u schakel-backup.service"
        guard let hours else { return .problem("Het auditlog is nog nooit verankerd in het systeemlog.", mend: mend) }
        let shown = hours < 1 ? "minder dan een uur" : "\(Int(hours)) uur"
        return hours <= 26
            ? .fine("Het laatste anker van het auditlog is \(shown) oud.")
            : .problem("Het laatste anker van het auditlog is \(shown) oud.", mend: mend)
    }

    private static func retention(confirmed: Bool, in retentionFile: String) -> DoctorFinding {
        confirmed ? .fine("De bewaartermijnen zijn bevestigd zoals ze in het bestand staan.")
            : .warning("De bewaartermijnen zijn nog niet bevestigd: de meegeleverde zijn voorbeelden, of het bestand veranderde sinds.",
                       mend: "laat de FG de termijnen in \(retentionFile) vaststellen, zet 'voorlopig: nee' "
                           + "en voer uit: schakel bewaren bevestig --db PAD")
    }

    private static func includesDropIns(_ found: PathFacts) -> DoctorFinding {
        if found == .missing {
            return .problem("\(sshdMainConfig) ontbreekt.", mend: "apt install openssh-server")
        }
        guard case .present(_, let text?) = found else {
            return .problem("\(sshdMainConfig) is niet te lezen.", mend: "Voer 'schakel doctor' uit als root.")
        }
        let includes = text.split(separator: "\n").contains { line in
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            return words.first?.lowercased() == "include" && words.dropFirst().contains { $0.contains("sshd_config.d") }
        }
        return includes
            ? .fine("sshd leest /etc/ssh/sshd_config.d/.")
            : .problem("\(sshdMainConfig) leest /etc/ssh/sshd_config.d/ niet in.",
                       mend: "Zet bovenaan \(sshdMainConfig): Include /etc/ssh/sshd_config.d/*.conf")
    }

    private static func configuration(_ file: PlannedFile, found: PathFacts) -> DoctorFinding {
        let mend = "schakel installeer --schrijf (als root)"
        switch found {
        case .missing:
            return .problem("\(file.path) ontbreekt.", mend: mend)
        case .unreadable, .present(_, text: nil):
            return .problem("\(file.path) is niet te lezen.", mend: "Voer 'schakel doctor' uit als root.")
        case .present(let facts, let text?):
            if text != file.text { return .problem("\(file.path) wijkt af van wat Schakel verwacht.", mend: mend) }
            if facts.ownerID != 0 || facts.mode != file.mode {
                return .problem("\(file.path) heeft eigenaar uid \(facts.ownerID) en rechten \(LaunchPolicy.octal(facts.mode)); "
                                + "verwacht root en \(LaunchPolicy.octal(file.mode)).",
                                mend: "chown root:root \(file.path) && chmod \(String(file.mode, radix: 8)) \(file.path)")
            }
            return .fine("\(file.path) is in orde.")
        }
    }

    /// The program and its data must be root's and nobody else's to change: otherwise the
    /// service account (or anyone) could change what officers run.
    private static func rootOwned(_ path: String, what: String, _ found: PathFacts) -> DoctorFinding {
        guard case .present(let facts, _) = found else { return .problem("\(what) (\(path)) is niet gevonden.", mend: nil) }
        guard facts.ownerID == 0, facts.mode & 0o022 == 0 else {
            return .problem("\(what) (\(path)) is te wijzigen door een ander dan root (eigenaar uid \(facts.ownerID), rechten "
                            + "\(LaunchPolicy.octal(facts.mode))).", mend: "chown -R root:root \(path) && chmod -R go-w \(path)")
        }
        return .fine("\(what) is alleen door root te wijzigen.")
    }
}

/// Checks of the files and folders the service account must own, and nobody else may enter.
private struct OwnedPaths {
    let facts: ServerFacts
    let account: String

    func check(_ path: String, what: String, mode: UInt32, isFolder: Bool, whenMissing: String? = nil) -> DoctorFinding {
        let fix = "chown \(account):\(account) \(path) && chmod \(String(mode, radix: 8)) \(path)"
        switch facts.paths[path] ?? .missing {
        case .missing:
            return .problem("\(what) (\(path)) bestaat niet.", mend: whenMissing ?? "schakel installeer --schrijf (als root)")
        case .unreadable:
            return .problem("\(what) (\(path)) is niet te lezen.", mend: "Voer 'schakel doctor' uit als root.")
        case .present(let found, _):
            if let owner = facts.serviceAccountID, found.ownerID != owner {
                return .problem("\(what) (\(path)) is niet van \(account) (eigenaar uid \(found.ownerID)).", mend: fix)
            }
            if found.isOpenToOthers {
                return .problem("\(what) (\(path)) is ook voor anderen toegankelijk (rechten \(LaunchPolicy.octal(found.mode))).", mend: fix)
            }
            let owner = facts.serviceAccountID == nil ? "" : "is van \(account), "
            return .fine("\(what) \(owner)heeft rechten \(LaunchPolicy.octal(found.mode)).")
        }
    }
}
