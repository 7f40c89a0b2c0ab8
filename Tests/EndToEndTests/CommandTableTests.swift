import Foundation
import GRDB
import SchakelCore
import Testing

/// `NeedToKnowTable` tried through the commands, as each role with `--als` on the demo: every cell
/// a command can reach — a meeting's agenda and minutes, the sociale kaart, the figures, the users,
/// a setting — goes through where the table allows it, and is refused and written as `denied`
/// where it does not.
@Suite struct CommandTableTests {
    typealias Table = NeedToKnowTable

    static let logins: [Role: String] = [.designatedOfficer: "af.enschede", .processManager: "pm.kmt", .careCoordinator: "zc.kmt",
                                         .processSupporter: "po.kmt", .administrator: "beheer"]

    /// One command trying one cell: the words after `schakel` (with `--db` and `--als` added).
    struct Trial {
        let record: Table.Record
        let place: Table.Place
        let operation: Table.Operation
        let words: [String]
    }

    /// The demo's meetings for each kind of record: Enschede's own and Hengelo's, a regional one, a dadertafel.
    static func meetings(in path: String) throws -> [(Table.Record, Table.Place, Int64)] {
        try DatabaseQueue(path: path).read { db in
            func id(_ sql: String) throws -> Int64 { try #require(try Int64.fetchOne(db, sql: sql)) }
            func municipal(_ name: String) throws -> Int64 {
                try id("SELECT g.id FROM meeting g JOIN municipality m ON m.id = g.municipality_id WHERE m.name = '\(name)' ORDER BY g.id LIMIT 1")
            }
            return [(.municipalMeeting, .own, try municipal("Enschede")), (.municipalMeeting, .other, try municipal("Hengelo")),
                    (.regionalMeeting, .own, try id("SELECT id FROM meeting WHERE kind = 'casustafel' ORDER BY id LIMIT 1")),
                    (.dadertafel, .own, try id("SELECT id FROM meeting WHERE kind = 'dadertafel' ORDER BY id LIMIT 1"))]
        }
    }

    static func trials(meetings: [(Table.Record, Table.Place, Int64)], folder: String) -> [Trial] {
        var trials: [Trial] = []
        for (record, place, id) in meetings {
            trials.append(Trial(record: record, place: place, operation: .open, words: ["overleg", "agenda", String(id)]))
            trials.append(Trial(record: record, place: place, operation: .export, words: ["overleg", "verslag", String(id)]))
        }
        return trials + [
            Trial(record: .socialMap, place: .own, operation: .change, words: ["sociale-kaart", "bijwerken"]),
            Trial(record: .socialMap, place: .own, operation: .download, words: ["sociale-kaart", "exporteer", "--uit", folder + "/kaart.csv"]),
            Trial(record: .municipalFigures, place: .own, operation: .download, words: ["cijfers", "rapport", "--periode", "2026", "--gemeente", "Enschede"]),
            Trial(record: .municipalFigures, place: .other, operation: .download, words: ["cijfers", "rapport", "--periode", "2026", "--gemeente", "Hengelo"]),
            Trial(record: .regionalFigures, place: .own, operation: .download, words: ["cijfers", "rapport", "--periode", "2026-K3"]),
            Trial(record: .users, place: .own, operation: .list, words: ["gebruiker", "lijst"]),
            Trial(record: .users, place: .own, operation: .change, words: ["gebruiker", "deblokkeren", "af.hengelo"]),
            Trial(record: .settings, place: .own, operation: .change, words: ["beheer", "vergrendeling", "15"]),
            Trial(record: .retention, place: .own, operation: .list, words: ["bewaren", "lijst"]),
            Trial(record: .persons, place: .own, operation: .inzage, words: ["inzage", "--persoon", "P-00001"]),
        ]
    }

    @Test(arguments: Role.allCases)
    func everyCellACommandReachesHolds(role: Role) throws {
        let directory = try Binary.temporaryDirectory()
        let demo = directory.appendingPathComponent("demo.sqlite").path
        let made = try Spawn.run([Binary.path, "demo", "--db", demo, "--alleen-aanmaken"])
        #expect(made.status == 0, "\(made.errors)")
        let login = try #require(Self.logins[role])
        let trail = AuditTrail(path: demo)
        let trials = Self.trials(meetings: try Self.meetings(in: demo), folder: directory.path)
        for trial in trials {
            let expected = Table.access(role, trial.record, trial.place, trial.operation)
            let cell = "\(login): \(trial.words.joined(separator: " ")) (\(trial.record.rawValue), \(trial.place.rawValue), \(trial.operation.rawValue))"
            let before = try trail.last()
            let result = try Spawn.run([Binary.path] + trial.words + ["--db", demo, "--als", login])
            let denied = try trail.entries(after: before).filter { $0.result == "denied" }
            if expected == .none {
                #expect(result.status != 0, "\(cell): not refused")
                #expect(denied.count == 1 && denied.first?.actor == login, "\(cell): the refusal is not in the log: \(denied)")
            } else {
                #expect(result.status == 0, "\(cell): refused: \(result.errors)")
                #expect(denied.isEmpty, "\(cell): \(denied)")
            }
        }
        // Every kind of record a command can reach was tried.
        #expect(Set(trials.map(\.record)) == [.municipalMeeting, .regionalMeeting, .dadertafel, .socialMap, .municipalFigures, .regionalFigures,
                                              .users, .settings, .retention, .persons])
    }
}
