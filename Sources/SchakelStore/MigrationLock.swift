import Foundation
import Glibc
import SchakelCore

/// An exclusive lock on `<database>-migratie.lock`, held while migrations run. The kernel drops
/// it when the process ends, however it ends.
final class MigrationLock {
    private let path: String
    private let databasePath: String
    private var descriptor: Int32 = -1

    init(databasePath: String) {
        path = databasePath + "-migratie.lock"
        self.databasePath = databasePath
    }

    func acquire() throws {
        descriptor = LockFile.open(path, beside: databasePath)
        guard descriptor >= 0 else {
            // A database in a directory we may not write to cannot be migrated either; say so plainly.
            throw StoreFailure.unreadable(path: path)
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StoreFailure.other("kan \(path) niet vergrendelen: \(String(cString: strerror(errno)))") }
        }
    }

    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
