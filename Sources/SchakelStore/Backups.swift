import Foundation
import GRDB
import Glibc
import SchakelCore

/// One copy in a backup folder.
public struct BackupCopy: Equatable, Sendable {
    public let path: String
    public let made: Date
}

/// The copies in a backup folder: `schakel-JJJJMMDD-UUMMSS.sqlite`, oldest first.
public enum BackupFolder {
    public static let prefix = "schakel-"
    public static let suffix = ".sqlite"

    public static func copies(in folder: String) -> [BackupCopy] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }.sorted().compactMap { name in
            let path = folder + "/" + name
            guard let made = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { return nil }
            return BackupCopy(path: path, made: made)
        }
    }

    static func name(for moment: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return prefix + formatter.string(from: moment) + suffix
    }
}

/// What a backup did.
public struct BackupReport: Equatable, Sendable {
    public let copy: String
    public let auditEntries: Int
    public let removed: [String]
}

extension Store {
    /// A consistent copy while others work (`VACUUM INTO` reads one snapshot), owner-only, put in
    /// place only once it is verified whole: SQLite's integrity check and the audit chain. Then
    /// only the `keep` newest copies are kept. The backup itself is in the audit log (and so in
    /// the copy); one that fails is logged again as failed.
    public func backUp(into folder: String, keep: Int, by user: User) throws(StoreFailure) -> BackupReport {
        guard AccessPolicy.canManageSettings(user) else {
            try audit(AuditRecord(.export, "database", folder, result: .denied, detail: "back-up"), by: user)
            throw AccessPolicy.settingsRefusal(for: user)
        }
        try ExportFile.checkDirectory(folder)
        let final = folder + "/" + BackupFolder.name(for: now())
        guard !FileManager.default.fileExists(atPath: final) else { throw .refused("\(final) bestaat al; probeer het over een seconde opnieuw.") }
        let name = URL(fileURLWithPath: final).lastPathComponent
        try audit(AuditRecord(.export, "database", name, detail: "back-up"), by: user)
        do {
            return try copy(into: folder, as: final, keep: keep)
        } catch {
            try? audit(AuditRecord(.export, "database", name, result: .rejected, detail: "back-up mislukt"), by: user)
            throw error
        }
    }

    private func copy(into folder: String, as final: String, keep: Int) throws(StoreFailure) -> BackupReport {
        let staging = folder + "/.nieuwe-back-up.sqlite"
        unlink(staging)
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        do {
            // Outside a transaction, as VACUUM needs, on a reader: writers go on meanwhile.
            try pool.unsafeRead { db in try db.execute(sql: "VACUUM INTO ?", arguments: [staging]) }
        } catch {
            unlink(staging)
            throw Self.copyFailure(error, staging)
        }
        let health: DatabaseHealth
        do {
            health = try Store.open(path: staging, readOnly: true).health()
        } catch {
            unlink(staging)
            throw .refused("De nieuwe back-up kan niet worden gelezen (\(error)); de vorige back-ups zijn ongemoeid.")
        }
        guard health.isSound else {
            unlink(staging)
            throw .refused("De nieuwe back-up is niet in orde: \(health.problems.joined(separator: "; ")). Ze is weggegooid; "
                           + "de vorige back-ups zijn ongemoeid.")
        }
        try DurableFile.sync(staging)
        guard rename(staging, final) == 0 else {
            unlink(staging)
            throw .refused("\(final) kan niet worden geschreven (\(String(cString: strerror(errno)))).")
        }
        DurableFile.syncFolder(folder)
        let copies = BackupFolder.copies(in: folder)
        let removed = copies.count > keep ? copies.prefix(copies.count - keep).map(\.path) : []
        for path in removed { unlink(path) }
        return BackupReport(copy: final, auditEntries: health.audit.entries, removed: removed)
    }

    private static func copyFailure(_ error: Error, _ path: String) -> StoreFailure {
        let full = (error as? DatabaseError)?.resultCode == .SQLITE_FULL
        return .refused("De back-up kan niet worden geschreven (\(full ? "de schijf is vol" : "\(error)")); er is niets veranderd.")
    }
}

/// fsync for a file and its folder, so that a finished copy survives a power cut.
enum DurableFile {
    static func sync(_ path: String) throws(StoreFailure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, fsync(descriptor) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            throw .refused("\(path) kan niet worden weggeschreven (\(String(cString: strerror(errno)))).")
        }
        close(descriptor)
    }

    static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
