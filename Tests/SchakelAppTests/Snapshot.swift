import Foundation
import Testing
import TerminalKit

/// Compares a rendered grid with `Snapshots/<name>.txt`: the characters, then the styles.
/// Set SNAPSHOT_RECORD=1 to write the files anew.
func expectSnapshot(_ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent(name + ".txt")
    let border = "+" + String(repeating: "-", count: grid.size.width) + "+"
    let text = ([border] + grid.textLines().map { "|" + $0 + "|" } + [border, "styles:"] + grid.styleLines())
        .joined(separator: "\n") + "\n"
    let recording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? text.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("Snapshot \(name) recorded; check it and run the tests again.", sourceLocation: sourceLocation)
        return
    }
    #expect(text == expected, "snapshot \(name) differs; see \(url.path)", sourceLocation: sourceLocation)
}
