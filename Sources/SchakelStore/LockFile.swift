import Foundation
import Glibc

/// The lock files beside a database (`-schrijven.lock`, `-migratie.lock`, `-sessies.lock`).
enum LockFile {
    /// Opens (creating, owner-only) the lock file at `path`. As root, a file it creates is given
    /// to the owner of the database beside it, as SQLite does with its journal files: a command an
    /// administrator runs as root must not leave a file the service account cannot open.
    static func open(_ path: String, beside databasePath: String) -> Int32 {
        let existed = FileManager.default.fileExists(atPath: path)
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if descriptor >= 0, !existed, geteuid() == 0 {
            var database = stat()
            let owner: stat? = stat(databasePath, &database) == 0 ? database : folderStatus(of: databasePath)
            if let owner, owner.st_uid != 0 { fchown(descriptor, owner.st_uid, owner.st_gid) }
        }
        return descriptor
    }

    /// The status of the database's folder (for a database not made yet).
    private static func folderStatus(of databasePath: String) -> stat? {
        var folder = stat()
        return stat(URL(fileURLWithPath: databasePath).deletingLastPathComponent().path, &folder) == 0 ? folder : nil
    }
}
