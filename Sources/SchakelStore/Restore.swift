import Foundation
import GRDB
import Glibc
import SchakelCore

/// What a restore did.
public struct RestoreReport: Equatable, Sendable {
    /// Where the database that was replaced now is (nil when there was none).
    public let setAside: String?
    public let auditEntries: Int
}

extension Store {
    /// Puts a verified backup in place of the database at `path`, only while no session is open
    /// (and keeps new ones out meanwhile). The replaced database is set aside beside it, never
    /// deleted; the restored one is brought up to date and records the restore in its audit log.
    public static func restore(copy: String, into path: String, by user: User,
                               origin: SessionOrigin = .local) throws(StoreFailure) -> RestoreReport {
        let health: DatabaseHealth
        do {
            health = try Store.open(path: copy, readOnly: true).health()
        } catch {
            throw .refused("\(copy) is geen leesbare Schakel-back-up (\(error)); er is niets veranderd.")
        }
        guard health.isSound else {
            throw .refused("\(copy) is niet in orde: \(health.problems.joined(separator: "; ")); er is niets veranderd.")
        }
        let lock = try SessionLock.exclusive(databasePath: path)
        defer { withExtendedLifetime(lock) {} }
        let setAside = try setAsideCurrent(path)
        let staging = path + ".herstel-nieuw"
        do {
            unlink(staging)
            try FileManager.default.copyItem(atPath: copy, toPath: staging)
        } catch {
            unlink(staging)
            try? putBack(setAside, at: path)
            throw .refused("De back-up kan niet naar \(path) worden gekopieerd (\(error.localizedDescription)); de database is ongemoeid.")
        }
        chmod(staging, 0o600)
        try DurableFile.sync(staging)
        guard rename(staging, path) == 0 else {
            unlink(staging)
            try? putBack(setAside, at: path)
            throw .refused("\(path) kan niet worden vervangen (\(String(cString: strerror(errno)))); de database is ongemoeid.")
        }
        DurableFile.syncFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        let restored = try Store.open(path: path, origin: origin)
        try restored.audit(AuditRecord(.update, "database", path, detail: "teruggezet uit \(URL(fileURLWithPath: copy).lastPathComponent)"),
                           by: user)
        return RestoreReport(setAside: setAside, auditEntries: health.audit.entries)
    }

    /// Moves the database and its journal files aside, after folding the journal in when it opens.
    private static func setAsideCurrent(_ path: String) throws(StoreFailure) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        if let current = try? Store.open(path: path) { try? current.checkpointAndClose() }
        let aside = path + ".voor-herstel-" + BackupFolder.name(for: Date()).dropFirst(BackupFolder.prefix.count).dropLast(BackupFolder.suffix.count)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            guard rename(path + suffix, aside + suffix) == 0 else {
                throw .refused("\(path + suffix) kan niet opzij worden gezet (\(String(cString: strerror(errno)))); er is niets veranderd.")
            }
        }
        return aside
    }

    private static func putBack(_ aside: String?, at path: String) throws {
        guard let aside else { return }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: aside + suffix) {
            rename(aside + suffix, path + suffix)
        }
    }
}
