import Foundation
import Glibc

/// When root makes or replaces a database in the service account's folder, the files go to that
/// account: otherwise the sessions, which run as it, could not open them.
enum FolderOwnership {
    /// Gives the database's files (itself, its journal and lock files) that root owns to the owner
    /// of their folder. Does nothing unless run as root in a folder root does not own.
    static func giveToFolderOwner(_ databasePath: String) {
        guard geteuid() == 0 else { return }
        let folder = URL(fileURLWithPath: databasePath).deletingLastPathComponent().path
        var folderStatus = stat()
        guard stat(folder, &folderStatus) == 0, folderStatus.st_uid != 0 else { return }
        let name = URL(fileURLWithPath: databasePath).lastPathComponent
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where file.hasPrefix(name) {
            let path = folder + "/" + file
            var status = stat()
            if lstat(path, &status) == 0, status.st_uid == 0 { chown(path, folderStatus.st_uid, folderStatus.st_gid) }
        }
    }
}
