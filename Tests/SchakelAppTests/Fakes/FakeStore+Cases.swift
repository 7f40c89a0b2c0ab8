import Foundation
import Meldroute
import SchakelCore
import TerminalKit
@testable import SchakelApp

/// The fake store: KMT cases and the timelines of signals and cases.
extension FakeSignals {
    func casePage(_ request: PageRequest, limit: Int, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> Page<CaseSummary> {
        reads.append(ReadRecord(what: "cases", occasion: occasion))
        return Self.page(cases, request, limit: limit, newestFirst: true, key: \.key)
    }

    func timelinePage(of subject: TimelineSubject, kinds: Set<TimelineKind>, _ request: PageRequest, limit: Int,
                      for user: User) throws(StoreFailure) -> Page<TimelineEntry> {
        let lines = (timelines[subject] ?? []).filter { kinds.isEmpty || kinds.contains($0.kind) }
        return Self.page(lines, request, limit: limit, newestFirst: false, key: \.key)
    }

    func addNote(_ text: String, to subject: TimelineSubject, by user: User) throws(StoreFailure) -> Int64 {
        let id = Int64((timelines.values.map(\.count).reduce(0, +)) + 1_000)
        let moment = Fixtures.clock.now()
        timelines[subject, default: []].append(TimelineEntry(
            id: id, key: ListKey(sortValue: moment.date.iso + "T23:59:00Z", id: id), kind: .note, occurredAt: moment,
            author: user.displayName, text: text))
        return id
    }

    func openCase(fromSignal signalID: Int64, perpetratorTrack: Bool, summary: String, caseProcess: WorkflowEngine,
                  by user: User) throws(StoreFailure) -> (id: Int64, code: String) {
        openedCases.append((signalID, perpetratorTrack))
        return (Int64(openedCases.count), "C2026-000\(openedCases.count)")
    }
}
