import Foundation
import Testing

/// `schakel sociale-kaart bijwerken` on a real demo file: a dry run writes nothing, an officer
/// without the role is refused with why.
@Suite struct SocialMapCommandTests {
    @Test func aNewDemoIsCurrentAndAnAFMayNotUpdateIt() throws {
        let directory = try Binary.temporaryDirectory()
        let database = directory.appendingPathComponent("demo.sqlite").path
        #expect(try Spawn.run([Binary.path, "demo", "--db", database, "--alleen-aanmaken", "--vandaag", "2026-11-24"]).status == 0)
        let current = try Spawn.run([Binary.path, "sociale-kaart", "bijwerken", "--db", database, "--als", "zc.kmt", "--proef"])
        #expect(current.status == 0, "\(current.errors)")
        #expect(current.output.hasPrefix("De sociale kaart is bij: niets te doen"))
        let af = try Spawn.run([Binary.path, "sociale-kaart", "bijwerken", "--db", database, "--als", "af.enschede"])
        #expect(af.status == 1 && af.output.isEmpty)
        #expect(af.errors.contains("De sociale kaart bijwerken doen de zorgcoördinator"))
    }
}
