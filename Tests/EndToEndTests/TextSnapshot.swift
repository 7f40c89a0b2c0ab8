import Foundation
import Testing

/// Compares command output with `Snapshots/<name>`. Set SNAPSHOT_RECORD=1 to write the files anew.
func expectTextSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? text.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("Snapshot \(name) recorded; check it and run the tests again.", sourceLocation: sourceLocation)
        return
    }
    #expect(text == expected, "snapshot \(name) differs; see \(url.path)", sourceLocation: sourceLocation)
}
