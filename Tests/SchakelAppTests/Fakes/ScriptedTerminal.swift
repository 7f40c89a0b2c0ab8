import Foundation
import Meldroute
import SchakelCore
import TerminalKit
@testable import SchakelApp

/// A terminal that replays scripted events and records what is drawn.
final class ScriptedTerminal: TerminalBackend {
    var size: Size
    /// What each wait brings; nil is a wait that timed out.
    var events: [TerminalEvent?]
    var frames: [(runs: [Run], repaint: Bool)] = []
    /// Each wait the loop asked for: how long, and on which change notification besides.
    var waits: [(timeout: Int, descriptor: Int32?)] = []

    init(size: Size, events: [TerminalEvent?]) {
        self.size = size
        self.events = events
    }

    func nextEvent(timeoutMilliseconds: Int, alsoWaitingOn descriptor: Int32?) -> TerminalEvent? {
        waits.append((timeoutMilliseconds, descriptor))
        return events.isEmpty ? .key(.character("q")) : events.removeFirst()
    }

    func present(_ runs: [Run], repaint: Bool) { frames.append((runs, repaint)) }
}
