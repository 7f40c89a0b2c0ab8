import Glibc

/// The write end of the self-pipe; set once, before any handler can run.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1
nonisolated(unsafe) private var signalPipeReadEnd: Int32 = -1

private func forwardSignal(_ signal: Int32) {
    // Only async-signal-safe work here: one write to a non-blocking pipe.
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(signalPipeWriteEnd, &byte, 1)
}

/// Turns SIGTERM, SIGHUP and SIGINT into bytes on a pipe the loop polls, so the loop — not a
/// signal handler — ends the program and restores the terminal.
enum SignalPipe {
    static var readEnd: Int32 { signalPipeReadEnd }

    static func install() {
        guard signalPipeReadEnd < 0 else { return }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        signalPipeReadEnd = fds[0]
        signalPipeWriteEnd = fds[1]
        for number in [SIGTERM, SIGHUP, SIGINT] { signal(number, forwardSignal) }
        // Suspending or dumping core is no way out either, should these come from elsewhere.
        for number in [SIGTSTP, SIGQUIT, SIGTTIN, SIGTTOU] { signal(number, SIG_IGN) }
        // A signal mask is inherited across exec: a parent that blocked these (a thread pool, a
        // multiplexer) would otherwise leave Schakel deaf to termination and resizes.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for number in [SIGTERM, SIGHUP, SIGINT, SIGWINCH] { sigaddset(&unblock, number) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// The signal that arrived, if any.
    static func take() -> Int32? {
        var byte: UInt8 = 0
        return read(signalPipeReadEnd, &byte, 1) == 1 ? Int32(byte) : nil
    }
}
