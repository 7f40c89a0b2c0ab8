/// A key press, decoded by the backend.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl with a letter, lower-case: `.control("l")` is Ctrl-L.
    case control(Character)
    case enter
    case escape
    case tab
    case backTab
    case backspace
    case delete
    case up
    case down
    /// Shift with an arrow: moving a row up or down a list (an agenda item, say).
    case shiftUp
    case shiftDown
    case left
    case right
    case pageUp
    case pageDown
    case home
    case end
    /// Ctrl-Left / Ctrl-Right (or Alt-): a word back or forward.
    case wordLeft
    case wordRight
    case function(Int)
    case unknown(Int)
}

/// What the terminal reports to the loop.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resized(Size)
    /// The process received SIGTERM, SIGHUP or SIGINT.
    case terminationRequested(signal: Int32)
    /// The change notification the loop also waits on became readable (the store's files changed).
    case changeNotified
}

/// The terminal, as the loop sees it. The curses backend implements it; tests use a recording fake.
public protocol TerminalBackend: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Waits up to `timeoutMilliseconds` (negative: forever) for the next event; also wakes
    /// (`.changeNotified`) when `descriptor` becomes readable: the loop sleeps on the terminal and
    /// a change notification at once, instead of polling.
    func nextEvent(timeoutMilliseconds: Int, alsoWaitingOn descriptor: Int32?) -> TerminalEvent?
    /// Shows the runs and flushes once. With `repaint`, the screen is cleared first.
    func present(_ runs: [Run], repaint: Bool)
}

/// Remembers the frame on the screen and sends only what changed.
public struct Screen {
    private var shown: Grid?

    public init() {}

    /// Forget what is on the screen, so the next frame is drawn in full (Ctrl-L, resize).
    public mutating func invalidate() { shown = nil }

    /// Sends `grid` to `backend`: only the changed cells, or everything after `invalidate()`.
    public mutating func present(_ grid: Grid, on backend: TerminalBackend) {
        let repaint = shown == nil || shown?.size != grid.size
        let runs = GridDiff.runs(from: repaint ? nil : shown, to: grid)
        if repaint || !runs.isEmpty { backend.present(runs, repaint: repaint) }
        shown = grid
    }
}
