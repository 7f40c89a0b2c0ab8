import Foundation
import Glibc
import SchakelCore

/// `<database>-sessies.lock`: every open session holds it shared; a restore holds it exclusively,
/// so that a database is never replaced under someone's feet, and nobody opens one being replaced.
/// The kernel drops the lock when a process ends, however it ends.
public final class SessionLock {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    public static func path(for databasePath: String) -> String { databasePath + "-sessies.lock" }

    /// A session's share; refused while a restore runs.
    public static func session(databasePath: String) throws(StoreFailure) -> SessionLock {
        guard let lock = try take(databasePath, LOCK_SH) else {
            throw .refused("De beheerder zet op dit moment een back-up terug. Probeer het over enkele minuten opnieuw.")
        }
        return lock
    }

    /// The whole database, for a restore; refused while any session is open.
    public static func exclusive(databasePath: String) throws(StoreFailure) -> SessionLock {
        guard let lock = try take(databasePath, LOCK_EX) else {
            throw .refused("Er is nog een sessie open op \(databasePath). Vraag iedereen Schakel af te sluiten en probeer het opnieuw; "
                           + "er is niets veranderd.")
        }
        return lock
    }

    private static func take(_ databasePath: String, _ operation: Int32) throws(StoreFailure) -> SessionLock? {
        let lockPath = path(for: databasePath)
        let descriptor = LockFile.open(lockPath, beside: databasePath)
        guard descriptor >= 0 else { throw StoreFailure.unreadable(path: lockPath) }
        while flock(descriptor, operation | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            close(descriptor)
            return nil
        }
        return SessionLock(descriptor: descriptor)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
