import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// The dossier for a request for access (art. 15 AVG): a person in two signals and one case, all of
/// it there with who looked at it, and no other person's name anywhere in it.
@Suite struct InzageTests {
    let directory: TemporaryDirectory
    let store: Store
    let pm: User, af: User
    let workflows: [WorkflowDefinition]
    let enschede: Int64, almelo: Int64
    let person: AddedPerson

    init() throws {
        directory = try TemporaryDirectory()
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        store = try DemoDatabase.open(path: directory.path("inzage.sqlite"), today: today, calendar: WorkingDayCalendar()).store
        let shipped = try Shipped.workflows()
        workflows = [shipped.signalRoute.workflow, shipped.caseProcess.workflow]
        (pm, af) = (try store.user(login: "pm.kmt"), try store.user(login: "af.enschede"))
        (enschede, almelo) = try store.read { db in
            (try Int64.fetchOne(db, sql: "SELECT min(id) FROM signal WHERE municipality_id = 4 AND reporter_name <> ''")!,
             try Int64.fetchOne(db, sql: "SELECT min(id) FROM signal WHERE municipality_id = 1")!)
        }
        person = try store.addPerson(NewPerson(initials: "T.Z.", birthYear: 1991, role: .victim, givenName: "Tetiana", familyName: "Zhyvotovska"),
                                     to: .signal(enschede), by: pm)
        try store.linkPerson(person.id, role: .presumedVictim, to: .signal(almelo), by: pm)
        let caseID = try store.openCase(fromSignal: enschede, perpetratorTrack: false, summary: "Casusregie voor Tetiana Zhyvotovska.",
                                        caseProcess: shipped.caseProcess, by: pm).id
        // A note that names another person on the signal and its reporter: both blacked out.
        let (other, reporter) = try store.read { db in
            (try String.fetchOne(db, sql: """
                SELECT p.given_name || ' ' || p.family_name FROM signal_person l JOIN person p ON p.id = l.person_id
                WHERE l.signal_id = ? AND p.id <> ? AND p.family_name <> '' LIMIT 1
                """, arguments: [enschede, person.id])!,
             try String.fetchOne(db, sql: "SELECT reporter_name FROM signal WHERE id = ?", arguments: [enschede])!)
        }
        try store.addNote("Gesprek met Tetiana; \(other) was erbij. Melder \(reporter) gebeld.", to: .kmtCase(caseID), by: pm)
        _ = try store.signalDetail(id: enschede, for: af)
    }

    @Test func theDossierHoldsBothSignalsTheCaseTheirTextsAndWhoLookedAndNoOtherName() throws {
        let document = try store.inzage(ofPerson: person.code, workflows: workflows, by: pm)
        #expect(document.person.code == person.code && document.person.familyName == "Zhyvotovska")
        #expect(document.records.map(\.kind).sorted() == ["Casus", "Signaal", "Signaal"])
        #expect(Set(document.records.map(\.role)).isSuperset(of: ["slachtoffer", "vermoedelijk slachtoffer"]))
        let signal = try #require(document.records.first { $0.kind == "Signaal" && $0.role == "slachtoffer" })
        #expect(signal.accesses.contains { $0.who == "af.enschede" && $0.what.hasPrefix("details geopend") })
        #expect(signal.timeline.contains { $0.what.hasPrefix("betrokkene: Betrokkene toegevoegd: \(person.code)") })
        #expect(!signal.reporter.isEmpty && !signal.otherPersons.isEmpty && signal.otherPersons.allSatisfy { $0.hasPrefix("P-") })
        let kmtCase = try #require(document.records.first { $0.kind == "Casus" })
        #expect(kmtCase.description == "Casusregie voor Tetiana Zhyvotovska.")
        #expect(kmtCase.timeline.contains { $0.what.hasPrefix("notitie: Gesprek met Tetiana; [naam] was erbij. Melder [naam]") }, "\(kmtCase.timeline)")
        // No other person's name and no reporter's name, in either format.
        let names = try store.read { db in
            try String.fetchAll(db, sql: """
                SELECT family_name FROM person WHERE id <> ? AND family_name <> '' AND family_name <> 'Zhyvotovska'
                UNION SELECT given_name || ' ' || family_name FROM person WHERE id <> ? AND family_name <> ''
                UNION SELECT reporter_name FROM signal WHERE reporter_name <> ''
                """, arguments: [person.id, person.id])
        }
        #expect(names.count > 20)
        for text in [document.markdown, document.json] {
            for name in names { #expect(!text.contains(name), "\(name)") }
            #expect(text.contains("Zhyvotovska") && text.contains(person.code))
        }
        let parsed = try JSONSerialization.jsonObject(with: Data(document.json.utf8)) as? [String: Any]
        #expect((parsed?["dossiers"] as? [Any])?.count == 3)
    }

    @Test func onlyAProcesmanagerCompilesItAndAnUnknownCodeIsSaid() throws {
        #expect(throws: StoreFailure.noAccess) { try store.inzage(ofPerson: person.code, workflows: workflows, by: af) }
        #expect(throws: StoreFailure.refused("Er is geen persoon met de code P-99999.")) {
            try store.inzage(ofPerson: "P-99999", workflows: workflows, by: pm)
        }
        #expect(try store.read { db in
            try String.fetchAll(db, sql: "SELECT actor || ' ' || result FROM audit_log WHERE action = 'export' AND object_type = 'person' ORDER BY id")
        } == ["af.enschede denied", "pm.kmt not_found"])
        _ = try store.inzage(ofPerson: person.code, workflows: workflows, by: pm)
        #expect(try store.read { db in
            try String.fetchOne(db, sql: "SELECT detail FROM audit_log WHERE action = 'export' AND object_type = 'person' ORDER BY id DESC LIMIT 1")
        } == "inzage, 3 signalen en casussen")
        #expect(try store.verifyAuditLog().isIntact)
    }

    @Test func aMergedCodeGivesTheDossierOfTheCodeItBecame() throws {
        let other = try store.addPerson(NewPerson(initials: "T.Z.", birthYear: 1991, role: .victim), to: .signal(almelo), by: pm)
        try store.mergePersons(other.code, into: person.code, reason: "Zelfde persoon.", by: pm)
        let document = try store.inzage(ofPerson: other.code.lowercased(), workflows: workflows, by: pm)
        #expect(document.person.code == person.code && document.person.mergedCodes == [other.code])
    }
}

