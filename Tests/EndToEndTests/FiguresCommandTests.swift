import Foundation
import Testing

/// `schakel cijfers`: the report as Markdown, as CSV that Python's csv module reads with `;`, and as
/// HTML with its charts inside; no count from 1 to 4 in any of them; every export audited.
@Suite(.serialized) final class FiguresCommandTests {
    let directory: URL
    var database: String { directory.appendingPathComponent("demo.sqlite").path }

    init() throws {
        directory = try Binary.temporaryDirectory()
        #expect(try Spawn.run([Binary.path, "demo", "--db", database, "--vandaag", "2026-11-24", "--alleen-aanmaken"]).status == 0)
    }

    func report(_ arguments: [String], as login: String = "pm.kmt") throws -> Spawn.Result {
        try Spawn.run([Binary.path, "cijfers", "--db", database, "--als", login] + arguments)
    }

    func python(_ script: String, _ argument: String) throws -> Any? {
        let result = try Spawn.run([PythonTools.interpreter, "-c", script, argument])
        #expect(result.status == 0, "\(result.errors)")
        return try JSONSerialization.jsonObject(with: Data(result.output.utf8))
    }

    @Test func theCSVOpensAsDutchExcelWouldAndHidesSmallCounts() throws {
        let path = directory.appendingPathComponent("cijfers.csv").path
        let made = try report(["--periode", "2026", "--formaat", "csv", "--uit", path])
        #expect(made.status == 0, "\(made.errors)")
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) && String(decoding: bytes, as: UTF8.self).contains("\r\n"))
        let rows = try #require(try python("""
            import csv, json, sys
            with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
                print(json.dumps(list(csv.reader(f, delimiter=';'))))
            """, path) as? [[String]])
        #expect(rows.first == ["uitsplitsing", "categorie", "aantal", "aandeel (%)", "periode", "gebied", "werkdagen"])
        let median = try #require(rows.first { $0[0] == "Werkdagen tot contact met de melder" && $0[1] == "mediaan" })
        // The pace, without how many signals it is over: that count would stand unprotected.
        #expect(Int(median[6]) != nil && median[2].isEmpty)
        let counts = rows.dropFirst().filter { $0[6].isEmpty }.map { $0[2] }
        #expect(!counts.isEmpty && counts.allSatisfy { Int($0).map { $0 == 0 || $0 >= 5 } ?? ["<5", "x"].contains($0) }, "\(counts)")
        #expect(counts.contains("<5"))
        let total = try #require(rows.first { $0[0] == "Signalen per maand" && $0[1] == "totaal" })
        // The demo runs at about 80 signals a year; 2026 up to 24 November.
        #expect(Int(total[2]).map { (50...110).contains($0) } == true, "\(total)")
        // A share is written with a decimal comma.
        #expect(rows.dropFirst().contains { $0[3].contains(",") })
        let municipalities = rows.filter { $0[0] == "Signalen per gemeente" }
        #expect(municipalities.count == 15)
    }

    @Test func theHTMLIsOnePageWithItsChartsAndTheMarkdownTheSameFigures() throws {
        let html = try report(["--periode", "2026-K4", "--gemeente", "Enschede", "--formaat", "html"])
        #expect(html.status == 0, "\(html.errors)")
        let parsed = try #require(try python("""
            import json, sys
            from html.parser import HTMLParser
            class Page(HTMLParser):
                def __init__(self):
                    super().__init__(); self.tags = []; self.outside = []
                def handle_starttag(self, tag, attrs):
                    self.tags.append(tag)
                    self.outside += [v for k, v in attrs if k in ('src', 'href') and v]
            page = Page(); page.feed(open(sys.argv[1], encoding='utf-8').read())
            print(json.dumps({'svg': page.tags.count('svg'), 'table': page.tags.count('table'), 'outside': page.outside}))
            """, try write(html.output, "cijfers.html")) as? [String: Any])
        #expect((parsed["svg"] as? Int ?? 0) >= 8 && parsed["svg"] as? Int == parsed["table"] as? Int)
        #expect((parsed["outside"] as? [String])?.isEmpty == true)
        #expect(html.output.contains("@page { size: A4;") && html.output.contains("Aard en omvang mensenhandel — Enschede, 2026 K4"))
        let markdown = try report(["--periode", "2026-K4", "--gemeente", "Enschede"])
        #expect(markdown.output.hasPrefix("# Aard en omvang mensenhandel — Enschede, 2026 K4\n\nIn beeld: "))
        #expect(!markdown.output.contains("Signalen per gemeente"))
    }

    /// The jaarverslag: the four pillars in order, in CSV (a pillar per line, read by Python's csv
    /// with `;`) and in HTML (a heading per pillar, read by html.parser); the campaign with the signals
    /// of its month and the next; the activities split by pillar without a total of their own.
    @Test func theJaarverslagIsOrderedByTheFourPillars() throws {
        let path = directory.appendingPathComponent("jaarverslag.csv").path
        let made = try report(["--periode", "2026", "--indeling", "jaarverslag", "--formaat", "csv", "--uit", path])
        #expect(made.status == 0, "\(made.errors)")
        let rows = try #require(try python("""
            import csv, json, sys
            with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
                print(json.dumps(list(csv.reader(f, delimiter=';'))))
            """, path) as? [[String]])
        #expect(rows.first == ["pijler", "uitsplitsing", "categorie", "aantal", "aandeel (%)", "periode", "gebied", "werkdagen"])
        var pillars: [String] = []
        for row in rows.dropFirst() where pillars.last != row[0] { pillars.append(row[0]) }
        #expect(pillars == ["preventie", "werkproces", "deskundigheidsbevordering", "daderaanpak"])
        let campaign = try #require(rows.first { $0[0] == "preventie" && $0[1] == "toelichting" })
        #expect(campaign[2].hasPrefix("Campagne 05-10-2026 (regio); signalen in oktober "), "\(campaign)")
        let lessons = try #require(rows.first { $0[1] == "Activiteiten gehouden, naar soort — preventie" && $0[2] == "les op school" })
        #expect(lessons[0] == "preventie" && !rows.contains { $0[1] == "Activiteiten gehouden, naar soort — preventie" && $0[2] == "totaal" })
        #expect(rows.contains { $0[0] == "deskundigheidsbevordering" && $0[1] == "Bereikte deelnemers, naar soort activiteit — deskundigheidsbevordering"
            && $0[2] == "voorlichting" })
        #expect(rows.contains { $0[0] == "werkproces" && $0[1] == "Signalen per maand" && $0[2] == "totaal" })
        #expect(rows.contains { $0[0] == "daderaanpak" && $0[1] == "KMT-casussen geopend" })
        // Advies en consult under werkproces: how many became a signal, and who asked.
        #expect(rows.contains { $0[0] == "werkproces" && $0[1] == "Consulten, naar uitkomst" && $0[2] == "omgezet in signaal" })
        #expect(rows.contains { $0[0] == "werkproces" && $0[1] == "Consulten, naar vrager" && $0[2] == "totaal" })
        // The counts of activities, consults and signals: none from 1 to 4 (the people reached are sums, never small here).
        let counts = rows.dropFirst().filter { $0[1] != "toelichting" && $0[7].isEmpty }.map { $0[3] }
        #expect(counts.allSatisfy { Int($0).map { $0 == 0 || $0 >= 5 } ?? ["<5", "x"].contains($0) }, "\(counts)")

        let html = try report(["--periode", "2026", "--indeling", "jaarverslag", "--formaat", "html"])
        #expect(html.status == 0, "\(html.errors)")
        let headings = try #require(try python("""
            import json, sys
            from html.parser import HTMLParser
            class Page(HTMLParser):
                def __init__(self):
                    super().__init__(); self.inside = False; self.headings = []
                def handle_starttag(self, tag, attrs):
                    self.inside = tag == 'h2' and ('class', 'pillar') in attrs
                def handle_data(self, data):
                    if self.inside: self.headings.append(data)
                def handle_endtag(self, tag):
                    self.inside = False
            page = Page(); page.feed(open(sys.argv[1], encoding='utf-8').read())
            print(json.dumps(page.headings))
            """, try write(html.output, "jaarverslag.html")) as? [String])
        #expect(headings == ["1. Preventie", "2. Werkproces", "3. Deskundigheidsbevordering", "4. Daderaanpak"])
        #expect(html.output.contains("<title>Jaarverslag aanpak mensenhandel — regio Twente, 2026</title>"))
        let quarter = try report(["--periode", "2026-K4", "--indeling", "jaarverslag"])
        #expect(quarter.status != 0 && quarter.errors.contains("Een jaarverslag gaat over een heel jaar: --periode 2026."), "\(quarter.errors)")
    }

    @Test func anAFReportsOnlyTheirOwnAndEveryExportIsAudited() throws {
        let refused = try report(["--periode", "2026", "--gemeente", "Hengelo"], as: "af.enschede")
        #expect(refused.status == 1 && refused.errors == "schakel: U mag de cijfers van Hengelo niet zien; u ziet: regio Twente, Enschede.\n")
        let region = try report(["--periode", "2026"], as: "af.enschede")
        #expect(region.status == 0 && !region.output.contains("Signalen per gemeente"))
        let bad = try report(["--periode", "26"])
        #expect(bad.status != 0 && bad.errors.contains("--periode verwacht een jaar, kwartaal of maand (2026, 2026-K3 of 2026-11)"))
        let span = try report(["--periode", "2026-01-01..2026-01-31"])
        #expect(span.status != 0 && span.errors.contains("Een vrije reeks dagen kan niet"), "\(span.errors)")
        let audit = try Spawn.run([PythonTools.interpreter, "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            print(db.execute("SELECT count(*) FROM audit_log WHERE object_type = 'figures' AND action = 'export'").fetchone()[0])
            print(db.execute("SELECT count(*) FROM audit_log WHERE object_type = 'figures' AND result = 'denied'").fetchone()[0])
            """, database])
        #expect(audit.output == "1\n1\n", "\(audit.errors)")
    }

    @Test func theThresholdIsTheBeheerdersToRaise() throws {
        let refused = try Spawn.run([Binary.path, "cijfers", "drempel", "10", "--db", database, "--als", "pm.kmt"])
        #expect(refused.status == 1
            && refused.errors == "schakel: Alleen een beheerder (of de eigenaar van de database) doet dit; pm.kmt is procesmanager.\n")
        // Anyone may see it.
        let shown = try Spawn.run([Binary.path, "cijfers", "drempel", "--db", database, "--als", "pm.kmt"])
        #expect(shown.output == "Aantallen onder 5 worden niet getoond.\n", "\(shown.errors)")
        let raised = try Spawn.run([Binary.path, "cijfers", "drempel", "10", "--db", database, "--als", "beheer"])
        #expect(raised.output == "Aantallen onder 10 worden niet getoond.\n", "\(raised.errors)")
        let tooHigh = try Spawn.run([Binary.path, "cijfers", "drempel", "50", "--db", database, "--als", "beheer"])
        #expect(tooHigh.status == 1 && tooHigh.errors == "schakel: Kies een drempel van 2 tot 20.\n")
        let markdown = try report(["--periode", "2026"])
        #expect(markdown.output.contains("Aantallen van 1 tot 9 staan er als <10 (soms ook een 0).") && markdown.output.contains("\\<10"))
    }

    private func write(_ text: String, _ name: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
