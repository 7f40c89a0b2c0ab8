import Foundation
import SchakelCore

/// Writing an export: whole or not at all (a temporary file beside it, then renamed into place),
/// readable and writable by its owner only, since it holds what the meeting holds.
public enum ExportFile {
    public static func checkDirectory(of path: String) throws(StoreFailure) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try checkDirectory(directory)
    }

    static func checkDirectory(_ directory: String) throws(StoreFailure) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .refused("De map \(directory) bestaat niet; er is niets geschreven.")
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw .refused("In de map \(directory) mag niet worden geschreven; er is niets geschreven.")
        }
    }

    public static func write(_ text: String, to path: String) throws(StoreFailure) {
        try write(Data(text.utf8), to: path)
    }

    public static func write(_ data: Data, to path: String) throws(StoreFailure) {
        try checkDirectory(of: path)
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        // Created owner-only from the start: never readable by others, not even for a moment.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw failure(path) }
        let bytes = [UInt8](data)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                let problem = failure(path)
                close(descriptor)
                unlink(temporary)
                throw problem
            }
            written += result
        }
        let synced = fsync(descriptor) == 0 ? nil : failure(path)
        let closed = close(descriptor) == 0 ? nil : failure(path)
        if let problem = synced ?? closed ?? (rename(temporary, path) == 0 ? nil : failure(path)) {
            unlink(temporary)
            throw problem
        }
    }

    private static func failure(_ path: String) -> StoreFailure {
        let reason = errno == ENOSPC ? "de schijf is vol" : String(cString: strerror(errno))
        return .refused("\(path) kan niet worden geschreven (\(reason)); er is niets geschreven.")
    }
}
