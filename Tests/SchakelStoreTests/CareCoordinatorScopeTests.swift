import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// The zorgcoördinator coordinates victim care: she sees the signals the KMT's victim-track cases
/// came from, with their referrals, and no other municipal signal — in lists, counts, details,
/// searches and timelines alike. A signal comes into her sight when it becomes such a case.
@Suite struct CareCoordinatorScopeTests {
    let directory: TemporaryDirectory
    let store: Store
    let workflows: Workflows
    let careCoordinator: User

    init() throws {
        directory = try TemporaryDirectory()
        workflows = try Shipped.workflows()
        store = try DemoDatabase.open(path: directory.path("zorg.sqlite"), today: Shipped.today, calendar: WorkingDayCalendar(),
                                      workflows: workflows, meetingSeries: try Shipped.meetingSeries(),
                                      directory: try Shipped.directory()).store
        careCoordinator = try store.user(login: "zc.kmt")
    }

    func ids(_ sql: String) throws -> Set<Int64> { Set(try store.read { db in try Int64.fetchAll(db, sql: sql) }) }

    var caseOrigins: Set<Int64> {
        get throws { try ids("SELECT signal_id FROM kmt_case WHERE signal_id IS NOT NULL AND perpetrator_track = 0") }
    }

    /// Every inbox row, paged to the end.
    func inbox(for user: User) throws -> [Int64] {
        var rows: [Int64] = []
        var page = try store.inboxPage(.first, limit: 100, filter: SignalFilter(), overdue: [], for: user, .refresh)
        while true {
            rows += page.rows.map(\.id)
            guard page.hasMore, let key = page.rows.last?.key else { return rows }
            page = try store.inboxPage(.after(key), limit: 100, filter: SignalFilter(), overdue: [], for: user, .refresh)
        }
    }

    @Test func herInboxHoldsExactlyTheSignalsOfVictimCases() throws {
        let origins = try caseOrigins
        let perpetratorOnly = try ids("SELECT signal_id FROM kmt_case WHERE signal_id IS NOT NULL AND perpetrator_track = 1")
            .subtracting(origins)
        #expect(origins.count >= 5)
        let seen = try inbox(for: careCoordinator)
        #expect(Set(seen) == origins && seen.count == origins.count)
        #expect(Set(seen).isDisjoint(with: perpetratorOnly))
        // The procesmanager still sees the region.
        #expect(try inbox(for: try store.user(login: "pm.kmt")).count == (try ids("SELECT id FROM signal")).count)
    }

    @Test func anotherSignalIsRefusedInEveryWayAndAVictimCasesSignalIsHers() throws {
        let origin = try #require(try caseOrigins.min())
        let other = try #require(try ids("SELECT id FROM signal").subtracting(try caseOrigins).min())
        #expect(try store.signalDetail(id: origin, for: careCoordinator) != nil)
        #expect(try store.signalDetail(id: other, for: careCoordinator) == nil)
        #expect(throws: StoreFailure.noAccess) { try store.signalRouteState(id: other, for: careCoordinator) }
        #expect(throws: StoreFailure.noAccess) { try store.timelinePage(of: .signal(other), .first, limit: 5, for: careCoordinator) }
        #expect(try store.timelinePage(of: .signal(origin), .first, limit: 5, for: careCoordinator).rows.isEmpty == false)
        let refusals = try store.read { db in
            try String.fetchAll(db, sql: "SELECT result FROM audit_log WHERE actor = 'zc.kmt' AND object_id = ? ORDER BY id",
                                arguments: [String(other)])
        }
        #expect(refusals == ["denied", "denied", "denied"])
        // A search finds only what she may open.
        let code = try store.read { db in try String.fetchOne(db, sql: "SELECT code FROM signal WHERE id = ?", arguments: [other])! }
        let words = try store.read { db in
            try String.fetchOne(db, sql: "SELECT description FROM signal WHERE id = ?", arguments: [other])!
        }.split(separator: " ").prefix(3).joined(separator: " ")
        let hits = try store.search(words, in: .signal, limit: 200, for: careCoordinator).rows
        #expect(!hits.contains { $0.title == code })
        // (The same words do find it for the procesmanager: the search itself works.)
        #expect(try store.search(words, in: .signal, limit: 200, for: try store.user(login: "pm.kmt")).rows.contains { $0.title == code })
        #expect(hits.allSatisfy { (try? caseOrigins.contains($0.id)) == true })
    }

    @Test func aSignalComesIntoHerSightWhenItBecomesAVictimCase() throws {
        let other = try #require(try ids("SELECT id FROM signal").subtracting(try caseOrigins).min())
        let partner = try #require(try store.partnerPage(.first, limit: 1, today: Shipped.today.date, for: careCoordinator).rows.first?.id)
        let pm = try store.user(login: "pm.kmt")
        _ = try store.refer(.signal(other), NewReferral(partnerID: partner, reason: "Opvang geregeld.", date: Shipped.today.date), by: pm)
        #expect(try store.partner(id: partner, for: careCoordinator)?.referrals.contains { $0.subject == .signal(other) } == false)
        #expect(!(try inbox(for: careCoordinator)).contains(other))

        _ = try store.openCase(fromSignal: other, perpetratorTrack: false, summary: "", caseProcess: workflows.caseProcess, by: pm)
        #expect(try inbox(for: careCoordinator).contains(other))
        #expect(try store.signalDetail(id: other, for: careCoordinator) != nil)
        #expect(try store.partner(id: partner, for: careCoordinator)?.referrals.contains { $0.subject == .signal(other) } == true)
    }

    @Test func aPerpetratorCaseBringsNoSignalIntoHerSight() throws {
        let other = try #require(try ids("SELECT id FROM signal").subtracting(try caseOrigins).min())
        _ = try store.openCase(fromSignal: other, perpetratorTrack: true, summary: "", caseProcess: workflows.caseProcess,
                               by: try store.user(login: "pm.kmt"))
        #expect(!(try inbox(for: careCoordinator)).contains(other))
        #expect(try store.signalDetail(id: other, for: careCoordinator) == nil)
    }

    @Test func sheRegistersNoSignals() throws {
        let signal = NewSignal(source: .phone, reporterType: .anonymous, municipality: Municipality.twente[3], forms: [.labour],
                               description: "Via een zorgpartner.")
        #expect(throws: StoreFailure.noAccess) { try store.registerSignal(signal, by: careCoordinator) }
    }
}
