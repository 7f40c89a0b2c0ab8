import Foundation
import Glibc
import Testing

/// `schakel installeer` prints and writes a server's configuration; `schakel doctor` checks a
/// deployment, naming each problem with its remedy, and exits 1 while there is one.
@Suite struct InstallCommandTests {
    @Test func theSshdBlockConfinesTheGroupToSchakel() throws {
        let printed = try Spawn.run([Binary.path, "installeer", "--programma", "/opt/schakel/bin/schakel"])
        #expect(printed.status == 0)
        let block = printed.output.components(separatedBy: "Match Group schakel-gebruikers\n").dropFirst().first ?? ""
        for directive in ["ForceCommand /usr/bin/sudo -n -u schakel /opt/schakel/bin/schakel open --db /var/lib/schakel/schakel.sqlite",
                          "DisableForwarding yes", "PermitTTY yes", "PermitUserRC no", "X11Forwarding no", "AllowAgentForwarding no",
                          "AllowTcpForwarding no", "PermitTunnel no"] {
            #expect(block.contains("\n    \(directive)\n") || block.hasPrefix("    \(directive)\n"), "\(directive)")
        }
        #expect(printed.output.contains(
            "%schakel-gebruikers ALL=(schakel) NOPASSWD: /opt/schakel/bin/schakel open --db /var/lib/schakel/schakel.sqlite\n"))
        #expect(printed.output.contains("OnCalendar=*-*-* 02:30:00"))
        // The daily anchor of the audit log goes to the journal with the backup, before it.
        #expect(printed.output.contains("ExecStart=/opt/schakel/bin/schakel audit anker --db /var/lib/schakel/schakel.sqlite\n"
            + "ExecStart=/opt/schakel/bin/schakel beheer backup --db /var/lib/schakel/schakel.sqlite"))
        let unsafe = try Spawn.run([Binary.path, "installeer", "--db", "/var/lib/mijn schakel/db.sqlite"])
        #expect(unsafe.status == 1 && unsafe.errors.contains("'/var/lib/mijn schakel/db.sqlite' kan niet in de sshd- en sudo-regels"))
    }

    /// Where the Debian package installed Schakel, the package made the accounts, folders and files:
    /// `installeer` shows them for checking, and does not write a second set beside the package's.
    @Test func installeerLeavesAPackagedInstallToThePackage() throws {
        let root = try Binary.temporaryDirectory().path
        let printed = try Spawn.run([Binary.path, "installeer", "--programma", "/usr/bin/schakel", "--wortel", root])
        #expect(printed.status == 0)
        #expect(printed.output.hasPrefix("# Schakel is hier als Debian-pakket geïnstalleerd"), "\(printed.output)")
        #expect(printed.output.contains("## 6. \(root)/lib/systemd/system/schakel-backup.timer"), "\(printed.output)")
        let refused = try Spawn.run([Binary.path, "installeer", "--schrijf", "--programma", "/usr/bin/schakel", "--wortel", root])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("'installeer --schrijf' is voor een installatie zonder pakket"), "\(refused.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
    }

    @Test(.enabled(if: geteuid() == 0, "needs root: the folders are given to another account (nobody)"))
    func doctorNamesWhatIsWrongUntilNothingIs() throws {
        let root = try Binary.temporaryDirectory().path
        let database = root + "/var/lib/schakel/schakel.sqlite"
        let backups = root + "/var/backups/schakel"
        let deployment = ["--wortel", root, "--account", "nobody", "--groep", "nogroup", "--db", database, "--backupmap", backups]
        func schakel(_ arguments: [String]) throws -> Spawn.Result { try Spawn.run([Binary.path] + arguments) }

        let before = try schakel(["doctor"] + deployment)
        #expect(before.status == 1)
        #expect(before.output.contains("PROBLEEM  De map van de database (\(root)/var/lib/schakel) bestaat niet."))
        #expect(before.output.contains("PROBLEEM  \(root)/etc/sudoers.d/schakel ontbreekt.\n          herstel: schakel installeer --schrijf"))

        let written = try schakel(["installeer", "--schrijf"] + deployment)
        #expect(written.status == 0, "\(written.errors)")
        #expect(written.output.contains("Geschreven: \(root)/etc/ssh/sshd_config.d/schakel.conf"))
        #expect(try FileManager.default.attributesOfItem(atPath: root + "/etc/sudoers.d/schakel")[.posixPermissions] as? Int == 0o440)
        #expect(try FileManager.default.attributesOfItem(atPath: backups)[.ownerAccountID] as? Int == 65534)
        #expect(try schakel(["installeer", "--schrijf"] + deployment).output.contains("Ongewijzigd: \(root)/etc/sudoers.d/schakel"))

        try Data("Include /etc/ssh/sshd_config.d/*.conf\n".utf8).write(to: URL(fileURLWithPath: root + "/etc/ssh/sshd_config"))
        #expect(try schakel(["beheer", "init", "--db", database, "--beheerder", "beheer.twente"]).status == 0)
        // The backup runs as the service account, as its systemd unit does (root is not the owner).
        // As the unit runs it: the program installed where the service account can run it.
        let program = try Binary.installed(in: try Binary.temporaryDirectory())
        let backup = try Spawn.run(as: "nobody", [program, "beheer", "backup", "--db", database, "--naar", backups])
        #expect(backup.status == 0, "\(backup.errors)")
        // Made by root in the service account's folder, so given to it; a file root leaves there
        // by hand is named by doctor.
        let owners = try FileManager.default.contentsOfDirectory(atPath: root + "/var/lib/schakel").filter { $0 != "export" }.map {
            try FileManager.default.attributesOfItem(atPath: root + "/var/lib/schakel/" + $0)[.ownerAccountID] as? Int
        }
        #expect(!owners.isEmpty && owners.allSatisfy { $0 == 65534 }, "\(owners)")
        try Data().write(to: URL(fileURLWithPath: database + ".oud"))
        let foreign = try schakel(["doctor"] + deployment)
        #expect(foreign.output.contains("PROBLEEM  Niet van nobody: \(database).oud"), "\(foreign.output)")
        unlink(database + ".oud")
        #expect(foreign.output.contains("PROBLEEM  Het auditlog is nog nooit verankerd in het systeemlog.\n"
            + "          herstel: systemctl start schakel-backup.service"), "\(foreign.output)")
        // The anchor, as its systemd unit runs it: one line NUMMER:HASH for the journal.
        let anchor = try Spawn.run(as: "nobody", [program, "audit", "anker", "--db", database])
        #expect(anchor.status == 0, "\(anchor.errors)")
        #expect(anchor.output.wholeMatch(of: /[0-9]+:[0-9a-f]{64}\n/) != nil, "\(anchor.output)")
        let healthy = try schakel(["doctor"] + deployment)
        #expect(healthy.status == 0, "\(healthy.output)")
        // The shipped retention periods are placeholders: said, not counted as a problem.
        #expect(healthy.output.hasSuffix("\nAlles in orde (1 waarschuwing).\n"), "\(healthy.output)")
        #expect(healthy.output.contains("LET OP    De bewaartermijnen zijn nog niet bevestigd"))
        #expect(healthy.output.contains("in orde   De database is heel en het auditlog is onbeschadigd."))
        #expect(healthy.output.contains("in orde   Het laatste anker van het auditlog is minder dan een uur oud."))

        #expect(chmod(database, 0o644) == 0)
        try Data("# met de hand gewijzigd\n".utf8).write(to: URL(fileURLWithPath: root + "/etc/ssh/sshd_config.d/schakel.conf"))
        let broken = try schakel(["doctor"] + deployment)
        #expect(broken.status == 1)
        #expect(broken.output.contains("PROBLEEM  De database (\(database)) is ook voor anderen toegankelijk (rechten 0644).\n"
            + "          herstel: chown nobody:nobody \(database) && chmod 600 \(database)"))
        #expect(broken.output.contains("PROBLEEM  \(root)/etc/ssh/sshd_config.d/schakel.conf wijkt af van wat Schakel verwacht."))
        #expect(broken.output.hasSuffix("\n2 problemen gevonden (1 waarschuwing).\n"))
    }
}
