import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// The inbox filters, and "achterstallig" agreeing with the workflow engine signal by signal.
@Suite struct InboxFilterTests {
    let directory: TemporaryDirectory
    let store: Store
    let workflows: Workflows
    let calendar = WorkingDayCalendar()
    let today = CivilDate(iso: "2026-11-24")!

    init() throws {
        directory = try TemporaryDirectory()
        workflows = try Shipped.workflows()
        store = try DemoDatabase.open(path: directory.path("filters.sqlite"), today: Shipped.today, calendar: calendar,
                                   workflows: workflows).store
    }

    func all(_ filter: SignalFilter, for login: String) throws -> [SignalSummary] {
        let user = try store.user(login: login)
        let overdue = OverdueRule.rules(for: workflows.signalRoute.workflow, today: today, calendar: calendar)
        var rows: [SignalSummary] = []
        var page = try store.inboxPage(.first, limit: 100, filter: filter, overdue: overdue, for: user)
        rows += page.rows
        while page.hasMore, let last = rows.last {
            page = try store.inboxPage(.after(last.key), limit: 100, filter: filter, overdue: overdue, for: user)
            rows += page.rows
        }
        return rows
    }

    @Test func overdueMeansWhatTheEngineSaysForEverySignal() throws {
        var filter = SignalFilter()
        filter.overdueOnly = true
        let overdue = Set(try all(filter, for: "pm.kmt").map(\.id))
        let pm = try store.user(login: "pm.kmt")
        var expected: Set<Int64> = []
        for signal in try all(SignalFilter(), for: "pm.kmt") {
            let route = try store.signalRouteState(id: signal.id, for: pm)
            let deadlines = workflows.signalRoute.deadlines(for: route.instance, calendar: calendar)
            if deadlines.contains(where: { $0.due < today }) { expected.insert(signal.id) }
        }
        #expect(!expected.isEmpty)
        #expect(overdue == expected)
    }

    @Test func statesFormsFlagsAndMunicipalitiesNarrowTheList() throws {
        var filter = SignalFilter()
        filter.states = ["onderzoek", "beslismoment"]
        filter.forms = [ExploitationForm.criminal.rawValue]
        let rows = try all(filter, for: "pm.kmt")
        #expect(!rows.isEmpty && rows.allSatisfy { ["onderzoek", "beslismoment"].contains($0.state) && $0.forms.contains(.criminal) })

        var flags = SignalFilter()
        flags.acuteOnly = true
        flags.municipalityIDs = [4, 7]
        let flagged = try all(flags, for: "pm.kmt")
        #expect(!flagged.isEmpty && flagged.allSatisfy { $0.acute && ["Enschede", "Hengelo"].contains($0.municipality) })
        // An AF asking for another municipality gets nothing beyond their own.
        var other = SignalFilter()
        other.municipalityIDs = [7]
        #expect(try all(other, for: "af.enschede").isEmpty)
    }

    @Test func mineIsWhatTheUserRegistered() throws {
        let af = try store.user(login: "af.enschede")
        let registered = try store.registerSignal(NewSignal(
            source: .phone, reporterType: .anonymous, municipality: Municipality.twente[3], forms: [.labour], description: "Eigen melding."),
            by: af)
        var filter = SignalFilter()
        filter.mineOnly = true
        #expect(try all(filter, for: "af.enschede").map(\.id) == [registered.id])
    }
}
