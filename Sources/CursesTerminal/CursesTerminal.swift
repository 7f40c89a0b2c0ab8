import CNcursesw
import Glibc
import TerminalKit

/// Why the terminal could not be started.
public struct TerminalStartError: Error, CustomStringConvertible {
    public let description: String
}

/// The ncurses backend: the only code that talks to curses. Draws runs of cells, flushes once
/// per frame (`wnoutrefresh` + `doupdate`), and turns keys, resizes and termination signals
/// into `TerminalEvent`s.
public final class CursesTerminal: TerminalBackend {
    private let window: UnsafeMutablePointer<WINDOW>
    private let palette: Palette
    private var isStopped = false

    private init(window: UnsafeMutablePointer<WINDOW>, palette: Palette) {
        self.window = window
        self.palette = palette
    }

    /// Takes over the terminal. Call `stop()` on every way out; SIGTERM, SIGHUP and SIGINT are
    /// reported as events so the loop can end and restore the terminal.
    public static func start() throws -> CursesTerminal {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalStartError(description: "Schakel heeft een terminal nodig (stdin en stdout zijn geen terminal).")
        }
        try requireTerminalThatCanDraw()
        UnicodeLocale.ensure()
        SignalPipe.install()
        guard newterm(nil, schakel_stdout(), schakel_stdin()) != nil, let window = schakel_stdscr() else {
            throw TerminalStartError(description: unknownTerminal)
        }
        set_escdelay(25)
        // Raw, not cbreak: Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys for the application to handle
        // (an officer's session has nothing to suspend to or quit into), and Ctrl-S cannot freeze
        // the screen.
        raw()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        // The cursor is hidden: no need to move it anywhere after a frame.
        leaveok(window, true)
        let palette = Palette.start()
        return CursesTerminal(window: window, palette: palette)
    }

    /// Refuses, with a Dutch reason naming TERM, a terminal Schakel cannot draw on (TERM=dumb:
    /// only the last line would show, and then nothing) or one terminfo does not know. Call it
    /// before anything else is started; it writes nothing to the terminal. Without a terminal
    /// on stdout there is nothing to ask yet: `start()` refuses that.
    public static func requireTerminalThatCanDraw() throws {
        guard isatty(STDOUT_FILENO) == 1 else { return }
        switch schakel_terminal_can_draw() {
        case 1:
            return
        case 0:
            throw TerminalStartError(description: "Op terminaltype '\(term)' kan Schakel niet tekenen: het kan de cursor niet "
                + "verplaatsen. Zet TERM op het type van uw terminal, bijvoorbeeld TERM=xterm-256color (of TERM=vt100), "
                + "en start Schakel opnieuw.")
        default:
            throw TerminalStartError(description: unknownTerminal)
        }
    }

    private static var term: String {
        getenv("TERM").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "(leeg)"
    }

    private static var unknownTerminal: String {
        "Het terminaltype '\(term)' is onbekend; zet TERM op het type van uw terminal, bijvoorbeeld TERM=xterm-256color."
    }

    /// Gives the terminal back as it was. Safe to call more than once.
    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        endwin()
    }

    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    public func nextEvent(timeoutMilliseconds: Int, alsoWaitingOn descriptor: Int32?) -> TerminalEvent? {
        if let pending = readKey() { return pending }
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: SignalPipe.readEnd, events: Int16(POLLIN), revents: 0),
            // A negative descriptor is skipped by poll.
            pollfd(fd: descriptor ?? -1, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&fds, 3, Int32(clamping: timeoutMilliseconds))
        if let signal = SignalPipe.take() { return .terminationRequested(signal: signal) }
        // Keys first: a change elsewhere can wait for the next turn of the loop, typing cannot.
        if let key = readKey() { return key }
        // Input arrived, or poll was interrupted by SIGWINCH (curses reported KEY_RESIZE above), or
        // the change notification is readable.
        return fds[2].revents & Int16(POLLIN) != 0 ? .changeNotified : nil
    }

    public func present(_ runs: [Run], repaint: Bool) {
        if repaint { wclear(window) }
        for run in runs {
            wattrset(window, palette.attributes(for: run.style))
            mvwaddstr(window, Int32(run.y), Int32(run.x), run.text)
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func readKey() -> TerminalEvent? {
        nodelay(window, true)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == ERR { return nil }
        if result == schakel_key_code_yes() {
            if Int32(character) == KEY_RESIZE { return .resized(size) }
            return .key(KeyDecoding.functionKey(Int32(character)))
        }
        return .key(KeyDecoding.character(UInt32(character)))
    }
}

extension CursesTerminal {
    /// Whether the login's own locale is UTF-8 (`LANG=C` is not): where it is not, the terminal
    /// may not show block characters, and charts are drawn with `#`. Ask before `start()`.
    public static func loginLocaleIsUTF8() -> Bool {
        setlocale(LC_ALL, "")
        return String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8"
    }
}

/// Makes sure multibyte output is UTF-8 even when the login's locale says otherwise.
enum UnicodeLocale {
    static func ensure() {
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
