/// A server's Schakel: where everything goes, who owns it, and the configuration for sshd, sudo
/// and systemd that confines officers to Schakel. `schakel installeer` prints or writes it;
/// `schakel doctor` checks a server against it. Pure: texts and paths only.
public struct DeploymentPlan: Hashable, Sendable {
    /// The service account that owns the database; officers run Schakel as it, through sudo.
    public var serviceAccount: String
    /// The OS group of everyone who may use Schakel over SSH.
    public var officerGroup: String
    public var executable: String
    public var databasePath: String
    public var backupFolder: String
    /// How many daily copies the backup keeps.
    public var keptBackups: Int
    /// Prefix for every system configuration path (`/etc/...`): empty on a server, a scratch
    /// folder in a test. The database and backup paths are used as given.
    public var root: String

    public init(serviceAccount: String = "schakel", officerGroup: String = "schakel-gebruikers", executable: String,
                databasePath: String = "/var/lib/schakel/schakel.sqlite", backupFolder: String = "/var/backups/schakel",
                keptBackups: Int = 14, root: String = "") {
        self.serviceAccount = serviceAccount
        self.officerGroup = officerGroup
        self.executable = executable
        self.databasePath = databasePath
        self.backupFolder = backupFolder
        self.keptBackups = keptBackups
        self.root = root
    }

