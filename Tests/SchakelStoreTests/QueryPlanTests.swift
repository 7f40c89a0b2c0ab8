import Testing
import TestSupport
import SchakelCore
@testable import SchakelStore
import SchakelDemo
import Meldroute

/// The inbox must find its page through an index, in index order: no scan of the signal table
/// and no sort of all matching rows, whatever the scope and direction.
@Suite struct QueryPlanTests {
    let directory: TemporaryDirectory
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        store = try DemoDatabase.open(path: directory.path("plan.sqlite"), today: today, calendar: WorkingDayCalendar()).store
    }

    static let key = ListKey(sortValue: "2026-06-01T10:00:00Z", id: 50)
    static let requests: [PageRequest] = [.first, .last, .after(key), .before(key)]

    func plan(_ request: PageRequest, _ scope: SignalScope) throws -> [String] {
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
    func anAFsPageUsesTheMunicipalityIndex(_ request: PageRequest) throws {
        expectIndexedWithoutSort(try plan(request, .municipality(4)), index: "signal_inbox_municipality", "\(request)")
    }

    @Test(arguments: requests)
    func aRegionPageUsesTheRegionIndex(_ request: PageRequest) throws {
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

/// The other lists page by key through their indexes too.
@Suite struct OtherListPlanTests {
    let directory: TemporaryDirectory
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        store = try DemoDatabase.open(path: directory.path("plans.sqlite"), today: today, calendar: WorkingDayCalendar()).store
    }

    func user(_ role: Role, _ municipality: Municipality? = nil) -> User {
        User(id: 1, login: "x", displayName: "X", role: role, municipality: municipality)
    }

    func plan(_ query: KeysetQuery) throws -> [String] { try store.queryPlan(sql: query.sql, arguments: query.arguments) }

    func uses(_ plan: [String], table: String, index: String) -> Bool {
        let step = plan.first { $0.hasPrefix("SEARCH \(table) ") || $0.hasPrefix("SCAN \(table) ") }
        return step?.contains("INDEX \(index)") == true && !plan.contains { $0.contains("TEMP B-TREE") }
    }

    static let key = ListKey(sortValue: "2026-06-01T10:00:00Z", id: 5)
    static let requests: [PageRequest] = [.first, .last, .after(key), .before(key)]

    @Test(arguments: requests)
    func caseLists(_ request: PageRequest) throws {
        let af = try plan(CaseListQuery.make(request, limit: 50, for: user(.designatedOfficer, Municipality.twente[3]))!)
        #expect(uses(af, table: "c", index: "kmt_case_municipality"), "\(af)")
        let pm = try plan(CaseListQuery.make(request, limit: 50, for: user(.processManager))!)
        #expect(uses(pm, table: "c", index: "kmt_case_list"), "\(pm)")
    }

    @Test(arguments: requests)
    func timelines(_ request: PageRequest) throws {
        let all = try plan(TimelineQuery.make(.kmtCase(3), kinds: [], request, limit: 50))
        #expect(uses(all, table: "t", index: "timeline_subject"), "\(all)")
        let notes = try plan(TimelineQuery.make(.signal(3), kinds: [.note, .contact], request, limit: 50))
        #expect(uses(notes, table: "t", index: "timeline_subject"), "\(notes)")
    }

    @Test(arguments: requests)
    func actionLists(_ request: PageRequest) throws {
        let pm = try plan(ActionListQuery.make(request, limit: 50, filter: .all, for: user(.processManager))!)
        #expect(uses(pm, table: "a", index: "action_item_due"), "\(pm)")
        let af = try plan(ActionListQuery.make(request, limit: 50, filter: .all, for: user(.designatedOfficer, Municipality.twente[3]))!)
        #expect(uses(af, table: "a", index: "action_item_due"), "\(af)")
    }

    @Test(arguments: requests)
    func meetingAndPartnerLists(_ request: PageRequest) throws {
        for meetingUser in [user(.processManager), user(.designatedOfficer, Municipality.twente[3]), user(.careCoordinator)] {
            let meetings = try plan(MeetingListQuery.make(request, limit: 20, for: meetingUser)!)
            #expect(uses(meetings, table: "g", index: "meeting_list"), "\(meetings)")
        }
        let today = CivilDate(iso: "2026-11-24")!
        let partners = try plan(PartnerListQuery.make(request, limit: 20, filter: .none, today: today))
        #expect(uses(partners, table: "p", index: "partner_list"), "\(partners)")
        // Facets narrow the walk along the same index; nothing is sorted afterwards.
        let facets = PartnerFilter(targetGroups: TargetGroups([.minors]), municipality: "Enschede", alwaysReachableOnly: true)
        let faceted = try plan(PartnerListQuery.make(request, limit: 20, filter: facets, today: today))
        #expect(uses(faceted, table: "p", index: "partner_list"), "\(faceted)")
    }

    @Test(arguments: [SearchHit.Source.signal, .timeline, .partner])
    func searches(_ source: SearchHit.Source) throws {
        let query = try #require(SearchQuery.make(source, match: "\"woning\"*", after: 500, limit: 20,
                                                  for: user(.designatedOfficer, Municipality.twente[3])))
        let plan = try store.queryPlan(sql: query.sql, arguments: query.arguments)
        let table = "\(source.rawValue)_fts"
        #expect(plan.contains { $0.hasPrefix("SCAN \(table) VIRTUAL TABLE INDEX") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        // The rows behind the hits are looked up by key, never scanned.
        for alias in ["s", "t", "p", "c"] {
            #expect(!plan.contains { $0 == "SCAN \(alias)" || $0.hasPrefix("SCAN \(alias) ") }, "\(plan)")
        }
    }

    /// Registering a signal or opening a case finds the year's last number in an index, not by
    /// reading every row inside the write transaction.
    @Test(arguments: [("signal", "signal_code_number"), ("kmt_case", "kmt_case_code_number")])
    func theNextCodeIsFoundInAnIndex(table: String, index: String) throws {
        let plan = try store.queryPlan(sql: CodeSeries.highestNumberSQL(in: table), arguments: ["S2026"])
        #expect(seeksTheYear(plan, table: table, index: index), "\(plan)")
    }

    /// Whether the year's numbers are found by seeking `index` on the series and year.
    func seeksTheYear(_ plan: [String], table: String, index: String) -> Bool {
        plan.count == 1 && plan[0].hasPrefix("SEARCH \(table) USING") && plan[0].contains("INDEX \(index) (<expr>=?)")
    }

    /// The check can fail: without the index, the whole code index is read.
    @Test func withoutItsIndexTheNextCodeFailsTheCheck() throws {
        try store.write { db in try db.execute(sql: "DROP INDEX signal_code_number") }
        let plan = try store.queryPlan(sql: CodeSeries.highestNumberSQL(in: "signal"), arguments: ["S2026"])
        #expect(!seeksTheYear(plan, table: "signal", index: "signal_code_number"), "\(plan)")
        #expect(!seeksTheYear(plan, table: "signal", index: "sqlite_autoindex_signal_1"), "\(plan)")
    }

    @Test func numbersGoOnPastFourDigitsAndStartAgainEachYear() throws {
        try store.write { db in
            try db.execute(sql: "UPDATE signal SET code = 'S2026-9999' WHERE code = (SELECT max(code) FROM signal WHERE code GLOB 'S2026-*')")
            var codes = CodeSeries(letter: CodeSeries.signals, continuingIn: "signal", db)
            #expect(try codes.next(in: 2026) == "S2026-10000")
            #expect(try codes.next(in: 2026) == "S2026-10001")
            #expect(try codes.next(in: 2031) == "S2031-0001")
        }
    }
}

