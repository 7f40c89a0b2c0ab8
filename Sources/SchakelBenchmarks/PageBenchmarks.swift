import Foundation
import Meldroute
import SchakelCore
@_spi(Benchmarks) import SchakelStore

/// Each page as the store reads it (query, decode by column, local time, route dates; the audit
/// entry every page a person asks for also writes is timed on its own) next to the same SQL through
/// SQLite's C API with nothing decoded, timed one after the other per page, the
/// page's rows read once beforehand so that neither is timed with a cold cache.
struct PageComparison {
    private(set) var store: [Double] = []
    private(set) var raw: [Double] = []

    mutating func add(store storeCall: () throws -> Void, raw rawCall: () throws -> Void) rethrows {
        try rawCall()
        var started = DispatchTime.now()
        try rawCall()
        raw.append(milliseconds(since: started))
        started = DispatchTime.now()
        try storeCall()
        store.append(milliseconds(since: started))
    }

    /// Median through the store, median raw, and their ratio into `report`.
    func record(_ name: String, into report: inout BenchmarkReport, budgetMilliseconds: Double) {
        guard !store.isEmpty else { return }
        report.record("\(name): via de store", samples: store, budgetMilliseconds: budgetMilliseconds)
        report.record("\(name): zelfde SQL, SQLite C-API", median(raw), "ms", goal: nil, detail: "mediaan van \(raw.count)")
        report.record("\(name): verhouding store / SQLite", median(store) / max(median(raw), 0.000_1), "×", goal: .atMost(3))
    }
}

enum PageBenchmarks {
    static let pageSize = 100

    /// Every inbox page of `login`, by key to the end and back from the end, and its detail view.
    static func inbox(_ store: Store, login: String, report: inout BenchmarkReport) throws {
        let user = try store.user(login: login)
        var first = PageComparison(), next = PageComparison(), last = PageComparison(), previous = PageComparison()
        var page = Page<SignalSummary>(rows: [], hasMore: false)
        for _ in 0..<20 {
            try first.add(store: { page = try store.inboxPageRead(.first, limit: pageSize, for: user) },
                          raw: { _ = try store.rawInboxPage(.first, limit: pageSize, for: user) })
        }
        var seen = page.rows.count
        while page.hasMore, let key = page.rows.last?.key {
            try next.add(store: { page = try store.inboxPageRead(.after(key), limit: pageSize, for: user) },
                         raw: { _ = try store.rawInboxPage(.after(key), limit: pageSize, for: user) })
            seen += page.rows.count
        }
        for _ in 0..<20 {
            try last.add(store: { page = try store.inboxPageRead(.last, limit: pageSize, for: user) },
                         raw: { _ = try store.rawInboxPage(.last, limit: pageSize, for: user) })
        }
        var steps = 0
        while page.hasMore, steps < 300, let key = page.rows.first?.key {
            try previous.add(store: { page = try store.inboxPageRead(.before(key), limit: pageSize, for: user) },
                             raw: { _ = try store.rawInboxPage(.before(key), limit: pageSize, for: user) })
            steps += 1
        }
        print("  \(login) ziet \(seen) signalen")
        first.record("\(login): eerste pagina", into: &report, budgetMilliseconds: 20)
        next.record("\(login): volgende pagina (\(next.store.count)×)", into: &report, budgetMilliseconds: 20)
        last.record("\(login): laatste pagina", into: &report, budgetMilliseconds: 20)
        previous.record("\(login): vorige pagina (\(previous.store.count)×)", into: &report, budgetMilliseconds: 20)

        // Opening the list, or a further page of it, for real also writes its audit entry: one synced commit.
        var opens: [Double] = [], further: [Double] = []
        for _ in 0..<20 {
            var started = DispatchTime.now()
            let opened = try store.inboxPage(.first, limit: pageSize, for: user)
            opens.append(milliseconds(since: started))
            guard let key = opened.rows.last?.key else { continue }
            started = DispatchTime.now()
            _ = try store.inboxPage(.after(key), limit: pageSize, for: user)
            further.append(milliseconds(since: started))
        }
        report.record("\(login): inbox openen (met auditregel)", samples: opens, budgetMilliseconds: 20)
        report.record("\(login): volgende pagina (met auditregel)", samples: further, budgetMilliseconds: 20)
        var details: [Double] = []
        for row in page.rows.prefix(50) {
            let started = DispatchTime.now()
            _ = try store.signalDetail(id: row.id, for: user)
            details.append(milliseconds(since: started))
        }
        report.record("\(login): signaal openen (met auditregel)", samples: details, budgetMilliseconds: 20)
    }

