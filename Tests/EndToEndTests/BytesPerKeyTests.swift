import Foundation
import Testing

/// A smoke test of the bytes-per-key harness the benchmark runs: it drives the real binary in a
/// pseudo-terminal beside `less -S`, and no key may clear the whole screen.
@Suite struct BytesPerKeyTests {
    @Test func theHarnessMeasuresEveryKeyAndNoKeyClearsTheScreen() throws {
        let script = URL(fileURLWithPath: Binary.resourcePath("")).deletingLastPathComponent()
            .appendingPathComponent("Scripts/bytes_per_key.py").path
        let result = try Spawn.run(["python3", script, "--schakel", Binary.path, "--sizes", "80x24", "--quick", "--json"])
        #expect(result.status == 0, "\(result.errors)")
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: [String: [String: Double]]]
        let schakel = try #require(json?["80x24"]?["schakel"])
        let less = try #require(json?["80x24"]?["less"])
        for key in ["move", "scroll", "page", "tab"] { #expect((schakel[key] ?? 0) > 0, "\(key): \(schakel)") }
        #expect((less["scroll"] ?? 0) > 0 && (less["page"] ?? 0) > 0)
        #expect(schakel["clears"] == 0)
        // A selection move rewrites two cells' worth, not two rows.
        #expect((schakel["move"] ?? .infinity) < 150, "\(schakel)")
    }
}