/// Every figure of tab 5 is counted over an index range of its year: no scan of the signals or the
/// cases.
extension QueryPlanTests {
    /// The statements one counting of a year runs, with their arguments written in.
    func statements() throws -> [String] {
        final class Collected: @unchecked Sendable { var sql: [String] = [] }
        let collected = Collected()
        try store.read { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event { collected.sql.append(statement.expandedSQL) }
            }
            defer { db.trace(options: []) { _ in } }
            let workflow = try Shipped.workflows().signalRoute.workflow
            _ = try YearCount(year: 2026, db: db, outcomes: RouteOutcomes(workflow), timing: RouteTiming(workflow, calendar: WorkingDayCalendar()))
                .leaves()
        }
        return collected.sql
    }

    @Test func everyCountReadsAnIndexRange() throws {
        let counted = try statements()
        #expect(counted.count >= 8, "\(counted)")
        var readsDecisions = false
        for sql in counted {
            let plan = try store.queryPlan(sql: sql, arguments: [])
            let tableSteps = plan.filter { $0.hasPrefix("SCAN") || $0.hasPrefix("SEARCH") }
            for step in tableSteps where step.contains(" signal") || step.contains(" kmt_case") {
                #expect(step.hasPrefix("SEARCH") && step.contains("INDEX"), "\(sql): \(plan)")
            }
            // The signals' first decisions come from the index of decisions alone, never from all
            // the timeline's lines.
            for step in tableSteps where step.contains(" t ") {
                readsDecisions = true
                #expect(step.contains("COVERING INDEX timeline_decision"), "\(sql): \(plan)")
            }
        }
        #expect(readsDecisions)
    }
}
