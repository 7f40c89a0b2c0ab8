import Foundation
import Testing
import TestSupport
import SchakelFuzzing
import Meldroute
@testable import SchakelCore

/// The hostile strings put into every text field that reaches an export, and each file read back by
/// the real parser of its format (Python's `icalendar`, `vobject`, `csv`, `html.parser`, and a
/// Markdown structure check): the structure is the one harmless text gives, and no control, C1 or
/// bidi character is in it raw.
@Suite struct HostileExportTests {
    static let hostile = ExportTextTests.hostile

    /// A meeting whose every text is hostile, with an item per hostile string.
    static func agenda(_ texts: [String]) -> AgendaDocument {
        let meeting = Meeting(id: 7, key: ListKey(sortValue: "", id: 7), kind: .casustafel, title: texts[0],
                              startsAt: LocalDateTime(date: CivilDate(iso: "2026-12-08")!, hour: 13, minute: 30), location: texts[1],
                              municipality: nil, status: "gepland", visibility: .full, lengthMinutes: 150, chair: texts[2],
                              invited: ["Politie / AVIM|CoMensha", texts[3]])
        let items = texts.enumerated().map { index, text in
            AgendaItem(id: Int64(index + 1), position: index + 1, title: text, subjectCode: "C2026-000\(index)", notes: text, question: text,
                       broughtBy: text, minutesAllotted: 5, invited: [text], summary: text, decisions: [text, text])
        }
        return AgendaDocument(meeting: meeting, items: items, partner: nil, statusLabel: "Gepland")
    }

