import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore

/// Advies en consult in the real store: registered (with its advice as the first step), closed with
/// an outcome (a referral found on the sociale kaart), reopened, and turned into a signal — the
/// signal, the consult's new state, the link both ways and both history lines in one transaction, or
/// nothing; need-to-know as signals, every refusal logged, a refresh writing nothing.
@Suite struct ConsultStoreTests {
    let directory: TemporaryDirectory
    let store: Store
    let hengelo: User
    let enschede: User
    let pm: User
    let engine: WorkflowEngine
    static let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
    static let municipalityHengelo = Municipality.twente.first { $0.name == "Hengelo" }!
    static let almelo = Municipality.twente.first { $0.name == "Almelo" }!

    init() throws {
        directory = try TemporaryDirectory()
        let noon = AmsterdamTime.instant(of: Self.today)
        store = try Store.initialise(path: directory.path("schakel.sqlite"), administrator: "beheer", displayName: "Beheer",
                                     directory: ShippedDirectory(version: 1, organisations: [ShippedOrganisation(key: "comensha", name: "CoMensha")]),
                                     now: { noon })
        let beheer = try store.user(login: "beheer")
        try store.createUser(login: "af.hengelo", displayName: "AF Hengelo", role: .designatedOfficer, municipality: Self.municipalityHengelo,
                             by: beheer)
        try store.createUser(login: "af.enschede", displayName: "AF Enschede", role: .designatedOfficer,
                             municipality: Municipality.twente.first { $0.name == "Enschede" }!, by: beheer)
        try store.createUser(login: "pm.kmt", displayName: "PM", role: .processManager, municipality: nil, by: beheer)
        hengelo = try store.user(login: "af.hengelo")
        enschede = try store.user(login: "af.enschede")
        pm = try store.user(login: "pm.kmt")
        engine = try #require(try Shipped.workflows().consult)
    }

    static func consult(in municipality: Municipality, advice: String = "", askedAt: LocalDateTime = today.adding(minutes: -120)) -> NewConsult {
        NewConsult(askedAt: askedAt, askerKind: .school, askerOrganisation: "OBS De Esch", askerName: "mevr. Jansen", municipality: municipality,
                   forms: [.sexual], question: "Leerling met dure spullen, opgehaald door een oudere vriend.", advice: advice)
    }

    func row(_ id: Int64) throws -> Row {
        try store.read { db in try #require(try Row.fetchOne(db, sql: "SELECT * FROM consult WHERE id = ?", arguments: [id])) }
    }

    func count(_ sql: String) throws -> Int { try store.read { db in try Int.fetchOne(db, sql: sql)! } }

    @Test func aConsultIsRegisteredWithItsAdviceAndClosedWithAReferralOnTheSocialeKaart() throws {
        let saved = try store.registerConsult(Self.consult(in: Self.almelo, advice: "Meldcode volgen."), engine: engine, by: pm)
        #expect(saved.code == "A2026-0001")
        var consult = try store.consult(id: saved.id, for: pm)
        #expect(consult.summary.state == ConsultStates.answered && consult.advice == "Meldcode volgen." && consult.askerName == "mevr. Jansen")
        #expect(consult.steps.map(\.text) == ["Vraag van school, onderwijs geregistreerd door PM.", "Advies gegeven: Meldcode volgen."])
        try store.recordConsultEvent(ConsultStates.close, fields: ["uitkomst": .choice("doorverwezen"), "organisatie": .text("comensha")],
                                     onConsult: saved.id, expectedVersion: consult.version, engine: engine, by: pm)
        var stored = try row(saved.id)
        #expect(stored["outcome"] as String? == "doorverwezen" && stored["referred_to"] as String == "comensha")
        #expect(stored["partner_id"] as Int64? != nil, "found on the sociale kaart by its name, whatever its case")
        #expect(stored["closed_on"] as String? == "2026-11-24")
        // Reopened: open again, its retention stopped, its outcome gone (the history keeps it).
        consult = try store.consult(id: saved.id, for: pm)
        try store.recordConsultEvent(ConsultStates.reopen, fields: ["reden": .text("Belt terug.")], onConsult: saved.id,
                                     expectedVersion: consult.version, engine: engine, by: pm)
        stored = try row(saved.id)
        #expect(stored["state"] as String == ConsultStates.answered && stored["outcome"] as String? == nil && stored["closed_on"] as String? == nil)
        #expect(try store.consult(id: saved.id, for: pm).steps.count == 4)
        // A step at an older version is a conflict that names the last step, and writes nothing.
        #expect(throws: StoreFailure.self) {
            try store.recordConsultEvent(ConsultStates.close, fields: ["uitkomst": .choice("geen_vervolg")], onConsult: saved.id,
                                         expectedVersion: consult.version, engine: engine, by: pm)
        }
        #expect(try row(saved.id)["state"] as String == ConsultStates.answered)
    }

