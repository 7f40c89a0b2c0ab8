import Foundation
import GRDB
import Testing

/// Text stored before the door refused it (or put in the file by other means) still cannot travel:
/// minutes, an agenda, its calendar invitation and the sociale kaart, written by the commands from a
/// demo whose meeting, agenda item, minutes, invitee and organisation hold terminal escapes, bidi
/// overrides, Markdown structure and formula cells, are read back with nothing raw in them.
@Suite struct HostileStoredTextTests {
    static let hostile = "Casus\u{1B}]0;titel\u{07}\u{1B}c \u{202E}tafel\r\n- lijst"

    static func isRaw(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\r") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
        }
    }

    @Test func theCommandsWriteNothingRawFromTheStore() throws {
        let directory = try Binary.temporaryDirectory()
        let database = directory.appendingPathComponent("demo.sqlite").path
        #expect(try Spawn.run([Binary.path, "demo", "--db", database, "--alleen-aanmaken", "--vandaag", "2026-11-24"]).status == 0)
        let meeting = try DemoQueries.casustafel(on: "2026-12-08", in: database)
        try DatabaseQueue(path: database).write { db in
            try db.execute(sql: "UPDATE meeting SET title = ?, location = ? WHERE id = ?", arguments: [Self.hostile, Self.hostile, meeting])
            let item = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position LIMIT 1",
                                                       arguments: [meeting]))
            try db.execute(sql: "UPDATE agenda_item SET title = ?, question = ? WHERE id = ?", arguments: [Self.hostile, Self.hostile, item])
            try db.execute(sql: "INSERT INTO agenda_item_invitee (agenda_item_id, organisation) VALUES (?, ?)",
                           arguments: [item, "OM\u{1B}[2J|CoMensha"])
            try db.execute(sql: "UPDATE partner SET name = ?, description = ? WHERE id = (SELECT min(id) FROM partner)",
                           arguments: ["=HYPERLINK(\"http://x.example\",\"klik\")\u{9B}", Self.hostile])
            try db.execute(sql: "UPDATE partner_contact SET name = ? WHERE id = (SELECT min(id) FROM partner_contact)", arguments: [Self.hostile])
        }
        // A held meeting's minutes: a summary that would start a list and a fence, a decision with an escape.
        let held = try #require(try DatabaseQueue(path: database).write { db -> Int64? in
            guard let item = try Row.fetchOne(db, sql: """
                SELECT a.id, a.meeting_id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
                WHERE m.status = 'gehouden' ORDER BY a.id LIMIT 1
                """) else { return nil }
            try db.execute(sql: "UPDATE agenda_item SET summary = ?, decisions = ? WHERE id = ?",
                           arguments: ["- niet een lijst\n~~~\n# geen kop", "Besluit \u{1B}[8m verborgen", item["id"] as Int64])
            return item["meeting_id"]
        })
        let minutes = try Spawn.run([Binary.path, "overleg", "verslag", String(held), "--db", database, "--als", "pm.kmt"])
        #expect(minutes.status == 0 && !Self.isRaw(minutes.output), "\(minutes.errors)")
        #expect(!minutes.output.contains("\n- niet") && !minutes.output.contains("\n~~~") && !minutes.output.contains("\n# geen"),
                "\(minutes.output.debugDescription)")
        #expect(minutes.output.contains("\\- niet een lijst \\~\\~\\~ \\# geen kop") && minutes.output.contains("Besluit \u{241B}\\[8m verborgen"),
                "\(minutes.output.debugDescription)")
        #expect(minutes.output.hasSuffix("nooit met hun naam.\n"))

        let markdown = try Spawn.run([Binary.path, "overleg", "agenda", meeting, "--db", database, "--als", "pm.kmt"])
        #expect(markdown.status == 0 && !Self.isRaw(markdown.output), "\(markdown.errors)")
        #expect(!markdown.output.contains("\n- lijst") && markdown.output.contains("\u{241B}"), "\(markdown.output.debugDescription)")
        // One invitee, its escape a marker, its separator escaped for Markdown.
        #expect(markdown.output.contains("OM\u{241B}\\[2J\\|CoMensha"), "\(markdown.output.debugDescription)")

        let ics = directory.appendingPathComponent("agenda.ics").path
        #expect(try Spawn.run([Binary.path, "overleg", "agenda", meeting, "--formaat", "ics", "--uit", ics, "--db", database, "--als", "pm.kmt"])
            .status == 0)
        let calendar = try Spawn.run([PythonTools.interpreter, "-c", """
            import sys, json, icalendar, unicodedata
            text = open(sys.argv[1], encoding='utf-8', newline='').read()
            event = next(iter(icalendar.Calendar.from_ical(text).walk('VEVENT')))
            values = [str(event.get(k, '')) for k in ('SUMMARY', 'LOCATION', 'DESCRIPTION')]
            raw = [hex(ord(c)) for v in values for c in v if (ord(c) < 32 and c != '\\n') or 0x7f <= ord(c) <= 0x9f or unicodedata.category(c) == 'Cf']
            print(json.dumps({'raw': raw, 'fits': max(len(l.encode()) for l in text.split('\\r\\n')) <= 75}))
            """, ics])
        #expect(calendar.status == 0, "\(calendar.errors)")
        #expect(calendar.output.contains("\"raw\": []") && calendar.output.contains("\"fits\": true"), "\(calendar.output)")

        for format in ["csv", "vcard"] {
            let path = directory.appendingPathComponent("kaart.\(format)").path
            let exported = try Spawn.run([Binary.path, "sociale-kaart", "exporteer", "--formaat", format, "--uit", path, "--db", database,
                                          "--als", "zc.kmt"])
            #expect(exported.status == 0, "\(exported.errors)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!Self.isRaw(text), "\(format)")
        }
        // The cijfers report names organisations through their referrals: all of them made to the hostile one.
        try DatabaseQueue(path: database).write { db in
            try db.execute(sql: "UPDATE referral SET partner_id = (SELECT min(id) FROM partner)")
        }
        for format in ["csv", "html", "markdown"] {
            let report = try Spawn.run([Binary.path, "cijfers", "--periode", "2026", "--formaat", format, "--db", database, "--als", "pm.kmt"])
            #expect(report.status == 0 && !Self.isRaw(report.output), "\(format): \(report.errors)")
            #expect(report.output.contains("HYPERLINK"), "\(format): the organisation is in the report")
            // No cell of the CSV starts a formula (quoted or not).
            #expect(!report.output.contains(";=HYPERLINK") && !report.output.contains(";\"=HYPERLINK"), "\(format)")
        }

        let cells = try Spawn.run([PythonTools.interpreter, "-c", """
            import sys, csv, json
            rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), delimiter=';'))
            print(json.dumps({'widths': sorted(set(len(r) for r in rows)), 'formulas': [c for r in rows[1:] for c in r if c[:1] in '=+-@\\t\\r' and c]}))
            """, directory.appendingPathComponent("kaart.csv").path])
        #expect(cells.output.contains("\"formulas\": []") && cells.output.contains("\"widths\": [17]"), "\(cells.output) \(cells.errors)")
        let cards = try Spawn.run([PythonTools.interpreter, "-c", """
            import sys, vobject
            print(len(list(vobject.readComponents(open(sys.argv[1], encoding='utf-8').read()))))
            """, directory.appendingPathComponent("kaart.vcard").path])
        #expect(cards.status == 0 && (Int(cards.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0, "\(cards.errors)")
    }
}
