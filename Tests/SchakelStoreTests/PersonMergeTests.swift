import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// Two codes found to be one person: every link moves to the code that stays, the other keeps a
/// tombstone, both sides' timelines say so with the reason, the audit chain holds — and it can be
/// undone as long as nothing changed on the code that stayed.
@Suite struct PersonMergeTests {
    let directory: TemporaryDirectory
    let store: Store
    let pm: User
    let first: TimelineSubject, second: TimelineSubject
    let older: AddedPerson, newer: AddedPerson

    init() throws {
        directory = try TemporaryDirectory()
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        store = try DemoDatabase.open(path: directory.path("samenvoegen.sqlite"), today: today, calendar: WorkingDayCalendar()).store
        pm = try store.user(login: "pm.kmt")
        let signals = try store.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM signal WHERE municipality_id = 4 ORDER BY id LIMIT 2") }
        (first, second) = (.signal(signals[0]), .signal(signals[1]))
        older = try store.addPerson(NewPerson(initials: "O.K.", birthYear: 1987, role: .potentialVictim, familyName: "Bondarenko"), to: first, by: pm)
        newer = try store.addPerson(NewPerson(initials: "O.K.", birthYear: 1987, role: .victim), to: second, by: pm)
    }

    func lastLine(_ subject: TimelineSubject) throws -> String {
        try store.read { db in
            try String.fetchOne(db, sql: "SELECT text FROM timeline_event WHERE subject_type = ? AND subject_id = ? ORDER BY id DESC LIMIT 1",
                                arguments: [subject.typeName, subject.id])!
        }
    }

    /// The codes of these two persons on a subject (the demo's own persons left out).
    func ours(on subject: TimelineSubject) throws -> [SubjectPerson] {
        try store.persons(of: subject, for: pm).filter { [older.code, newer.code].contains($0.code) }
    }

    @Test func aMergeMovesTheLinksLeavesATombstoneAndSaysSoOnBothTimelines() throws {
        let merge = try store.mergePersons(newer.code, into: older.code, reason: "Zelfde paspoort.", by: pm)
        #expect(merge == PersonMerge(absorbed: newer.code, survivor: older.code, movedLinks: 1))
        #expect(try ours(on: second).map(\.code) == [older.code])
        #expect(try ours(on: second).first?.role == .victim)
        let line = "Betrokkenen samengevoegd: \(newer.code) is dezelfde persoon als \(older.code) en heet voortaan \(older.code). "
            + "Reden: Zelfde paspoort."
        #expect(try lastLine(first) == line && lastLine(second) == line)
        #expect(try store.read { db in try Int64.fetchOne(db, sql: "SELECT merged_into FROM person WHERE id = ?", arguments: [newer.id]) } == older.id)
        // The tombstone leads to the code that stays; the person view shows both signals.
        let record = try #require(try store.personRecord(id: newer.id, for: pm))
        #expect(record.code == older.code && record.appearances.map(\.subject) == [first, second] && record.mergedCodes == [newer.code])
        // A merged code is offered and found no more.
        #expect(try store.possibleMatches(for: NewPerson(initials: "O.K.", birthYear: 1987, role: .victim), for: pm).map(\.code)
            .contains(newer.code) == false)
        #expect(try store.read { db in
            try String.fetchOne(db, sql: "SELECT detail FROM audit_log WHERE object_type = 'person' AND action = 'update' ORDER BY id DESC LIMIT 1")
        } == "samengevoegd: \(newer.code) in \(older.code)")
        #expect(try store.verifyAuditLog().isIntact)
    }

    @Test func anUndoPutsEveryLinkBackWhileNothingChanged() throws {
        try store.mergePersons(newer.code, into: older.code, reason: "Zelfde paspoort.", by: pm)
        let undone = try store.undoMerge(of: newer.code, reason: "Toch twee zussen.", by: pm)
        #expect(undone.movedLinks == 1)
        #expect(try ours(on: second).map(\.code) == [newer.code])
        #expect(try ours(on: first).map(\.code) == [older.code])
        #expect(try lastLine(second) == "Samenvoegen ongedaan gemaakt: \(newer.code) en \(older.code) zijn weer twee personen. Reden: Toch twee zussen.")
        #expect(try store.personRecord(id: newer.id, for: pm)?.code == newer.code)
        #expect(try store.personRecord(id: older.id, for: pm)?.mergedCodes.isEmpty == true)
        #expect(try store.verifyAuditLog().isIntact)
        // Once undone there is nothing left to undo.
        #expect(throws: StoreFailure.refused("\(newer.code) is niet samengevoegd.")) {
            try store.undoMerge(of: newer.code, reason: "Nog eens.", by: pm)
        }
    }

    @Test func aPersonInBothSignalsAlreadyIsMergedAndUndoneWithoutLosingALink() throws {
        try store.linkPerson(newer.id, role: .potentialVictim, to: first, by: pm)
        try store.linkPerson(older.id, role: .victim, to: second, by: pm)
        try store.mergePersons(newer.code, into: older.code, reason: "Zelfde.", by: pm)
        #expect(try ours(on: first).map(\.code) == [older.code])
        try store.undoMerge(of: newer.code, reason: "Toch niet.", by: pm)
        #expect(try ours(on: first).map(\.code).sorted() == [older.code, newer.code].sorted())
        #expect(try ours(on: second).map(\.code).sorted() == [older.code, newer.code].sorted())
    }

    @Test func anUndoIsRefusedOnceSomethingWasLinkedToTheCodeThatStayed() throws {
        try store.mergePersons(newer.code, into: older.code, reason: "Zelfde.", by: pm)
        let third = try store.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM signal WHERE municipality_id = 1 ORDER BY id LIMIT 1")! }
        try store.linkPerson(older.id, role: .victim, to: .signal(third), by: pm)
        #expect(throws: StoreFailure.refused("Ongedaan maken kan niet meer: na het samenvoegen is er aan \(older.code) iets gekoppeld of gewijzigd. "
                                              + "Corrigeer de rollen per signaal of casus.")) {
            try store.undoMerge(of: newer.code, reason: "Toch niet.", by: pm)
        }
    }

    @Test func onlyAProcesmanagerMergesAndWhatIsWrongIsSaid() throws {
        let af = try store.user(login: "af.enschede")
        #expect(throws: StoreFailure.noAccess) { try store.mergePersons(newer.code, into: older.code, reason: "x", by: af) }
        #expect(throws: StoreFailure.noAccess) { try store.undoMerge(of: newer.code, reason: "x", by: af) }
        #expect(try store.read { db in
            try String.fetchAll(db, sql: "SELECT result FROM audit_log WHERE actor = 'af.enschede' AND object_type = 'person' ORDER BY id")
        } == ["denied", "denied"])
        #expect(throws: StoreFailure.refused("Er is geen persoon met de code P-99999.")) {
            try store.mergePersons("p-99999", into: older.code, reason: "x", by: pm)
        }
        #expect(throws: StoreFailure.refused("Kies twee verschillende codes.")) {
            try store.mergePersons(older.code, into: older.code, reason: "x", by: pm)
        }
        #expect(throws: StoreFailure.refused("Reden: vul in waarom dit verandert.")) {
            try store.mergePersons(newer.code, into: older.code, reason: " ", by: pm)
        }
        try store.mergePersons(newer.code, into: older.code, reason: "Zelfde.", by: pm)
        #expect(throws: StoreFailure.refused("\(newer.code) is al samengevoegd met \(older.code).")) {
            try store.mergePersons(newer.code, into: older.code, reason: "Nog eens.", by: pm)
        }
    }
}
