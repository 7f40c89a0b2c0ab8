import Foundation
import Testing

/// What the command line prints of its own passes the screen's sanitiser: an organisation named
/// with terminal escapes, imported and echoed, and a period typed with them, reach the terminal as
/// markers, not as sequences.
@Suite struct CommandLineTextTests {
    static func isRaw(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" }
    }

    @Test func storedAndTypedTextIsPrintedAsMarkers() throws {
        let directory = try Binary.temporaryDirectory()
        let database = directory.appendingPathComponent("demo.sqlite").path
        #expect(try Spawn.run([Binary.path, "demo", "--db", database, "--alleen-aanmaken"]).status == 0)
        let csv = directory.appendingPathComponent("kaart.csv")
        try Data("naam;soort\n\"Stichting \u{1B}]0;titel\u{07}\u{1B}c Hulp\u{202E}\";opvang\n".utf8).write(to: csv)
        let imported = try Spawn.run([Binary.path, "sociale-kaart", "importeer", csv.path, "--db", database, "--als", "zc.kmt"])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("nieuw: Stichting \u{241B}]0;titel\u{2407}\u{241B}c Hulp\u{FFFD}"), "\(imported.output.debugDescription)")
        #expect(!Self.isRaw(imported.output) && !Self.isRaw(imported.errors))
        let typed = try Spawn.run([Binary.path, "cijfers", "--periode", "2026\u{1B}[2J", "--db", database, "--als", "pm.kmt"])
        #expect(typed.status != 0 && typed.errors.contains("2026\u{241B}[2J"), "\(typed.errors.debugDescription)")
        #expect(!Self.isRaw(typed.errors))
    }
}
