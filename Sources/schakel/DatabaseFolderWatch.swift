import Foundation
import Glibc
import SchakelApp

/// inotify on the database's folder: readable when a file in it is written, created or moved
/// in — a colleague's commit (the WAL), a checkpoint, a restore. The session then asks
/// `PRAGMA data_version` whether anything really changed, so a wake costs one cheap query.
/// Without it (another kernel, no inotify instances left) the loop polls once a second.
final class DatabaseFolderWatch: ChangeNotification {
    let descriptor: Int32

    /// Nil when the folder cannot be watched; the caller then polls.
    init?(databasePath: String) {
        let folder = URL(fileURLWithPath: databasePath).deletingLastPathComponent().path
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        guard inotify_add_watch(fd, folder, UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO)) >= 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Reads every waiting event; what they name does not matter, only that something changed.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    }
}
