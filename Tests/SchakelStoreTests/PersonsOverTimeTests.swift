import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// Persons after registration: a role changed and data corrected with a reason, a known person
/// offered and linked instead of a second code, the person view, and the search by name — each only
/// within need-to-know, refused and audited outside it.
@Suite struct PersonsOverTimeTests {
    let directory: TemporaryDirectory
    let store: Store
    let enschedeSignals: [Int64], almeloSignal: Int64

    init() throws {
        directory = try TemporaryDirectory()
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        store = try DemoDatabase.open(path: directory.path("personen.sqlite"), today: today, calendar: WorkingDayCalendar()).store
        (enschedeSignals, almeloSignal) = try store.read { db in
            (try Int64.fetchAll(db, sql: "SELECT id FROM signal WHERE municipality_id = 4 ORDER BY id LIMIT 2"),
             try Int64.fetchOne(db, sql: "SELECT min(id) FROM signal WHERE municipality_id = 1")!)
        }
    }

    func user(_ login: String) throws -> User { try store.user(login: login) }

    /// The last timeline line of a subject.
    func lastLine(_ subject: TimelineSubject) throws -> String {
        try store.read { db in
            try String.fetchOne(db, sql: "SELECT text FROM timeline_event WHERE subject_type = ? AND subject_id = ? ORDER BY id DESC LIMIT 1",
                                arguments: [subject.typeName, subject.id])!
        }
    }

    func auditResults(of login: String) throws -> [String] {
        try store.read { db in
            try String.fetchAll(db, sql: "SELECT result FROM audit_log WHERE actor = ? AND object_type = 'person' ORDER BY id", arguments: [login])
        }
    }

    func counts() throws -> [Int] {
        try store.read { db in
            try ["person", "signal_person", "case_person", "timeline_event", "person_merge"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")!
            }
        }
    }

    // MARK: Role and correction

    @Test func aRoleChangeIsWrittenWithItsReasonAndTheTimelineKeepsTheOldRole() throws {
        let af = try user("af.enschede")
        let signal = TimelineSubject.signal(enschedeSignals[0])
        let added = try store.addPerson(NewPerson(initials: "O.K.", birthYear: 1987, role: .potentialVictim), to: signal, by: af)
        try store.changeRole(of: added.id, on: signal, from: .potentialVictim, to: .victim, reason: "Eerste gesprek gevoerd.", by: af)
        #expect(try store.persons(of: signal, for: af).first { $0.id == added.id }?.role == .victim)
        #expect(try lastLine(signal) == "Rol van \(added.code): potentieel slachtoffer → slachtoffer. Reden: Eerste gesprek gevoerd.")
        let page = try store.timelinePage(of: signal, kinds: [.person], .first, limit: 10, for: af)
        #expect(page.rows.map(\.text).contains("Betrokkene toegevoegd: \(added.code), potentieel slachtoffer."))
        #expect(try auditResults(of: "af.enschede") == ["ok", "ok"])
    }

