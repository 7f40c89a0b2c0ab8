import Foundation
import Testing

/// `schakel sociale-kaart exporteer|importeer` on a demo file: the CSV read by Python's csv module
/// with `;` as Dutch Excel writes it, the vCards by vobject, and a malformed import refused whole.
@Suite struct SocialMapExchangeTests {
    let directory: URL
    var database: String { directory.appendingPathComponent("demo.sqlite").path }

    init() throws {
        directory = try Binary.temporaryDirectory()
        #expect(try Spawn.run([Binary.path, "demo", "--db", database, "--alleen-aanmaken", "--vandaag", "2026-11-24"]).status == 0)
    }

    func schakel(_ arguments: [String]) throws -> Spawn.Result {
        try Spawn.run([Binary.path, "sociale-kaart"] + arguments + ["--db", database, "--als", "zc.kmt"])
    }

    func python(_ script: String, _ path: String) throws -> Any {
        let result = try Spawn.run([PythonTools.interpreter, "-c", script, path])
        #expect(result.status == 0, "\(result.errors)")
        return try JSONSerialization.jsonObject(with: Data(result.output.utf8))
    }

    @Test func theCSVOpensAsExcelWritesItAndComesBackUnchanged() throws {
        let path = directory.appendingPathComponent("kaart.csv").path
        let exported = try schakel(["exporteer", "--formaat", "csv", "--uit", path])
        #expect(exported.status == 0, "\(exported.errors)")
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let rows = try #require(try python("""
            import csv, json, sys
            with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
                print(json.dumps(list(csv.reader(f, delimiter=';'))))
            """, path) as? [[String]])
        #expect(rows.first?.first == "naam" && rows.count == 24)
        let vtt = try #require(rows.first { $0.first == "Veilig Thuis Twente (VTT)" })
        #expect(vtt[8] == "0800-2000" && vtt[14] == "ja")
        let back = try schakel(["importeer", path, "--proef"])
        #expect(back.status == 0 && back.output.contains("0 nieuw, 0 bijgewerkt, 23 ongewijzigd"), "\(back.output)\(back.errors)")
    }

    @Test func theContactsAreVCardsAParserReads() throws {
        let path = directory.appendingPathComponent("contacten.vcf").path
        #expect(try schakel(["exporteer", "--formaat", "vcard", "--uit", path]).status == 0)
        let cards = try #require(try python("""
            import json, sys, vobject
            cards = []
            with open(sys.argv[1], encoding='utf-8', newline='') as f:
                for card in vobject.readComponents(f.read()):
                    cards.append({'fn': card.fn.value, 'org': card.org.value, 'version': card.version.value,
                                  'tel': card.tel.value if hasattr(card, 'tel') else '',
                                  'note': card.note.value if hasattr(card, 'note') else ''})
            print(json.dumps(cards))
            """, path) as? [[String: Any]])
        #expect(!cards.isEmpty)
        for card in cards {
            #expect(card["version"] as? String == "4.0")
            #expect((card["fn"] as? String)?.hasSuffix("(fictief)") == true && card["note"] as? String == "Fictief: demogegevens.")
            #expect((card["tel"] as? String)?.hasPrefix("tel:+31-6") == true)
        }
    }

    @Test func aMalformedImportIsRefusedWholeWithLineAndColumn() throws {
        let path = directory.appendingPathComponent("fout.csv").path
        try Data("naam;telefoon\nStichting Goed;053-4800000\nStichting Fout;12\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try schakel(["importeer", path])
        #expect(result.status == 1 && result.output.isEmpty)
        #expect(result.errors == "schakel: \(path): niets geïmporteerd.\n  regel 3, kolom telefoon: '12' is geen Nederlands telefoonnummer (begin met 0 of +31)\n")
        let check = try schakel(["exporteer"])
        #expect(!check.output.contains("Stichting Goed"))
    }
}
