import Foundation
import Testing

/// Hostile text at the command line: an organisation named with terminal escapes is refused at the
/// import, naming the field and the place, and a period typed with them comes back in the error as
/// markers, not as sequences.
@Suite struct CommandLineTextTests {
    static func isRaw(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" }
    }

    @Test func hostileTextIsRefusedOrPrintedAsMarkers() throws {
        let directory = try Binary.temporaryDirectory()
        let database = directory.appendingPathComponent("demo.sqlite").path
        #expect(try Spawn.run([Binary.path, "demo", "--db", database, "--alleen-aanmaken"]).status == 0)
        let csv = directory.appendingPathComponent("kaart.csv")
        try Data("naam;soort\n\"Stichting \u{1B}]0;titel\u{07}\u{1B}c Hulp\u{202E}\";opvang\n".utf8).write(to: csv)
        let imported = try Spawn.run([Binary.path, "sociale-kaart", "importeer", csv.path, "--db", database, "--als", "zc.kmt"])
        #expect(imported.status != 0 && imported.errors.contains("regel 2, kolom naam: een stuurteken (U+001B) op positie 11"),
                "\(imported.errors.debugDescription)")
        #expect(!Self.isRaw(imported.output) && !Self.isRaw(imported.errors))
        let typed = try Spawn.run([Binary.path, "cijfers", "--periode", "2026\u{1B}[2J", "--db", database, "--als", "pm.kmt"])
        #expect(typed.status != 0 && typed.errors.contains("2026\u{241B}[2J"), "\(typed.errors.debugDescription)")
        #expect(!Self.isRaw(typed.errors))
    }
}
