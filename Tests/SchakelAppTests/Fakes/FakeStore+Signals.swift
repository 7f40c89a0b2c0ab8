import Foundation
import Meldroute
import SchakelCore
import TerminalKit
@testable import SchakelApp

/// The fake store: the inbox, a signal, its route, registration, search, saved filters and drafts.
extension FakeSignals {
    func saveFilter(named name: String, _ filter: SignalFilter, shared: Bool, by user: User) throws(StoreFailure) {
        filters.removeAll { $0.name == name }
        filters.append(SavedFilter(id: Int64(filters.count + 1), name: name, owner: user.displayName, isOwn: true, isShared: shared,
                                   filter: filter))
    }

    func savedFilters(for user: User) throws(StoreFailure) -> [SavedFilter] { filters }

    func search(_ text: String, in source: SearchHit.Source, after: Int64?, limit: Int,
                for user: User) throws(StoreFailure) -> Page<SearchHit> {
        Page(rows: searchHits.filter { $0.source == source }, hasMore: false)
    }

    func saveDraft(kind: String, subject: String, payload: String, for user: User) throws(StoreFailure) {
        drafts[Self.draftKey(kind, subject)] = payload
    }

    func draft(kind: String, subject: String, for user: User) throws(StoreFailure) -> String? { drafts[Self.draftKey(kind, subject)] }

    func discardDraft(kind: String, subject: String, for user: User) throws(StoreFailure) { drafts[Self.draftKey(kind, subject)] = nil }

    func drafts(kind: String, for user: User) throws(StoreFailure) -> [String] {
        drafts.filter { $0.key == kind || $0.key.hasPrefix(kind + "/") }.sorted { $0.key < $1.key }.map(\.value)
    }

    func inboxPage(_ request: PageRequest, limit: Int) -> Page<SignalSummary> {
        requests.append(request)
        switch request {
        case .first:
            return Page<SignalSummary>(rows: Array(rows.prefix(limit)), hasMore: rows.count > limit)
        case .last:
            return Page<SignalSummary>(rows: Array(rows.suffix(limit)), hasMore: rows.count > limit)
        case .after(let key):
            // Keyset order, as in SQL: rows strictly older than the key.
            let rest = rows.filter { ($0.key.sortValue, $0.key.id) < (key.sortValue, key.id) }
            return Page<SignalSummary>(rows: Array(rest.prefix(limit)), hasMore: rest.count > limit)
        case .before(let key):
            let earlier = rows.filter { ($0.key.sortValue, $0.key.id) > (key.sortValue, key.id) }
            return Page<SignalSummary>(rows: Array(earlier.suffix(limit)), hasMore: earlier.count > limit)
        }
    }

    func inboxPage(_ request: PageRequest, limit: Int, filter: SignalFilter, overdue: [OverdueRule],
                   for user: User, _ occasion: ReadOccasion) throws -> Page<SignalSummary> {
        reads.append(ReadRecord(what: "inbox", occasion: occasion))
        lastFilter = filter
        return inboxPage(request, limit: limit)
    }

    func signalDetail(id: Int64, for user: User, _ occasion: ReadOccasion) throws -> SignalDetail? {
        reads.append(ReadRecord(what: "signal", occasion: occasion))
        return rows.contains { $0.id == id } ? Fixtures.detail() : nil
    }

    func dataVersion() throws(StoreFailure) -> Int { version }

    func signalRouteState(id: Int64, for user: User) throws(StoreFailure) -> SignalRouteState {
        if let route = routes[id] { return route }
        guard let row = rows.first(where: { $0.id == id }) else { throw .noAccess }
        let instance = WorkflowInstance(state: row.state, facts: CaseFacts(acute: row.acute, minorInvolved: row.minorInvolved),
                                        receivedAt: row.receivedAt)
        return SignalRouteState(signalID: id, code: row.code, instance: instance, version: 1)
    }

    func recordRouteEvent(_ eventID: String, fields: FieldValues, onSignal id: Int64, expectedVersion: Int,
                          workflows: Workflows, by user: User) throws(StoreFailure) -> RecordedRouteEvent {
        let engine = workflows.signalRoute
        let current = try signalRouteState(id: id, for: user)
        guard current.version == expectedVersion else {
            throw .conflict(ConcurrentChange(by: "Collega", at: Fixtures.clock.now(), what: "iets vastgelegd."))
        }
        switch engine.fire(eventID, fields: fields, on: current.instance, now: Fixtures.clock.now()) {
        case .success(let fired):
            recorded.append((eventID, fields))
            routes[id] = SignalRouteState(signalID: id, code: current.code, instance: fired.instance, version: expectedVersion + 1)
            return RecordedRouteEvent(transition: fired, version: expectedVersion + 1, timelineEventID: Int64(recorded.count))
        case .failure(let rejection):
            throw .rejected(rejection)
        }
    }

    func registerSignal(_ signal: NewSignal, by user: User) throws -> RegisteredSignal {
        if let registrationFailure { throw registrationFailure }
        registered.append(signal)
        return RegisteredSignal(id: 90_000 + Int64(registered.count), code: "S2026-\(9100 + registered.count)")
    }
}
