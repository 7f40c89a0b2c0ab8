import Foundation
import Meldroute
import SchakelCore
import TerminalKit
@testable import SchakelApp

/// A terminal that replays scripted events and records what is drawn.
final class ScriptedTerminal: TerminalBackend {
    var size: Size
    var events: [TerminalEvent]
    var frames: [(runs: [Run], repaint: Bool)] = []

    init(size: Size, events: [TerminalEvent]) {
        self.size = size
        self.events = events
    }

    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        events.isEmpty ? .key(.character("q")) : events.removeFirst()
    }

    func present(_ runs: [Run], repaint: Bool) { frames.append((runs, repaint)) }
}
