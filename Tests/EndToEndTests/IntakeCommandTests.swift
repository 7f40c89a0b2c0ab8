import Foundation
import GRDB
import Testing

/// `schakel intake` on a real database: one signal in, its code out; bad input stores nothing.
@Suite struct IntakeCommandTests {
    static let valid = """
        {"ontvangen_op": "2026-11-20T09:15", "bron": "intranet",
         "melder": {"type": "medewerker-gemeente", "naam": "J. de Boer (fictief)", "organisatie": "Wijkteam"},
         "gemeente": "Hengelo", "vormen": ["crimineel"], "beschrijving": "Jongen van 15 wordt ingezet als koerier.",
         "minderjarige": true, "betrokkenen": [{"initialen": "A.B.", "geboortejaar": 2011, "rol": "potentieel-slachtoffer"}]}
        """

    func database() throws -> (path: String, directory: URL) {
        let directory = try Binary.temporaryDirectory()
        let path = directory.appendingPathComponent("intake.sqlite").path
        #expect(try Spawn.run([Binary.path, "demo", "--db", path, "--vandaag", "2026-11-24", "--alleen-aanmaken"]).status == 0)
        return (path, directory)
    }

    func signalCount(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM signal")! }
    }

    @Test func aValidFormIsStoredAndItsCodePrinted() throws {
        let (path, directory) = try database()
        let file = directory.appendingPathComponent("melding.json").path
        try Self.valid.write(toFile: file, atomically: true, encoding: .utf8)
        let before = try signalCount(path)
        let result = try Spawn.run([Binary.path, "intake", "--db", path, file])
        #expect(result.status == 0, "\(result.errors)")
        let code = result.output.trimmingCharacters(in: .newlines)
        #expect(code.hasPrefix("S2026-"))
        #expect(try signalCount(path) == before + 1)
        try DatabaseQueue(path: path).read { (db: Database) throws -> Void in
            let row = try #require(try Row.fetchOne(db, sql: """
                SELECT s.state, s.minor_involved, s.municipality_id, a.actor, a.action, t.text
                FROM signal s JOIN audit_log a ON a.detail = s.code JOIN timeline_event t ON t.subject_id = s.id
                WHERE s.code = ?
                """, arguments: [code]))
            #expect(row["state"] as String == "gemeld")
            #expect(row["minor_involved"] as Bool)
            #expect(row["municipality_id"] as Int64 == 7)
            #expect((row["actor"] as String).hasPrefix("intake:"))
            #expect(row["text"] as String == "Signaal ontvangen (intranetformulier), geregistreerd via het intranetformulier.")
        }
    }

    @Test func badInputExitsTwoListingEveryProblemAndStoresNothing() throws {
        let (path, directory) = try database()
        let before = try signalCount(path)
        let file = directory.appendingPathComponent("fout.json").path
        try #"{"bron": "fax", "gemeente": "Hengelo", "vormen": ["arbeid"], "beschrijving": "x", "extra": 1}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try Spawn.run([Binary.path, "intake", "--db", path, file])
        #expect(result.status == 2)
        #expect(result.errors == """
            schakel: het signaal is niet opgeslagen:
              - extra: onbekend veld
              - bron: 'fax' is geen geldige waarde (kies uit: intranet, telefoon, e-mail, persoonlijk)
              - melder: ontbreekt

            """)
        let broken = try Spawn.run([Binary.path, "intake", "--db", path, directory.appendingPathComponent("weg.json").path])
        #expect(broken.status == 2)
        #expect(try signalCount(path) == before)
    }
}
