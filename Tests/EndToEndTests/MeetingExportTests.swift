import Foundation
import Testing
import TestSupport

/// `schakel overleg agenda`: what leaves Schakel is read back by a real iCalendar parser, and a
/// partner's agenda names no one.
@Suite struct MeetingExportTests {
    let directory: URL
    let database: String

    init() throws {
        directory = try Binary.temporaryDirectory()
        database = directory.appendingPathComponent("demo.sqlite").path
        // A fixed day: the casustafels of 8 December (winter time) and 8 June (summer time) are planned.
        let made = try Spawn.run([Binary.path, "demo", "--db", database, "--alleen-aanmaken", "--vandaag", "2026-11-24"])
        #expect(made.status == 0, "\(made.errors)")
    }

    func schakel(_ arguments: [String]) throws -> Spawn.Result {
        try Spawn.run([Binary.path, "overleg", "agenda"] + arguments + ["--db", database, "--als", "pm.kmt"])
    }

    func casustafel(on day: String) throws -> String { try DemoQueries.casustafel(on: day, in: database) }

    func parsed(_ path: String) throws -> [String: Any] {
        let script = URL(fileURLWithPath: Binary.resourcePath("")).deletingLastPathComponent().appendingPathComponent("Scripts/check_ics.py").path
        let result = try Spawn.run([PythonTools.interpreter, script, path])
        #expect(result.status == 0, "\(result.errors)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    @Test func theInvitationIsReadInEuropeAmsterdamOnBothSidesOfSummerTime() throws {
        for (day, startUTC, endUTC) in [("2026-12-08", "2026-12-08T12:30:00Z", "2026-12-08T15:00:00Z"),
                                        ("2027-06-08", "2027-06-08T11:30:00Z", "2027-06-08T14:00:00Z")] {
            let id = try casustafel(on: day)
            let path = directory.appendingPathComponent("casustafel-\(day).ics").path
            let result = try schakel([id, "--formaat", "ics", "--uit", path])
            #expect(result.status == 0, "\(result.errors)")
            #expect(result.errors == "Geschreven: \(path)\n")
            let file = try parsed(path)
            #expect(file["crlf_only"] as? Bool == true)
            #expect((file["longest_line_octets"] as? Int ?? 99) <= 75)
            #expect(file["timezones"] as? [String] == ["Europe/Amsterdam"])
            let event = try #require((file["events"] as? [[String: Any]])?.first)
            #expect(event["uid"] as? String == "overleg-\(id)@schakel.kmt-twente.nl")
            #expect(event["tzid"] as? String == "Europe/Amsterdam")
            #expect(event["start_utc"] as? String == startUTC)
            #expect(event["end_utc"] as? String == endUTC)
            #expect(event["summary"] as? String == "Casustafel mensenhandel")
            #expect(event["location"] as? String == "Zorg- en Veiligheidshuis Twente, Hengelo")
        }
    }

    @Test func aPartnersAgendaHoldsTheirItemsAndNoName() throws {
        let id = try casustafel(on: "2026-12-08")
        let all = try schakel([id])
        #expect(all.status == 0, "\(all.errors)")
        #expect(all.output.contains("Bespreking C"))
        // The demo's items are brought by no one: the police's agenda is the standing items only.
        let police = try schakel([id, "--partner", "politie / avim"])
        #expect(police.status == 0, "\(police.errors)")
        #expect(police.output.contains("- Agenda voor: Politie / AVIM"))
        #expect(!police.output.contains("Bespreking C"))
        let names = try DemoQueries.personNames(in: database)
        #expect(names.count > 10)
        for name in names { #expect(!all.output.contains(name), "\(name)") }

        let stranger = try schakel([id, "--partner", "Bakkerij De Korenbloem"])
        #expect(stranger.status == 1)
        #expect(stranger.errors.hasPrefix("schakel: 'Bakkerij De Korenbloem' is niet uitgenodigd voor dit overleg. Uitgenodigd: "))
        #expect(stranger.output.isEmpty)
        let unknown = try schakel(["999999"])
        #expect(unknown.status == 1 && unknown.errors == "schakel: Overleg 999999 bestaat niet, of u heeft er geen toegang toe.\n")
        let nowhere = try schakel([id, "--uit", "/bestaat/niet/agenda.md"])
        #expect(nowhere.status == 1 && nowhere.errors == "schakel: De map /bestaat/niet bestaat niet; er is niets geschreven.\n")
        // Every export made is in the audit log (the one with nowhere to go was not made).
        #expect(try DemoQueries.meetingExports(in: database) == "3")
    }

    @Test func theMinutesAreForWhoSeesTheMeetingWholeAndTheExportFolderIsTheDemosOwn() throws {
        let id = try casustafel(on: "2026-12-08")
        let minutes = try Spawn.run([Binary.path, "overleg", "verslag", id, "--db", database, "--als", "pm.kmt"])
        #expect(minutes.status == 0, "\(minutes.errors)")
        #expect(minutes.output.hasPrefix("# Verslag Casustafel mensenhandel — di 08-12-2026 13:30–16:00\n"))
        #expect(minutes.output.contains("Geen verslag."))
        let supporter = try Spawn.run([Binary.path, "overleg", "verslag", id, "--db", database, "--als", "po.kmt"])
        #expect(supporter.status == 1 && supporter.output.isEmpty)
        #expect(supporter.errors.hasPrefix("schakel: Overleg \(id) bestaat niet, of u ziet het niet in zijn geheel"))
        let folder = try Spawn.run([Binary.path, "overleg", "exportmap", "--db", database, "--als", "pm.kmt"])
        #expect(folder.status == 0 && folder.output == directory.appendingPathComponent("export").path + "\n")
        let missing = try Spawn.run([Binary.path, "overleg", "exportmap", "/bestaat/niet", "--db", database, "--als", "beheer"])
        #expect(missing.status == 1 && missing.errors == "schakel: De map /bestaat/niet bestaat niet; er is niets geschreven.\n")
    }
}

/// The Python with the real parsers (`icalendar`, `vobject`): the one the other tests use.
enum PythonTools {
    static var interpreter: String { PythonScript.interpreter }
}