    /// What Python says of a file: a JSON answer.
    static func python(_ code: String, _ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: try PythonScript.run(["-c", code], input: Data(text.utf8)))
    }

    /// The raw controls, C1 and bidi characters Python finds in the parsed values.
    static let rawCheck = """
        import unicodedata
        def raw(value):
            return [hex(ord(c)) for c in value if (ord(c) < 32 and c not in '\\n') or 0x7f <= ord(c) <= 0x9f or unicodedata.category(c) == 'Cf']

        """

    @Test func theCalendarParsesAndCarriesNothingRaw() throws {
        let ics = MeetingCalendar.ics(Self.agenda(Self.hostile), sequence: 1, stamp: "20261201T120000Z")
        #expect(ics.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        let found = try #require(try Self.python(Self.rawCheck + """
            import sys, json, icalendar
            calendar = icalendar.Calendar.from_ical(sys.stdin.read())
            events = [c for c in calendar.walk('VEVENT')]
            values = [str(e.get(k, '')) for e in events for k in ('SUMMARY', 'LOCATION', 'DESCRIPTION')]
            print(json.dumps({'events': len(events), 'raw': [r for v in values for r in raw(v)], 'summary': str(events[0]['SUMMARY'])}))
            """, ics) as? [String: Any])
        #expect(found["events"] as? Int == 1 && (found["raw"] as? [String])?.isEmpty == true, "\(found)")
        #expect(found["summary"] as? String == ExportText.line(Self.hostile[0]))
    }

    @Test func theContactCardsParseOnePerContactAndCarryNothingRaw() throws {
        let contacts = Self.hostile.map { text in
            (contact: PartnerContact(partnerID: 1, name: text, function: text, phone: "053 123 45 67", email: "a@b.nl"), organisation: text)
        }
        let cards = ContactCards.vcards(contacts)
        #expect(cards.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        let found = try #require(try Self.python(Self.rawCheck + """
            import sys, json, vobject
            cards = list(vobject.readComponents(sys.stdin.read()))
            values = [str(c.fn.value) for c in cards] + [str(c.title.value) for c in cards if hasattr(c, 'title')]
            print(json.dumps({'cards': len(cards), 'raw': [r for v in values for r in raw(v)]}))
            """, cards) as? [String: Any])
        #expect(found["cards"] as? Int == Self.hostile.count && (found["raw"] as? [String])?.isEmpty == true, "\(found)")
    }

    @Test func theSocialMapCSVKeepsItsRowsAndHasNoFormulas() throws {
        // Each name its own: a tab or a line break before "=1+1" is trimmed on import, and two names would be one.
        let partners = Self.hostile.enumerated().map { index, text in
            Partner(name: "\(text) \(index)", shortName: text, kind: text, offer: text, phone: "053 123 45 67", address: text)
        }
        let csv = String(decoding: PartnerCSV.export(partners), as: UTF8.self)
        let found = try #require(try Self.python(Self.rawCheck + """
            import sys, json, csv, io
            rows = list(csv.reader(io.StringIO(sys.stdin.read().lstrip('\\ufeff')), delimiter=';'))
            cells = [c for row in rows[1:] for c in row]
            print(json.dumps({'rows': len(rows), 'widths': sorted(set(len(r) for r in rows)),
                              'formulas': [c for c in cells if c[:1] in ('=', '+', '-', '@', '\\t', '\\r')],
                              'raw': [r for c in cells for r in raw(c)]}))
            """, csv) as? [String: Any])
        #expect(found["rows"] as? Int == Self.hostile.count + 1 && (found["widths"] as? [Int])?.count == 1, "\(found)")
        #expect((found["formulas"] as? [String])?.isEmpty == true && (found["raw"] as? [String])?.isEmpty == true, "\(found)")
        // And it reads back as the same organisations, each one-line field on one line, neutralised.
        let read = try PartnerCSV.read(PartnerCSV.export(partners)).get()
        #expect(read.map(\.name) == partners.map { ExportText.line($0.name).trimmingCharacters(in: .whitespaces) })
        #expect(read.map(\.offer) == partners.map { ExportText.neutralised($0.offer, lineBreak: "\n").trimmingCharacters(in: .whitespaces) })
    }

    @Test func theFiguresReportParsesAsHTMLAndCSVWithNothingRaw() throws {
        let rows = Self.hostile.enumerated().map { FigureRow($1, $0 + 5) }
        let figures = SignalFigures(period: .year(2026), area: .region, signals: rows.reduce(0) { $0 + $1.count },
                                    breakdowns: [FigureBreakdown(id: "verwijzing", title: Self.hostile[0], rows: rows,
                                                                 total: rows.reduce(0) { $0 + $1.count })])
        let report = FiguresReport(figures: figures, estimate: nil, madeOn: CivilDate(iso: "2026-12-05")!)
        let html = try #require(try Self.python(Self.rawCheck + """
            import sys, json
            from html.parser import HTMLParser
            class Page(HTMLParser):
                def __init__(self):
                    super().__init__(); self.tags = []; self.text = []
                def handle_starttag(self, tag, attrs): self.tags.append(tag)
                def handle_data(self, data): self.text.append(data)
            page = Page(); page.feed(sys.stdin.read())
            print(json.dumps({'tags': sorted(set(page.tags)), 'raw': [r for t in page.text for r in raw(t.replace('\\n', ''))]}))
            """, report.text(.html)) as? [String: Any])
        #expect(html["tags"] as? [String] == ["body", "h1", "h2", "head", "html", "meta", "p", "rect", "section", "style", "svg", "table",
                                              "td", "text", "th", "title", "tr"], "\(html)")
        #expect((html["raw"] as? [String])?.isEmpty == true, "\(html)")
        let csv = try #require(try Self.python(Self.rawCheck + """
            import sys, json, csv, io
            rows = list(csv.reader(io.StringIO(sys.stdin.read().lstrip('\\ufeff')), delimiter=';'))
            cells = [c for row in rows[1:] for c in row]
            print(json.dumps({'rows': len(rows), 'formulas': [c for c in cells if c[:1] in ('=', '+', '-', '@', '\\t', '\\r')],
                              'raw': [r for c in cells for r in raw(c)]}))
            """, report.csv()) as? [String: Any])
        #expect(csv["rows"] as? Int == Self.hostile.count + 2, "\(csv)")
        #expect((csv["formulas"] as? [String])?.isEmpty == true && (csv["raw"] as? [String])?.isEmpty == true, "\(csv)")
    }

    @Test func theAgendaAndMinutesKeepTheStructureHarmlessTextGives() {
        let harmless = Self.hostile.indices.map { "Tekst \($0)" }
        for (hostile, plain) in [(Self.agenda(Self.hostile).markdown, Self.agenda(harmless).markdown),
                                 (MinutesDocument(meeting: Self.agenda(Self.hostile).meeting, items: Self.agenda(Self.hostile).items, actions: [],
                                                  statusLabel: "Vastgesteld").markdown,
                                  MinutesDocument(meeting: Self.agenda(harmless).meeting, items: Self.agenda(harmless).items, actions: [],
                                                  statusLabel: "Vastgesteld").markdown)] {
            #expect(MarkdownStructure.blocks(hostile) == MarkdownStructure.blocks(plain))
            #expect(!ExportTextTests.isRaw(hostile, allowing: ["\n"]))
            #expect(hostile.components(separatedBy: "\n").count == plain.components(separatedBy: "\n").count)
        }
    }
}
