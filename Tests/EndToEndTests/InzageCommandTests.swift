import Foundation
import Testing

/// `schakel inzage`: the dossier as JSON that Python reads, written owner-only, and as Markdown;
/// for a procesmanager only.
@Suite struct InzageCommandTests {
    let directory: URL
    var database: String { directory.appendingPathComponent("demo.sqlite").path }

    init() throws {
        directory = try Binary.temporaryDirectory()
        #expect(try Spawn.run([Binary.path, "demo", "--db", database, "--vandaag", "2026-11-24", "--alleen-aanmaken"]).status == 0)
    }

    @Test func theJSONReadsBackInPythonAndTheFileIsTheOwnersOnly() throws {
        let path = directory.appendingPathComponent("inzage.json").path
        let made = try Spawn.run([Binary.path, "inzage", "--persoon", "P-00001", "--formaat", "json", "--uit", path, "--db", database,
                                  "--als", "pm.kmt"])
        #expect(made.status == 0, "\(made.errors)")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let read = try Spawn.run([PythonTools.interpreter, "-c", """
            import json, sys
            d = json.load(open(sys.argv[1], encoding='utf-8'))
            print(d['persoon']['code'], len(d['dossiers']), d['dossiers'][0]['code'][:1])
            """, path])
        #expect(read.status == 0, "\(read.errors)")
        #expect(read.output == "P-00001 1 S\n", "\(read.output)")
        let markdown = try Spawn.run([Binary.path, "inzage", "--persoon", "p-00001", "--db", database, "--als", "pm.kmt"])
        #expect(markdown.status == 0 && markdown.output.hasPrefix("# Inzage persoon P-00001\n"))
        #expect(markdown.output.contains("Dit overzicht is gemaakt op verzoek van de betrokkene (artikel 15 AVG)."))
    }

    @Test func anOfficerIsRefusedAndAnUnknownCodeIsSaid() throws {
        let refused = try Spawn.run([Binary.path, "inzage", "--persoon", "P-00001", "--db", database, "--als", "af.enschede"])
        #expect(refused.status == 1 && refused.errors.contains("Alleen een procesmanager stelt een inzage samen"))
        let unknown = try Spawn.run([Binary.path, "inzage", "--persoon", "P-99999", "--db", database, "--als", "pm.kmt"])
        #expect(unknown.status == 1 && unknown.errors.contains("Er is geen persoon met de code P-99999."))
    }
}
