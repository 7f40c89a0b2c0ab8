// Benchmarks: figures against budgets, printed; never part of the test run.
//
//     swift run -c release schakel-benchmarks [aantal-signalen]
//
// Fills a temporary database with 100,000 signals (or the number given) and times the inbox
// page queries an officer's keypresses cause, for an AF of the largest municipality and for a
// KMT process manager who sees the region.
import Foundation
import SchakelCore
import SchakelStore
import Meldroute

let signalCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
let pageSize = 100
let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
let calendar = WorkingDayCalendar()

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schakel-bench-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let path = directory.appendingPathComponent("bench.sqlite").path

var report = BenchmarkReport()

let (demo, _) = try Store.openDemo(path: path, today: today, calendar: calendar)
try report.time("fill \(signalCount) signals (with persons)", budgetMilliseconds: 60_000) {
    try SignalGenerator.addSignals(signalCount, to: demo, today: today, calendar: calendar)
}

// A cold open, as each SSH login does.
let store = try report.time("open the database (cold, per login)", budgetMilliseconds: 200) {
    try Store.open(path: path)
}

for login in ["af.enschede", "pm.kmt"] {
    let user = try store.user(login: login)
    let first = try report.time("\(login): first page", budgetMilliseconds: 20) {
        try store.inboxPage(.first, limit: pageSize, for: user)
    }
    // Page down through the whole inbox by key, as holding PgDn would.
    var page = first
    var pages = 1
    var rows = first.rows.count
    var samples: [Double] = []
    while page.hasMore, let last = page.rows.last {
        let key = last.key
        let started = DispatchTime.now()
        page = try store.inboxPage(.after(key), limit: pageSize, for: user)
        samples.append(milliseconds(since: started))
        pages += 1
        rows += page.rows.count
    }
    report.record("\(login): next page, \(samples.count) pages by key", samples: samples, budgetMilliseconds: 20)
    let lastPage = try report.time("\(login): last page (End)", budgetMilliseconds: 20) {
        try store.inboxPage(.last, limit: pageSize, for: user)
    }
    if let oldest = lastPage.rows.first {
        _ = try report.time("\(login): page before the last", budgetMilliseconds: 20) {
            try store.inboxPage(.before(oldest.key), limit: pageSize, for: user)
        }
    }
    var detailSamples: [Double] = []
    for row in first.rows.prefix(50) {
        let started = DispatchTime.now()
        _ = try store.signalDetail(id: row.id, for: user)
        detailSamples.append(milliseconds(since: started))
    }
    report.record("\(login): open a signal (detail)", samples: detailSamples, budgetMilliseconds: 20)
    print("  \(login) sees \(rows) signals in \(pages) pages")
}

// One signal with a timeline of 10,000 lines: opening it at its end and scrolling back by key.
let busy = try store.inboxPage(.first, limit: 1, for: try store.user(login: "af.enschede")).rows[0]
let pm = try store.user(login: "pm.kmt")
for index in 0..<10_000 { _ = try store.addNote("Regel \(index) van een lange tijdlijn.", toSignal: busy.id, by: pm) }
var timeline = try report.time("timeline of 10,000: last page (open)", budgetMilliseconds: 20) {
    try store.timelinePage(of: .signal(busy.id), .last, limit: 100, for: pm)
}
var timelineSamples: [Double] = []
while timeline.hasMore, let first = timeline.rows.first {
    let started = DispatchTime.now()
    timeline = try store.timelinePage(of: .signal(busy.id), .before(first.key), limit: 100, for: pm)
    timelineSamples.append(milliseconds(since: started))
}
report.record("timeline of 10,000: previous page, \(timelineSamples.count) pages", samples: timelineSamples, budgetMilliseconds: 20)

report.print(peakMemoryMegabytes: peakResidentMegabytes())
exit(report.allWithinBudget ? 0 : 1)
