import Testing
@testable import SchakelCore

/// `doctor`'s judgement of a server's facts against the plan `installeer` writes.
@Suite struct DeploymentCheckTests {
    let plan = DeploymentPlan(executable: "/opt/schakel/bin/schakel")
    let service: UInt32 = 990

    func healthyFacts() -> ServerFacts {
        var paths: [String: PathFacts] = [
            plan.databaseFolder: .present(FileFacts(ownerID: service, mode: 0o700), text: nil),
            plan.databasePath: .present(FileFacts(ownerID: service, mode: 0o600), text: nil),
            plan.exportFolder: .present(FileFacts(ownerID: service, mode: 0o700), text: nil),
            plan.backupFolder: .present(FileFacts(ownerID: service, mode: 0o700), text: nil),
            DeploymentCheck.sshdMainConfig: .present(FileFacts(ownerID: 0, mode: 0o644), text: "Include /etc/ssh/sshd_config.d/*.conf\n"),
            plan.executable: .present(FileFacts(ownerID: 0, mode: 0o755), text: nil),
        ]
        for file in plan.files { paths[file.path] = .present(FileFacts(ownerID: 0, mode: file.mode), text: file.text) }
        var facts = ServerFacts(serviceAccountID: service, officerGroupExists: true, paths: paths,
                                database: .opened(problems: [], activeAdministrators: 1, isDemo: false), newestBackupAge: 5,
                                resourcesProblem: nil, resourcesFolder: nil)
        facts.auditAnchorAge = 5
        return facts
    }

    func problems(_ facts: ServerFacts) -> [DoctorFinding] { DeploymentCheck.findings(facts, plan: plan).filter(\.isProblem) }

    @Test func aServerAsPlannedHasNoProblems() {
        #expect(problems(healthyFacts()).isEmpty)
    }

    @Test func aProgramOthersMayChangeIsAProblem() {
        var facts = healthyFacts()
        facts.paths[plan.executable] = .present(FileFacts(ownerID: service, mode: 0o775), text: nil)
        #expect(problems(facts).map(\.text) == ["Het programma (/opt/schakel/bin/schakel) is te wijzigen door een ander dan root "
                                                + "(eigenaar uid 990, rechten 0775)."])
    }

    @Test func anOldBackupAMissingBeheerderAndADamagedLogAreProblems() {
        var facts = healthyFacts()
        facts.newestBackupAge = 50
        facts.database = .opened(problems: ["auditlog: regel 7: de inhoud klopt niet met de hash (gewijzigd)"], activeAdministrators: 0,
                                 isDemo: false)
        #expect(problems(facts).map(\.text) == [
            "De database of het auditlog is beschadigd: auditlog: regel 7: de inhoud klopt niet met de hash (gewijzigd)",
            "Er is geen actieve beheerder.",
            "De nieuwste back-up is 50 uur oud.",
        ])
    }

    @Test func anAuditLogNeverOrNotLatelyAnchoredIsAProblem() {
        var facts = healthyFacts()
        facts.auditAnchorAge = nil
        #expect(problems(facts).map(\.text) == ["Het auditlog is nog nooit verankerd in het systeemlog."])
        facts.auditAnchorAge = 30
        #expect(problems(facts).map(\.text) == ["Het laatste anker van het auditlog is 30 uur oud."])
        #expect(problems(facts).first?.mend?.hasPrefix("systemctl start schakel-backup.service") == true)
        // A database that does not open says so itself; no anchor finding on top of it.
        facts.database = .failed("het bestand bestaat niet")
        #expect(problems(facts).map(\.text) == ["De database kan niet worden geopend: het bestand bestaat niet"])
    }

    @Test func unconfirmedRetentionPeriodsAreAWarningNotAProblem() {
        var facts = healthyFacts()
        facts.retentionConfirmed = false
        let findings = DeploymentCheck.findings(facts, plan: plan)
        #expect(problems(facts).isEmpty)
        let warning = findings.first { $0.isWarning }
        #expect(warning?.text.hasPrefix("De bewaartermijnen zijn nog niet bevestigd") == true)
        #expect(warning?.mend?.contains("schakel bewaren bevestig") == true)
        facts.retentionConfirmed = true
        #expect(DeploymentCheck.findings(facts, plan: plan).contains { $0.isWarning } == false)
        #expect(DeploymentCheck.findings(facts, plan: plan).contains { $0.text.hasPrefix("De bewaartermijnen zijn bevestigd") })
    }

    @Test func anInterruptedDestructionIsAProblemWithItsRemedy() {
        var facts = healthyFacts()
        facts.unfinishedDestructionLists = []
        #expect(problems(facts).isEmpty)
        facts.unfinishedDestructionLists = [3]
        #expect(problems(facts).map(\.text) == ["Goedgekeurde vernietigingslijst 3 is niet af: niet elk record is vernietigd."])
        #expect(problems(facts).first?.mend == "schakel bewaren uitvoeren --db PAD")
    }

    @Test func aSudoersFileWithTheWrongModeIsNamedWithItsRemedy() {
        var facts = healthyFacts()
        facts.paths[plan.sudoersPath] = .present(FileFacts(ownerID: 0, mode: 0o644), text: plan.sudoers)
        #expect(problems(facts).map(\.mend) == ["chown root:root /etc/sudoers.d/schakel && chmod 440 /etc/sudoers.d/schakel"])
    }

    @Test func namesThatWouldBreakTheSshdOrSudoLineAreRefused() {
        #expect(DeploymentPlan(executable: "/opt/schakel/bin/schakel", databasePath: "/srv/a,b.sqlite").unsafeValue == "/srv/a,b.sqlite")
        #expect(DeploymentPlan(serviceAccount: "", executable: "/x").unsafeValue == "")
        #expect(plan.unsafeValue == nil)
    }

    /// The Debian package's program is /usr/bin/schakel: its backup units are the package's, under
    /// /lib; `doctor` looks for them there, and a hand-made copy in /etc is not what it expects.
    @Test func thePackagedProgramsUnitsAreThePackagesUnderLib() {
        let packaged = DeploymentPlan(executable: DeploymentPlan.packagedExecutable)
        #expect(packaged.isPackaged && !plan.isPackaged)
        #expect(packaged.backupServicePath == "/lib/systemd/system/schakel-backup.service")
        #expect(packaged.backupTimerPath == "/lib/systemd/system/schakel-backup.timer")
        #expect(plan.backupTimerPath == "/etc/systemd/system/schakel-backup.timer")
        #expect(packaged.sudoersPath == plan.sudoersPath && packaged.sshdConfigPath == plan.sshdConfigPath)
        #expect(packaged.forceCommand == "/usr/bin/sudo -n -u schakel /usr/bin/schakel open --db /var/lib/schakel/schakel.sqlite")
        // Until `beheer init` made the database, the nightly backup has nothing to do and does not fail.
        #expect(packaged.backupService.contains("ConditionPathExists=/var/lib/schakel/schakel.sqlite\n"))
        let paths = DeploymentCheck.paths(of: packaged, resourcesFolder: "/usr/share/schakel")
        #expect(paths.contains("/lib/systemd/system/schakel-backup.timer") && !paths.contains("/etc/systemd/system/schakel-backup.timer"))
        #expect(paths.contains("/usr/share/schakel"))
    }
}
