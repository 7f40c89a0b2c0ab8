import Dispatch
import Foundation
import Glibc
import SchakelCore

/// Writers of every process take turns through an exclusive `flock` on `<database>-schrijven.lock`.
/// A waiting writer sleeps in the kernel and is woken the moment the turn is given back, where
/// SQLite's own busy handling polls with growing sleeps and lets late-comers overtake: under
/// twenty writers some waited seconds. The wait is bounded: after `timeout` the writer gives up
/// with "busy", as SQLite would.
final class WriteTurn: @unchecked Sendable {
    private let path: String
    private let databasePath: String
    private let timeout: DispatchTimeInterval
    /// Waits that could not be had at once happen here, so that the caller can stop waiting.
    private let waiter = DispatchQueue(label: "schakel.schrijfbeurt")
    private let lock = NSLock()
    /// One writer of this process at a time holds the turn: a flock held through one descriptor is
    /// the whole process's, so two threads would otherwise both think they had it.
    private let inProcess = NSLock()
    private var descriptor: Int32 = -1

    init(databasePath: String, timeout: DispatchTimeInterval) {
        path = databasePath + "-schrijven.lock"
        self.databasePath = databasePath
        self.timeout = timeout
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Runs `body` while this process has the turn.
    func run<T>(_ body: () throws(StoreFailure) -> T) throws(StoreFailure) -> T {
        inProcess.lock()
        defer { inProcess.unlock() }
        let fd = try openedDescriptor()
        try take(fd)
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    private func openedDescriptor() throws(StoreFailure) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if descriptor < 0 {
            descriptor = LockFile.open(path, beside: databasePath)
            // A directory we may not write to: the database cannot be written either; SQLite will say so.
            guard descriptor >= 0 else { throw .readOnly(path: path) }
        }
        return descriptor
    }

    private func take(_ fd: Int32) throws(StoreFailure) {
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return }
        // Wait in the kernel on the waiter's thread; give up after the timeout. A turn that comes
        // after the caller gave up is handed straight on.
        let state = WaitState()
        let granted = DispatchSemaphore(value: 0)
        waiter.async {
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
            if state.finish() { granted.signal() } else { flock(fd, LOCK_UN) }
        }
        if granted.wait(timeout: .now() + timeout) == .success { return }
        if state.finish() { throw .busy }
        // The turn came just as the wait ran out: take it after all.
        granted.wait()
    }
}

/// Who finished first: the wait for the turn, or the caller giving up on it.
private final class WaitState: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = false

    /// True for whoever finishes first.
    func finish() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if finished { return false }
        finished = true
        return true
    }
}