    /// A timeline of `lines` lines on one signal: from its end back to the start, and forward again.
    static func timeline(_ store: Store, lines: Int, report: inout BenchmarkReport) throws {
        let pm = try store.user(login: "pm.kmt")
        let signal = try store.inboxPage(.first, limit: 1, for: try store.user(login: "af.enschede")).rows[0]
        try store.addNotes(lines, toSignal: signal.id, by: pm)
        let subject = TimelineSubject.signal(signal.id)
        var last = PageComparison(), previous = PageComparison(), next = PageComparison()
        var page = Page<TimelineEntry>(rows: [], hasMore: false)
        for _ in 0..<20 {
            try last.add(store: { page = try store.timelinePageRead(of: subject, .last, limit: pageSize) },
                         raw: { _ = try store.rawTimelinePage(of: subject, .last, limit: pageSize) })
        }
        while page.hasMore, let key = page.rows.first?.key {
            try previous.add(store: { page = try store.timelinePageRead(of: subject, .before(key), limit: pageSize) },
                             raw: { _ = try store.rawTimelinePage(of: subject, .before(key), limit: pageSize) })
        }
        page = try store.timelinePageRead(of: subject, .first, limit: pageSize)
        while page.hasMore, let key = page.rows.last?.key {
            try next.add(store: { page = try store.timelinePageRead(of: subject, .after(key), limit: pageSize) },
                         raw: { _ = try store.rawTimelinePage(of: subject, .after(key), limit: pageSize) })
        }
        // Each page a person asks for also writes its audit entry.
        var audited: [Double] = []
        for _ in 0..<20 {
            let started = DispatchTime.now()
            _ = try store.timelinePage(of: subject, .after(page.rows.first?.key ?? ListKey(sortValue: "", id: 0)), limit: pageSize, for: pm)
            audited.append(milliseconds(since: started))
        }
        last.record("tijdlijn van \(lines): laatste pagina", into: &report, budgetMilliseconds: 20)
        previous.record("tijdlijn van \(lines): vorige pagina (\(previous.store.count)×)", into: &report, budgetMilliseconds: 20)
        next.record("tijdlijn van \(lines): volgende pagina (\(next.store.count)×)", into: &report, budgetMilliseconds: 20)
        report.record("tijdlijn van \(lines): pagina (met auditregel)", samples: audited, budgetMilliseconds: 20)
    }
}

/// Tab 5's figures over the load database: what opening the tab (a year, the region) and moving
/// to a quarter of one municipality cost, through the store.
enum FigureBenchmarks {
    static func figures(_ store: Store, year: Int, workflow: WorkflowDefinition, report: inout BenchmarkReport) throws {
        let user = try store.user(login: "pm.kmt")
        let outcomes = RouteOutcomes(workflow), timing = RouteTiming(workflow, calendar: WorkingDayCalendar())
        for (name, period, area) in [("Cijfers: jaar, regio", FiguresPeriod.year(year), FiguresArea.region),
                                     ("Cijfers: kwartaal, Enschede", .quarter(year, 1), .municipality(Municipality.twente[3]))] {
            _ = try store.signalFigures(period, in: area, outcomes: outcomes, timing: timing, for: user)
            var samples: [Double] = []
            for _ in 0..<10 {
                let started = DispatchTime.now()
                _ = try store.signalFigures(period, in: area, outcomes: outcomes, timing: timing, for: user)
                samples.append(milliseconds(since: started))
            }
            report.record(name, samples: samples, budgetMilliseconds: 100)
        }
    }
}
