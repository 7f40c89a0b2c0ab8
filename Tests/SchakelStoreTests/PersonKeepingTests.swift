import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// A person added after registration: the person, the link and a timeline line in one transaction,
/// audited, and only by who sees the signal or case in full.
@Suite struct PersonKeepingTests {
    let directory: TemporaryDirectory
    let store: Store
    let enschedeSignal: Int64, almeloSignal: Int64

    init() throws {
        directory = try TemporaryDirectory()
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        store = try DemoDatabase.open(path: directory.path("personen.sqlite"), today: today, calendar: WorkingDayCalendar()).store
        (enschedeSignal, almeloSignal) = try store.read { db in
            (try Int64.fetchOne(db, sql: "SELECT min(id) FROM signal WHERE municipality_id = 4")!,
             try Int64.fetchOne(db, sql: "SELECT min(id) FROM signal WHERE municipality_id = 1")!)
        }
    }

    /// What the database holds that an add could have written.
    func counts() throws -> [Int] {
        try store.read { db in
            try ["person", "signal_person", "case_person", "timeline_event"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")! }
        }
    }

    @Test func aPersonAddedToASignalGetsTheNextCodeALinkATimelineLineAndAnAuditEntry() throws {
        let af = try store.user(login: "af.enschede")
        let last = try store.read { db in try String.fetchOne(db, sql: "SELECT max(pseudonym) FROM person")! }
        let added = try store.addPerson(NewPerson(initials: " O.K. ", birthYear: 1987, role: .victim, familyName: "Kovalenko"),
                                        to: .signal(enschedeSignal), by: af)
        #expect(added.code == "P-" + Numbering.padded(Int(last.dropFirst(2))! + 1, width: 5))
        try store.read { (db: Database) throws -> Void in
            let person = try Row.fetchOne(db, sql: "SELECT initials, birth_year, family_name FROM person WHERE id = ?", arguments: [added.id])!
            #expect(person[0] as String == "O.K." && person[1] as Int == 1987 && person[2] as String == "Kovalenko")
            #expect(try String.fetchOne(db, sql: "SELECT role FROM signal_person WHERE signal_id = ? AND person_id = ?",
                                        arguments: [enschedeSignal, added.id]) == "slachtoffer")
            let line = try Row.fetchOne(db, sql: """
                SELECT kind, text FROM timeline_event WHERE subject_type = 'signal' AND subject_id = ? ORDER BY id DESC LIMIT 1
                """, arguments: [enschedeSignal])!
            #expect(line[0] as String == "person" && line[1] as String == "Betrokkene toegevoegd: \(added.code), slachtoffer.")
            let audit = try Row.fetchOne(db, sql: "SELECT action, object_type, object_id, result FROM audit_log ORDER BY id DESC LIMIT 1")!
            #expect(audit[1] as String == "person" && audit[2] as String == String(added.id) && audit[3] as String == "ok", "\(audit)")
        }
        // The line reads back on the timeline as a line about a person.
        let page = try store.timelinePage(of: .signal(enschedeSignal), kinds: [], .last, limit: 5, for: af)
        #expect(page.rows.last?.text == "Betrokkene toegevoegd: \(added.code), slachtoffer." && page.rows.last?.kind == .person)
        #expect(try store.verifyAuditLog().isIntact)
    }

    @Test func aPersonAddedToACaseIsLinkedToTheCase() throws {
        let pm = try store.user(login: "pm.kmt")
        let caseID = try store.openCase(fromSignal: enschedeSignal, perpetratorTrack: true, summary: "Daderaanpak",
                                        caseProcess: try Shipped.workflows().caseProcess, by: pm).id
        let added = try store.addPerson(NewPerson(initials: "M.", birthYear: nil, role: .suspect), to: .kmtCase(caseID), by: pm)
        #expect(try store.read { db in
            try String.fetchOne(db, sql: "SELECT role FROM case_person WHERE case_id = ? AND person_id = ?", arguments: [caseID, added.id])
        } == "verdachte")
    }

    @Test func anOfficerOfAnotherMunicipalityIsRefusedAuditedAndNothingIsWritten() throws {
        let hengelo = try store.user(login: "af.hengelo")
        let before = try counts()
        #expect(throws: StoreFailure.noAccess) {
            try store.addPerson(NewPerson(initials: "A.B.", birthYear: 1990, role: .victim), to: .signal(almeloSignal), by: hengelo)
        }
        #expect(throws: StoreFailure.noAccess) {
            try store.addPerson(NewPerson(initials: "A.B.", birthYear: 1990, role: .victim), to: .signal(999_999), by: hengelo)
        }
        #expect(try counts() == before)
        #expect(try store.read { db in
            try String.fetchAll(db, sql: "SELECT result FROM audit_log WHERE actor = 'af.hengelo' AND object_type = 'person' ORDER BY id")
        } == ["denied", "not_found"])
    }

    @Test func whatTheRegistrationFormRefusesIsRefusedHereAndNothingIsWritten() throws {
        let pm = try store.user(login: "pm.kmt")
        let before = try counts()
        let cases: [(NewPerson, String)] = [
            (NewPerson(initials: "  ", birthYear: nil, role: .victim), "Initialen: vul de initialen in."),
            (NewPerson(initials: "A.", birthYear: 1850, role: .victim), "Geboortejaar: een jaar tussen 1900 en 2026."),
            (NewPerson(initials: "A.", birthYear: 2027, role: .victim), "Geboortejaar: een jaar tussen 1900 en 2026."),
            (NewPerson(initials: String(repeating: "A", count: 21), birthYear: nil, role: .victim), "Initialen: te lang (21 tekens, hooguit 20)."),
            (NewPerson(initials: "A.", birthYear: nil, role: .victim, familyName: "Kova\u{1B}[2Jlenko"),
             "Achternaam: een stuurteken (U+001B) op positie 5; typ of plak de tekst zonder."),
        ]
        for (person, message) in cases {
            #expect(throws: StoreFailure.refused(message)) { try store.addPerson(person, to: .signal(enschedeSignal), by: pm) }
        }
        #expect(try counts() == before)
    }
}