    @Test func aConsultTurnedIntoASignalLinksBothWaysInOneTransaction() throws {
        let saved = try store.registerConsult(Self.consult(in: Self.municipalityHengelo, advice: "Melden."), engine: engine, by: hengelo)
        let consult = try store.consult(id: saved.id, for: hengelo)
        let signal = consult.signal(receivedAt: Self.today)
        #expect(signal.reporterType == .professional && signal.reporterOrganisation == "OBS De Esch" && signal.persons.isEmpty)
        #expect(signal.description.hasPrefix("Uit consult A2026-0001: ") && signal.description.contains("Gegeven advies: Melden."))
        let origin = ConsultOrigin(consultID: saved.id, code: saved.code, version: consult.version)
        let registered = try store.registerSignal(signal, from: origin, engine: engine, by: hengelo)
        let stored = try row(saved.id)
        #expect(stored["signal_id"] as Int64? == registered.id && stored["state"] as String == ConsultStates.converted)
        #expect(stored["outcome"] as String? == "signaal" && stored["closed_on"] as String? == "2026-11-24")
        let reopened = try store.consult(id: saved.id, for: hengelo)
        #expect(reopened.signalCode == registered.code && reopened.steps.last?.text == "Omgezet in signaal \(registered.code).")
        let received = try store.read { db in
            try String.fetchOne(db, sql: "SELECT text FROM timeline_event WHERE subject_type = 'signal' AND subject_id = ?", arguments: [registered.id])
        }
        #expect(received == "Signaal ontvangen (telefoon), geregistreerd door AF Hengelo, uit consult A2026-0001.")
        // Turned again (from the form as it was loaded): refused, and no second signal.
        let signals = try count("SELECT count(*) FROM signal")
        #expect(throws: StoreFailure.self) { _ = try store.registerSignal(signal, from: origin, engine: engine, by: hengelo) }
        let current = ConsultOrigin(consultID: saved.id, code: saved.code, version: reopened.version)
        #expect(throws: StoreFailure.self) { _ = try store.registerSignal(signal, from: current, engine: engine, by: hengelo) }
        #expect(try count("SELECT count(*) FROM signal") == signals)
        // A step cannot turn it either: the signal is registered with it, or not at all.
        #expect(throws: StoreFailure.self) {
            try store.recordConsultEvent(ConsultStates.convert, fields: [:], onConsult: saved.id, expectedVersion: reopened.version,
                                         engine: engine, by: hengelo)
        }
    }

    @Test func needToKnowAsSignalsWithEveryRefusalLoggedAndARefreshWritingNothing() throws {
        let almelo = try store.registerConsult(Self.consult(in: Self.almelo), engine: engine, by: pm)
        let ownID = try store.registerConsult(Self.consult(in: Self.municipalityHengelo), engine: engine, by: hengelo).id
        #expect(try store.consults(today: Self.today.date, for: hengelo, .asked).all.map(\.id) == [ownID])
        #expect(try store.consults(today: Self.today.date, for: pm, .asked).all.count == 2)
        #expect(try store.consults(today: Self.today.date, for: enschede, .asked).all.isEmpty)
        let before = try count("SELECT count(*) FROM audit_log")
        _ = try store.consults(today: Self.today.date, for: hengelo, .refresh)
        #expect(try count("SELECT count(*) FROM audit_log") == before)
        #expect(throws: StoreFailure.noAccess) { _ = try store.consult(id: almelo.id, for: hengelo) }
        #expect(throws: StoreFailure.noAccess) { _ = try store.registerConsult(Self.consult(in: Self.almelo), engine: engine, by: hengelo) }
        #expect(throws: StoreFailure.noAccess) {
            try store.recordConsultEvent(ConsultStates.adviceGiven, fields: ["advies": .text("x")], onConsult: almelo.id, expectedVersion: 1,
                                         engine: engine, by: hengelo)
        }
        let refusals = try store.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE actor = 'af.hengelo' AND result = 'denied' ORDER BY id")
        }
        #expect(refusals == ["read", "create", "transition"])
    }

    @Test func badInputIsRefusedInDutchAndTheHistoryCannotBeRewritten() throws {
        var long = Self.consult(in: Self.almelo)
        long.question = String(repeating: "x", count: NewConsult.Limit.question + 1)
        #expect(throws: StoreFailure.refused("Het consult is niet opgeslagen: De vraag is hooguit 4000 tekens.")) {
            _ = try store.registerConsult(long, engine: engine, by: pm)
        }
        var future = Self.consult(in: Self.almelo)
        future.askedAt = Self.today.adding(minutes: 60 * 24)
        #expect(throws: StoreFailure.refused("Het consult is niet opgeslagen: Het consult ligt in de toekomst.")) {
            _ = try store.registerConsult(future, engine: engine, by: pm)
        }
        #expect(try count("SELECT count(*) FROM consult") == 0)
        _ = try store.registerConsult(Self.consult(in: Self.almelo), engine: engine, by: pm)
        #expect(throws: (any Error).self) { try store.write { db in try db.execute(sql: "UPDATE consult_step SET text = 'anders'") } }
        #expect(throws: (any Error).self) { try store.write { db in try db.execute(sql: "DELETE FROM consult_step") } }
    }
}

