import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// Every role sees exactly what it needs: in lists, details, timelines, search and counts.
@Suite struct NeedToKnowTests {
    let directory: TemporaryDirectory
    let store: Store
    let users: [String: User]
    let enschedeSignal: Int64, hengeloSignal: Int64
    let victimCase: Int64, perpetratorCase: Int64

    static let caseProcess = try! Shipped.workflows().caseProcess

    init() throws {
        directory = try TemporaryDirectory()
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        store = try DemoDatabase.open(path: directory.path("need.sqlite"), today: today, calendar: WorkingDayCalendar()).store
        var users: [String: User] = [:]
        for login in ["af.enschede", "af.hengelo", "pm.kmt", "zc.kmt", "po.kmt", "beheer"] { users[login] = try store.user(login: login) }
        self.users = users
        (enschedeSignal, hengeloSignal) = try store.read { db in
            (try Int64.fetchOne(db, sql: "SELECT min(id) FROM signal WHERE municipality_id = 4 AND acute = 0")!,
             try Int64.fetchOne(db, sql: "SELECT min(id) FROM signal WHERE municipality_id = 7")!)
        }
        victimCase = try store.openCase(fromSignal: enschedeSignal, perpetratorTrack: false, summary: "Slachtofferzorg geregeld",
                                        caseProcess: Self.caseProcess, by: users["af.enschede"]!).id
        perpetratorCase = try store.openCase(fromSignal: hengeloSignal, perpetratorTrack: true, summary: "Daderaanpak",
                                             caseProcess: Self.caseProcess, by: users["pm.kmt"]!).id
        try store.addNote("Gesprek met Zoë Çelik over haar werkgever.", toSignal: enschedeSignal, by: users["af.enschede"]!)
        try store.addNote("Werkgever Muñoz blijkt ook in Hengelo actief.", toSignal: hengeloSignal, by: users["af.hengelo"]!)
    }

    func user(_ login: String) -> User { users[login]! }

    func auditResults(_ login: String, action: String) throws -> [String] {
        try store.read { db in
            try String.fetchAll(db, sql: "SELECT result FROM audit_log WHERE actor = ? AND action = ? ORDER BY id",
                                arguments: [login, action])
        }
    }

