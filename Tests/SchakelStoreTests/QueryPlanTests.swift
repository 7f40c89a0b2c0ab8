import Testing
import SchakelCore
@testable import SchakelStore
import Meldroute

/// The inbox must find its page through an index, in index order: no scan of the signal table
/// and no sort of all matching rows, whatever the scope and direction.
@Suite struct QueryPlanTests {
    let directory: TemporaryDirectory
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        store = try Store.openDemo(path: directory.path("plan.sqlite"), today: today, calendar: WorkingDayCalendar()).store
    }

    static let key = InboxKey(receivedAt: "2026-06-01T10:00:00Z", id: 50)
    static let requests: [InboxPageRequest] = [.first, .last, .after(key), .before(key)]

    func plan(_ request: InboxPageRequest, _ scope: SignalScope) throws -> [String] {
        let query = try #require(InboxQuery.make(request, limit: 100, scope: scope))
        return try store.queryPlan(sql: query.sql, arguments: query.arguments)
    }

    /// Whether the signal table is read through `index` and nothing is sorted afterwards.
    func readsInIndexOrder(_ plan: [String], index: String) -> Bool {
        let signalStep = plan.first { $0.hasPrefix("SEARCH s ") || $0.hasPrefix("SCAN s ") }
        let usesIndex = signalStep?.contains("USING INDEX \(index)") == true
            || signalStep?.contains("USING COVERING INDEX \(index)") == true
        return usesIndex && !plan.contains { $0.contains("TEMP B-TREE") }
    }

    func expectIndexedWithoutSort(_ plan: [String], index: String, _ context: String) {
        #expect(readsInIndexOrder(plan, index: index), "\(context): \(plan)")
    }

    @Test(arguments: requests)
    func anAFsPageUsesTheMunicipalityIndex(_ request: InboxPageRequest) throws {
        expectIndexedWithoutSort(try plan(request, .municipality(4)), index: "signal_inbox_municipality", "\(request)")
    }

    @Test(arguments: requests)
    func aRegionPageUsesTheRegionIndex(_ request: InboxPageRequest) throws {
        expectIndexedWithoutSort(try plan(request, .region), index: "signal_inbox_region", "\(request)")
    }

    @Test func theIndexIsStillChosenAfterAnalyze() throws {
        try store.write { db in try db.execute(sql: "ANALYZE") }
        for request in Self.requests {
            expectIndexedWithoutSort(try plan(request, .municipality(4)), index: "signal_inbox_municipality", "\(request)")
            expectIndexedWithoutSort(try plan(request, .region), index: "signal_inbox_region", "\(request)")
        }
    }

    /// The check above can fail: without its index, an AF's page is found by reading the whole
    /// region in order and skipping other municipalities' rows.
    @Test func withoutItsIndexTheAFsPageFailsTheCheck() throws {
        try store.write { db in try db.execute(sql: "DROP INDEX signal_inbox_municipality") }
        let plan = try plan(.first, .municipality(4))
        #expect(!readsInIndexOrder(plan, index: "signal_inbox_municipality"), "\(plan)")
    }

    @Test func aScopeWithoutSignalsRunsNoQuery() {
        #expect(InboxQuery.make(.first, limit: 100, scope: .none) == nil)
    }
}