/// The consults counted by the month they were asked, in Dutch time, across a year end: hand-counted.
@Suite struct ConsultFigureStoreTests {
    @Test func consultsAreCountedByAskerFormOutcomeAndMunicipalityAcrossAYearEnd() throws {
        let directory = try TemporaryDirectory()
        let noon = AmsterdamTime.instant(of: ConsultStoreTests.today)
        let store = try Store.initialise(path: directory.path("schakel.sqlite"), administrator: "beheer", displayName: "Beheer",
                                         directory: ShippedDirectory(version: 1, organisations: []), now: { noon })
        try store.createUser(login: "pm.kmt", displayName: "PM", role: .processManager, municipality: nil, by: try store.user(login: "beheer"))
        let pm = try store.user(login: "pm.kmt")
        let engine = try #require(try Shipped.workflows().consult)
        let almelo = ConsultStoreTests.almelo
        // New Year's Eve, 23:30 in Almelo (22:30 UTC): six, of 2024; New Year's night, 00:30: seven, of 2025.
        let eve = LocalDateTime(date: CivilDate(iso: "2024-12-31")!, hour: 23, minute: 30)
        let night = LocalDateTime(date: CivilDate(iso: "2025-01-01")!, hour: 0, minute: 30)
        for index in 0..<6 {
            var consult = ConsultStoreTests.consult(in: almelo, askedAt: eve)
            consult.askerKind = index < 5 ? .school : .police
            let saved = try store.registerConsult(consult, engine: engine, by: pm)
            try store.recordConsultEvent(ConsultStates.adviceGiven, fields: ["advies": .text("Advies.")], onConsult: saved.id, expectedVersion: 1,
                                         engine: engine, by: pm)
            try store.recordConsultEvent(ConsultStates.close, fields: ["uitkomst": .choice("geen_vervolg")], onConsult: saved.id,
                                         expectedVersion: 2, engine: engine, by: pm)
        }
        for _ in 0..<7 {
            var consult = ConsultStoreTests.consult(in: almelo, askedAt: night)
            consult.forms = [.labour, .criminal]
            _ = try store.registerConsult(consult, engine: engine, by: pm)
        }
        func breakdown(_ id: String, _ year: Int) throws -> PublishedBreakdown {
            let figures = try store.signalFigures(.year(year), in: .region, outcomes: nil, timing: nil, for: pm)
            return try #require(figures.published.first { $0.id == id })
        }
        func rows(_ breakdown: PublishedBreakdown) -> [String: String] {
            Dictionary(uniqueKeysWithValues: breakdown.rows.map { ($0.label, $0.count.text(threshold: breakdown.threshold)) })
        }
        let asker2024 = try breakdown(ConsultLeaves.askerID, 2024)
        #expect(asker2024.total.text(threshold: asker2024.threshold) == "6")
        // Five schools are published; the one police call is kept back (and so is the row that would betray it).
        #expect(rows(asker2024)["school, onderwijs"] == "5" && rows(asker2024)["politie"] != "1")
        #expect(rows(try breakdown(ConsultLeaves.outcomeID, 2024))["geen vervolg"] == "6")
        let forms2025 = try breakdown(ConsultLeaves.formID, 2025)
        #expect(forms2025.total.text(threshold: forms2025.threshold) == "7")
        #expect(rows(forms2025)["arbeidsuitbuiting"] == "7" && rows(forms2025)["criminele uitbuiting"] == "7")
        #expect(rows(try breakdown(ConsultLeaves.outcomeID, 2025))["nog open"] == "7")
        #expect(rows(try breakdown(ConsultLeaves.areaID, 2025))["Almelo"] == "7")
    }
}