    @Test func caseListsFollowTheRoles() throws {
        func codes(_ login: String) throws -> [Int64] { try store.casePage(.first, limit: 50, for: user(login)).rows.map(\.id) }
        #expect(try codes("af.enschede") == [victimCase])
        #expect(try codes("af.hengelo") == [])
        #expect(try codes("pm.kmt") == [perpetratorCase, victimCase])
        #expect(try codes("zc.kmt") == [victimCase])
        let supporter = try store.casePage(.first, limit: 50, for: user("po.kmt")).rows
        #expect(supporter.map(\.id) == [victimCase])
        #expect(supporter.first?.visibility == .pseudonymised)
        #expect(supporter.first?.summary == "" && supporter.first?.signalCode == nil)
        #expect(try codes("beheer") == [])
        #expect(try auditResults("beheer", action: "list") == ["denied"])
        // Shown again after a colleague's commit: the same rows, and nothing logged — not the list,
        // nor the refusal.
        let before = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? 0 }
        #expect(try store.casePage(.first, limit: 50, for: user("pm.kmt"), .refresh).rows.map(\.id) == [perpetratorCase, victimCase])
        #expect(try store.casePage(.first, limit: 50, for: user("beheer"), .refresh).rows.isEmpty)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? 0 } == before)
    }

    @Test func onlyTheSignalsAFOrAProcessManagerOpensACase() throws {
        for login in ["af.hengelo", "zc.kmt", "po.kmt", "beheer"] {
            #expect(throws: StoreFailure.noAccess, "\(login)") {
                try store.openCase(fromSignal: enschedeSignal, perpetratorTrack: false, summary: "", caseProcess: Self.caseProcess, by: user(login))
            }
            #expect(try auditResults(login, action: "create").last == "denied", "\(login)")
        }
        #expect(throws: StoreFailure.noAccess) {
            try store.openCase(fromSignal: 999_999, perpetratorTrack: false, summary: "", caseProcess: Self.caseProcess, by: user("pm.kmt"))
        }
        #expect(try auditResults("pm.kmt", action: "create").last == "not_found")
    }

    @Test func timelinesShowWhatTheRoleMaySee() throws {
        let full = try store.timelinePage(of: .kmtCase(victimCase), .first, limit: 10, for: user("zc.kmt")).rows
        #expect(full.map(\.text) == ["Casus aangemaakt uit signaal \(try signalCode(enschedeSignal))."])
        #expect(full.first?.author == "Anouk Veldkamp (demo)")
        let pseudonymised = try store.timelinePage(of: .kmtCase(victimCase), .first, limit: 10, for: user("po.kmt")).rows
        #expect(pseudonymised.map(\.kind) == [.received] && pseudonymised.allSatisfy { $0.text.isEmpty })
        #expect(throws: StoreFailure.noAccess) {
            try store.timelinePage(of: .kmtCase(perpetratorCase), .first, limit: 10, for: user("zc.kmt"))
        }
        #expect(throws: StoreFailure.noAccess) {
            try store.timelinePage(of: .signal(hengeloSignal), .first, limit: 10, for: user("af.enschede"))
        }
        // The signal's own timeline: received, the case referral and the note; filtered to notes only.
        let signalLines = try store.timelinePage(of: .signal(enschedeSignal), .first, limit: 10, for: user("af.enschede")).rows
        #expect(signalLines.map(\.kind) == [.received, .referral, .note])
        let notes = try store.timelinePage(of: .signal(enschedeSignal), kinds: [.note], .first, limit: 10, for: user("af.enschede"))
        #expect(notes.rows.map(\.text) == ["Gesprek met Zoë Çelik over haar werkgever."])
    }

    @Test func searchFoldsAccentsMatchesPrefixesAndNeverLeaks() throws {
        let own = try store.search("celi werkgever", in: .timeline, limit: 10, for: user("af.enschede")).rows
        #expect(own.map(\.subject) == [.signal(enschedeSignal)])
        #expect(own.first?.snippet.contains("«Çelik»") == true)
        #expect(try store.search("munoz", in: .timeline, limit: 10, for: user("af.enschede")).rows.isEmpty)
        #expect(try store.search("munoz", in: .timeline, limit: 10, for: user("pm.kmt")).rows.count == 1)
        #expect(try store.search("celik", in: .timeline, limit: 10, for: user("po.kmt")).rows.isEmpty)
        let caseLines = try store.search("casus aangemaakt", in: .timeline, limit: 10, for: user("zc.kmt")).rows.map(\.subject)
        #expect(caseLines.contains(.kmtCase(victimCase)) && !caseLines.contains(.kmtCase(perpetratorCase)))
        #expect(try store.search("casus aangemaakt", in: .timeline, limit: 10, for: user("pm.kmt")).rows.map(\.subject)
            .contains(.kmtCase(perpetratorCase)))
        // Signal descriptions, within scope only.
        let region = try store.search("schuld", in: .signal, limit: 500, for: user("pm.kmt")).rows
        let enschede = try store.search("schuld", in: .signal, limit: 500, for: user("af.enschede")).rows
        #expect(!enschede.isEmpty && enschede.count < region.count)
        let enschedeIDs = try store.read { db in Set(try Int64.fetchAll(db, sql: "SELECT id FROM signal WHERE municipality_id = 4")) }
        #expect(enschede.allSatisfy { enschedeIDs.contains($0.id) })
        // FTS syntax typed by a user is taken as words, never as a query.
        for text in ["\"", "AND OR NOT", "NEAR(", "*", "werk\" OR \"x"] {
            _ = try store.search(text, in: .signal, limit: 5, for: user("pm.kmt"))
        }
        // The audit log keeps a fingerprint of the terms, never the terms.
        let details = try store.read { db in try String.fetchAll(db, sql: "SELECT detail FROM audit_log WHERE action = 'search'") }
        #expect(details.allSatisfy { $0.hasPrefix("zoekterm-sha256 ") && !$0.contains("celi") })
    }

    /// A code from a letter finds its signal (whole, or its start, in any case), within scope only,
    /// audited like any search.
    @Test func aSignalsCodeFindsItWithinScope() throws {
        let code = try store.read { db in try #require(try String.fetchOne(db, sql: "SELECT code FROM signal WHERE id = ?", arguments: [enschedeSignal])) }
        let found = try store.search(code.lowercased(), in: .signal, limit: 10, for: user("af.enschede")).rows
        #expect(found.map(\.id) == [enschedeSignal] && found.first?.title == code && found.first?.subject == .signal(enschedeSignal))
        #expect(try store.search(code, in: .signal, limit: 10, for: user("af.hengelo")).rows.isEmpty)
        #expect(try store.search(code, in: .signal, limit: 10, for: user("po.kmt")).rows.isEmpty)
        // The start of a code: every signal of that year in scope, newest first, paged by key.
        let year = String(code.prefix(5))
        let expected = try store.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM signal WHERE code LIKE ? AND municipality_id = 4 ORDER BY id DESC", arguments: [year + "%"])
        }
        var collected: [Int64] = []
        var page = try store.search(year, in: .signal, limit: 1, for: user("af.enschede"))
        collected += page.rows.map(\.id)
        while page.hasMore, let last = collected.last {
            page = try store.search(year, in: .signal, after: last, limit: 1, for: user("af.enschede"))
            collected += page.rows.map(\.id)
        }
        #expect(collected == expected && expected.count > 1, "\(expected)")
        // Not a code: the words as ever.
        #expect(SearchQuery.signalCodePrefix("S2026-00123") == nil && SearchQuery.signalCodePrefix("schuld") == nil)
        let audited = try store.read { db in
            try String.fetchAll(db, sql: "SELECT actor || ' ' || result FROM audit_log WHERE action = 'search' ORDER BY id")
        }
        #expect(audited.prefix(3) == ["af.enschede ok", "af.hengelo ok", "po.kmt denied"])
    }

    @Test func searchPagesByKey() throws {
        let all = try store.search("schuld", in: .signal, limit: 1000, for: user("pm.kmt")).rows
        var collected: [SearchHit] = []
        var page = try store.search("schuld", in: .signal, limit: 3, for: user("pm.kmt"))
        collected += page.rows
        while page.hasMore, let last = collected.last {
            page = try store.search("schuld", in: .signal, after: last.id, limit: 3, for: user("pm.kmt"))
            collected += page.rows
        }
        #expect(collected.map(\.id) == all.map(\.id))
        #expect(all.count > 3)
    }

    @Test func actionListsShowAgreementsAboutVisibleRecordsSoonestFirst() throws {
        try store.addActionItem(about: .signal(enschedeSignal), description: "Melder terugbellen", owner: "Anouk",
                                due: CivilDate(iso: "2026-11-27")!, by: user("af.enschede"))
        try store.addActionItem(about: .kmtCase(perpetratorCase), description: "Inbrengen dadertafel", owner: "PM",
                                due: CivilDate(iso: "2026-11-25")!, by: user("pm.kmt"))
        try store.addActionItem(about: .kmtCase(victimCase), description: "Opvang regelen", owner: "ZC",
                                due: CivilDate(iso: "2026-11-26")!, by: user("zc.kmt"))
        #expect(throws: StoreFailure.noAccess) {
            try store.addActionItem(about: .kmtCase(perpetratorCase), description: "x", owner: "", due: CivilDate(iso: "2026-11-26")!,
                                    by: user("zc.kmt"))
        }
        func list(_ login: String) throws -> [String] {
            try store.openActionItems(.first, limit: 10, for: user(login)).rows.map(\.description)
        }
        #expect(try list("pm.kmt") == ["Inbrengen dadertafel", "Opvang regelen", "Melder terugbellen"])
        #expect(try list("af.enschede") == ["Opvang regelen", "Melder terugbellen"])
        #expect(try list("af.hengelo") == [])
        #expect(try list("zc.kmt") == ["Opvang regelen", "Melder terugbellen"])
        #expect(try list("po.kmt") == [])
        let first = try store.openActionItems(.first, limit: 1, for: user("pm.kmt"))
        let second = try store.openActionItems(.after(first.rows[0].key), limit: 1, for: user("pm.kmt"))
        #expect(second.rows.map(\.description) == ["Opvang regelen"] && second.hasMore)
    }

    @Test func anotherProcesssCommitChangesTheDataVersion() throws {
        let before = try store.dataVersion()
        try store.addNote("Eigen notitie", toSignal: enschedeSignal, by: user("af.enschede"))
        #expect(try store.dataVersion() == before)
        let colleague = try Store.open(path: store.path)
        try colleague.addNote("Notitie van een collega", toSignal: enschedeSignal, by: user("af.enschede"))
        #expect(try store.dataVersion() != before)
    }

    func signalCode(_ id: Int64) throws -> String {
        try store.read { db in try String.fetchOne(db, sql: "SELECT code FROM signal WHERE id = ?", arguments: [id])! }
    }
}