    @Test func aChangeWithoutAReasonOrToTheSameRoleOrOfAnAbsentRoleIsRefusedAndWritesNothing() throws {
        let af = try user("af.enschede")
        let signal = TimelineSubject.signal(enschedeSignals[0])
        let added = try store.addPerson(NewPerson(initials: "O.K.", birthYear: 1987, role: .suspect), to: signal, by: af)
        let before = try counts()
        #expect(throws: StoreFailure.refused("Reden: vul in waarom dit verandert.")) {
            try store.changeRole(of: added.id, on: signal, from: .suspect, to: .perpetrator, reason: "  \n", by: af)
        }
        #expect(throws: StoreFailure.refused("Rol: kies een andere rol dan verdachte.")) {
            try store.changeRole(of: added.id, on: signal, from: .suspect, to: .suspect, reason: "x", by: af)
        }
        #expect(throws: StoreFailure.refused("Deze betrokkene staat hier niet (meer) als slachtoffer.")) {
            try store.changeRole(of: added.id, on: signal, from: .victim, to: .perpetrator, reason: "x", by: af)
        }
        #expect(throws: StoreFailure.refused("Reden: een stuurteken (U+001B) op positie 1; typ of plak de tekst zonder.")) {
            try store.changeRole(of: added.id, on: signal, from: .suspect, to: .perpetrator, reason: "\u{1B}[2J", by: af)
        }
        #expect(try counts() == before)
    }

    @Test func aCorrectionSaysWhatChangedFromWhatToWhatOnEveryTimelineThePersonIsOn() throws {
        let pm = try user("pm.kmt")
        let first = TimelineSubject.signal(enschedeSignals[0]), second = TimelineSubject.signal(almeloSignal)
        let added = try store.addPerson(NewPerson(initials: "O.K.", birthYear: 1986, role: .victim, familyName: "Kovalenko"), to: first, by: pm)
        try store.linkPerson(added.id, role: .victim, to: second, by: pm)
        try store.correctPerson(added.id, on: first, to: PersonCorrection(initials: "O.K.", birthYear: 1987, givenName: "Olena",
                                                                             familyName: "Kovalenko"),
                                reason: "Paspoort gezien.", by: pm)
        let line = "Betrokkene \(added.code) gecorrigeerd: geboortejaar 1986 → 1987; voornaam (leeg) → „Olena”. Reden: Paspoort gezien."
        #expect(try lastLine(first) == line)
        #expect(try lastLine(second) == line)
        let person = try #require(try store.persons(of: second, for: pm).first { $0.id == added.id })
        #expect(person.birthYear == 1987 && person.givenName == "Olena")
        // Nothing to change: refused.
        #expect(throws: StoreFailure.refused("Er is niets gewijzigd.")) {
            try store.correctPerson(added.id, on: first, to: PersonCorrection(initials: "O.K.", birthYear: 1987, givenName: "Olena",
                                                                                 familyName: "Kovalenko"), reason: "x", by: pm)
        }
        #expect(throws: StoreFailure.refused("Geboortejaar: een jaar tussen 1900 en 2026.")) {
            try store.correctPerson(added.id, on: first, to: PersonCorrection(initials: "O.K.", birthYear: 1787, givenName: "",
                                                                                 familyName: ""), reason: "x", by: pm)
        }
    }

    // MARK: Need-to-know

    @Test func anOfficerOfHengeloCanNotAddCorrectLinkFindOrOpenAPersonOnlyInAlmelo() throws {
        let pm = try user("pm.kmt"), hengelo = try user("af.hengelo")
        let almelo = TimelineSubject.signal(almeloSignal)
        let added = try store.addPerson(NewPerson(initials: "Ö.Y.", birthYear: 1990, role: .victim, familyName: "Şahinöz"), to: almelo, by: pm)
        let hengeloSignal = try store.read { db in try Int64.fetchOne(db, sql: "SELECT min(id) FROM signal WHERE municipality_id = 7")! }
        let before = try counts()
        #expect(throws: StoreFailure.noAccess) {
            try store.changeRole(of: added.id, on: almelo, from: .victim, to: .presumedVictim, reason: "x", by: hengelo)
        }
        #expect(throws: StoreFailure.noAccess) {
            try store.correctPerson(added.id, on: almelo, to: PersonCorrection(initials: "Ö.Y.", birthYear: 1991, givenName: "",
                                                                                  familyName: "Şahinöz"), reason: "x", by: hengelo)
        }
        #expect(throws: StoreFailure.noAccess) { try store.linkPerson(added.id, role: .victim, to: .signal(hengeloSignal), by: hengelo) }
        #expect(throws: StoreFailure.noAccess) { try store.persons(of: almelo, for: hengelo) }
        #expect(try store.possibleMatches(for: NewPerson(initials: "O.Y.", birthYear: 1990, role: .victim, familyName: "Sahinoz"),
                                          for: hengelo).isEmpty)
        #expect(try store.personRecord(id: added.id, for: hengelo) == nil)
        #expect(try store.search("Sahinoz", in: .person, limit: 10, for: hengelo).rows.isEmpty)
        // A registration that names the person as known is refused before anything is written.
        let signal = NewSignal(source: .intranet, reporterType: .anonymous, reporterName: "", reporterOrganisation: "",
                               reporterContact: "", municipality: Municipality.twente[6], forms: [.sexual], description: "x",
                               persons: [NewPerson(initials: "O.Y.", birthYear: 1990, role: .victim, knownID: added.id)])
        #expect(throws: StoreFailure.noAccess) { try store.registerSignal(signal, by: hengelo) }
        #expect(try counts() == before)
        #expect(try store.read { db in
            try String.fetchAll(db, sql: """
                SELECT action || ' ' || object_type || ' ' || result FROM audit_log
                WHERE actor = 'af.hengelo' AND result <> 'ok' ORDER BY id
                """)
        } == ["create person denied", "create person denied", "update person denied", "read signal denied", "read person denied",
              "update person denied"])
        // The procesmanager sees the region: offered, found and opened.
        #expect(try store.possibleMatches(for: NewPerson(initials: "x", birthYear: nil, role: .victim, familyName: "ŞAHINÖZ"), for: pm)
            .map(\.code) == [added.code])
        #expect(try store.search("sahinoz", in: .person, limit: 10, for: pm).rows.map(\.title) == [added.code])
        #expect(try store.personRecord(id: added.id, for: pm)?.appearances.map(\.subject) == [almelo])
        #expect(try store.verifyAuditLog().isIntact)
    }

    @Test func thePersonViewListsOnlyTheSignalsAndCasesTheUserSeesInFull() throws {
        let pm = try user("pm.kmt"), enschede = try user("af.enschede")
        let own = TimelineSubject.signal(enschedeSignals[0])
        let added = try store.addPerson(NewPerson(initials: "O.K.", birthYear: 1987, role: .victim), to: own, by: pm)
        try store.linkPerson(added.id, role: .victim, to: .signal(almeloSignal), by: pm)
        let record = try #require(try store.personRecord(id: added.id, for: enschede))
        #expect(record.code == added.code && record.appearances.map(\.subject) == [own])
        #expect(record.appearances.first?.municipality == "Enschede" && record.appearances.first?.role == .victim)
        #expect(try store.personRecord(id: added.id, for: pm)?.appearances.count == 2)
        // The match offer names only the codes the officer sees.
        let offered = try store.possibleMatches(for: NewPerson(initials: "o k", birthYear: 1987, role: .victim), for: enschede)
        let signalCode = try store.read { db in try String.fetchOne(db, sql: "SELECT code FROM signal WHERE id = ?", arguments: [own.id])! }
        #expect(offered.first { $0.id == added.id }?.appearsIn == [signalCode])
    }

    // MARK: One person, one code

    @Test func aKnownPersonIsLinkedWithoutANewCodeAtRegistrationAndAfterwards() throws {
        let af = try user("af.enschede")
        let added = try store.addPerson(NewPerson(initials: "O.K.", birthYear: 1987, role: .victim), to: .signal(enschedeSignals[0]), by: af)
        let personsBefore = try counts()[0]
        let signal = NewSignal(source: .intranet, reporterType: .anonymous, reporterName: "", reporterOrganisation: "",
                               reporterContact: "", municipality: Municipality.twente[3], forms: [.sexual], description: "Tweede keer",
                               persons: [NewPerson(initials: "O.K.", birthYear: 1987, role: .presumedVictim, knownID: added.id)])
        let registered = try store.registerSignal(signal, by: af)
        #expect(try counts()[0] == personsBefore)
        #expect(try store.persons(of: .signal(registered.id), for: af).map(\.code) == [added.code])
        #expect(try store.personRecord(id: added.id, for: af)?.appearances.count == 2)
        // Linked twice in the same role: refused.
        #expect(throws: StoreFailure.refused("\(added.code) staat hier al als vermoedelijk slachtoffer.")) {
            try store.linkPerson(added.id, role: .presumedVictim, to: .signal(registered.id), by: af)
        }
    }

    @Test func theMatchOfferFoldsCaseDiacriticsAndScriptsButNotOtherNames() throws {
        let pm = try user("pm.kmt")
        let signal = TimelineSubject.signal(enschedeSignals[1])
        // Names the demo does not hold, so that only these can be offered.
        let known: [(String, Int?, String)] = [("A.Ş.", 1987, "Şahinöz"), ("T.T.", 1990, "Trần"), ("E.K.", 1979, "Kılıçdaroğlu"),
                                               ("O.B.", 1992, "Бондаренко"), ("J.", nil, "ter Wijlen")]
        var codes: [String: String] = [:]
        for (initials, year, family) in known {
            codes[family] = try store.addPerson(NewPerson(initials: initials, birthYear: year, role: .victim, familyName: family),
                                                to: signal, by: pm).code
        }
        func offered(_ initials: String, _ year: Int?, _ family: String) throws -> Set<String> {
            Set(try store.possibleMatches(for: NewPerson(initials: initials, birthYear: year, role: .victim, familyName: family), for: pm)
                .map(\.code)).intersection(codes.values)
        }
        let mustOffer: [(String, Int?, String, String)] = [
            ("x", nil, "Sahinoz", "Şahinöz"), ("x", nil, "ŞAHINÖZ", "Şahinöz"), ("x", nil, "şahinöz", "Şahinöz"),
            ("x", nil, "Tran", "Trần"), ("x", nil, "Kilicdaroglu", "Kılıçdaroğlu"), ("x", nil, "Bondarenko", "Бондаренко"),
            ("x", nil, "Ter Wijlen", "ter Wijlen"), ("x", nil, "terwijlen", "ter Wijlen"),
            ("a ş", 1987, "", "Şahinöz"), ("AS", 1987, "Anders", "Şahinöz"), ("t.t.", 1990, "", "Trần"),
        ]
        for (initials, year, family, expected) in mustOffer {
            #expect(try offered(initials, year, family) == [codes[expected]!], "\(initials) \(year ?? 0) \(family)")
        }
        let mustNot: [(String, Int?, String)] = [
            ("x", nil, "Sahinozz"), ("x", nil, "Tra"), ("A.Ş.", 1988, ""), ("A.Ş.", nil, ""), ("J.", nil, ""), ("Q.", 1987, "Wijlen"),
            ("x", nil, ""),
        ]
        for (initials, year, family) in mustNot {
            #expect(try offered(initials, year, family).isEmpty, "\(initials) \(year ?? 0) \(family)")
        }
    }

    @Test func theSearchFindsAPersonByNameWithDiacriticsFoldedAndShowsNoName() throws {
        let pm = try user("pm.kmt"), enschede = try user("af.enschede")
        let added = try store.addPerson(NewPerson(initials: "O.K.", birthYear: 1987, role: .victim, givenName: "Olena", familyName: "Bondarénko"),
                                        to: .signal(enschedeSignals[0]), by: pm)
        let hits = try store.search("bondarenko", in: .person, limit: 10, for: enschede).rows
        #expect(hits.map(\.title) == [added.code])
        #expect(hits.first?.snippet == "O.K. 1987" && hits.first?.id == added.id)
        // A correction of the name is found under the new name only.
        try store.correctPerson(added.id, on: .signal(enschedeSignals[0]),
                                to: PersonCorrection(initials: "O.K.", birthYear: 1987, givenName: "Olena", familyName: "Hrytsenko"),
                                reason: "Naam na huwelijk.", by: pm)
        #expect(try store.search("bondarenko", in: .person, limit: 10, for: pm).rows.isEmpty)
        #expect(try store.search("hrytsenko", in: .person, limit: 10, for: pm).rows.map(\.title) == [added.code])
    }
}