    /// A name or path that would break the sshd or sudo line (a space, quote, comma…), if any.
    public var unsafeValue: String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-")
        return [serviceAccount, officerGroup, executable, databasePath, backupFolder].first { $0.isEmpty || !$0.allSatisfy(allowed.contains) }
    }

    public var databaseFolder: String { Self.folder(of: databasePath) }
    public var exportFolder: String { databaseFolder + "/export" }

    /// The one command an officer's SSH login runs: Schakel, through sudo, as the service account.
    public var sessionCommand: String { "\(executable) open --db \(databasePath)" }
    public var forceCommand: String { "/usr/bin/sudo -n -u \(serviceAccount) \(sessionCommand)" }

    /// Where the Debian package puts the program.
    public static let packagedExecutable = "/usr/bin/schakel"
    /// Installed by the Debian package (rather than by hand with `installeer --schrijf`): its
    /// systemd units are the package's, under /lib; the rest is where `installeer` puts it.
    public var isPackaged: Bool { executable == Self.packagedExecutable }

    public var sshdConfigPath: String { root + "/etc/ssh/sshd_config.d/schakel.conf" }
    public var sudoersPath: String { root + "/etc/sudoers.d/schakel" }
    public var keysFolder: String { root + "/etc/ssh/schakel-sleutels" }
    public var unitFolder: String { root + (isPackaged ? "/lib/systemd/system" : "/etc/systemd/system") }
    public var backupServicePath: String { unitFolder + "/schakel-backup.service" }
    public var backupTimerPath: String { unitFolder + "/schakel-backup.timer" }
    /// The retention periods the FG sets: the package's conffile, or the file in `Resources/`.
    public var retentionFile: String {
        isPackaged ? root + "/etc/schakel/bewaartermijnen.yaml" : "Resources/bewaren/bewaartermijnen.yaml"
    }

    /// sshd's block for the officers' group: Schakel and nothing else — no shell, no forwarding
    /// of any kind, no files, no rc scripts, and keys only where the administrator puts them.
    public var sshdBlock: String {
        """
        # Schakel: wie in de groep \(officerGroup) zit, krijgt via SSH Schakel en niets anders.
        # Gemaakt door 'schakel installeer'; controleer met 'schakel doctor'.
        Match Group \(officerGroup)
            ForceCommand \(forceCommand)
            DisableForwarding yes
            PermitTTY yes
            PermitUserRC no
            X11Forwarding no
            AllowAgentForwarding no
            AllowTcpForwarding no
            PermitTunnel no
            AuthorizedKeysFile \(keysFolder.dropping(prefix: root))/%u

        """
    }

    /// sudo's rule: the officers' group may run exactly the session command as the service
    /// account, without a password; only the SSH client's address is kept from their environment.
    public var sudoers: String {
        let group = "%" + officerGroup
        return """
        # Schakel: de groep \(officerGroup) start Schakel als \(serviceAccount), en alleen dat.
        # Gemaakt door 'schakel installeer'; controleer met 'visudo -c' en 'schakel doctor'.
        Defaults:\(group) env_reset, env_keep = "SSH_CLIENT LANG LC_ALL", !lecture
        \(group) ALL=(\(serviceAccount)) NOPASSWD: \(sessionCommand)

        """
    }

    public var backupService: String {
        """
        [Unit]
        Description=Schakel: anker van het auditlog en back-up van de database
        Documentation=man:schakel(1)
        # Tot 'schakel beheer init' de database maakte, is er niets te doen.
        ConditionPathExists=\(databasePath)

        [Service]
        Type=oneshot
        User=\(serviceAccount)
        Group=\(serviceAccount)
        UMask=0077
        # Het anker (NUMMER:HASH) gaat naar het journal, buiten de database: zie docs/DEPLOY.md.
        ExecStart=\(executable) audit anker --db \(databasePath)
        ExecStart=\(executable) beheer backup --db \(databasePath) --naar \(backupFolder) --bewaar \(keptBackups)

        """
    }

    public var backupTimer: String {
        """
        [Unit]
        Description=Schakel: dagelijks anker van het auditlog en back-up van de database
        Documentation=man:schakel(1)

        [Timer]
        OnCalendar=*-*-* 02:30:00
        Persistent=true

        [Install]
        WantedBy=timers.target

        """
    }

    /// Every folder Schakel needs, with its owner and mode. The program itself stays root's, so
    /// the service account cannot change what it runs.
    public var folders: [PlannedFolder] {
        [
            PlannedFolder(path: databaseFolder, owner: serviceAccount, mode: 0o700, purpose: "de database"),
            PlannedFolder(path: exportFolder, owner: serviceAccount, mode: 0o700, purpose: "exports (agenda's, verslagen)"),
            PlannedFolder(path: backupFolder, owner: serviceAccount, mode: 0o700, purpose: "back-ups"),
            PlannedFolder(path: keysFolder, owner: "root", mode: 0o755, purpose: "de SSH-sleutels van de gebruikers, één bestand per login"),
        ]
    }

    /// The files `installeer --schrijf` writes, with their modes.
    public var files: [PlannedFile] {
        [
            PlannedFile(path: sshdConfigPath, text: sshdBlock, mode: 0o644),
            PlannedFile(path: sudoersPath, text: sudoers, mode: 0o440),
            PlannedFile(path: backupServicePath, text: backupService, mode: 0o644),
            PlannedFile(path: backupTimerPath, text: backupTimer, mode: 0o644),
        ]
    }

    /// What to run before and after: accounts to create, services to reload.
    public var accountCommands: [String] {
        [
            "adduser --system --group --home \(databaseFolder) --no-create-home --shell /usr/sbin/nologin \(serviceAccount)",
            "addgroup \(officerGroup)",
            "# per gebruiker: adduser --allow-bad-names --disabled-password --shell /bin/sh --gecos '' LOGIN && adduser LOGIN \(officerGroup)",
            "# en de sleutel: install -m 644 id_LOGIN.pub \(keysFolder.dropping(prefix: root))/LOGIN",
        ]
    }

    public var activationCommands: [String] {
        [
            "visudo -c -f \(sudoersPath.dropping(prefix: root))",
            "sshd -t && systemctl reload ssh",
            "systemctl daemon-reload && systemctl enable --now schakel-backup.timer",
            "sudo -u \(serviceAccount) \(executable) beheer init --db \(databasePath) --beheerder LOGIN --naam 'NAAM'",
        ]
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }
}

public struct PlannedFolder: Hashable, Sendable {
    public let path: String
    public let owner: String
    public let mode: UInt32
    public let purpose: String
}

public struct PlannedFile: Hashable, Sendable {
    public let path: String
    public let text: String
    public let mode: UInt32
}

extension String {
    func dropping(prefix: String) -> String {
        guard !prefix.isEmpty, hasPrefix(prefix) else { return self }
        return String(dropFirst(prefix.count))
    }
}
