import Foundation
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// Named filters: kept per user, shared within the team only.
@Suite struct SavedFilterTests {
    @Test func sharedFiltersReachTheTeamAndNoOneElse() throws {
        let directory = try TemporaryDirectory()
        let store = try DemoDatabase.open(path: directory.path("filters.sqlite"), today: Shipped.today,
                                       calendar: WorkingDayCalendar()).store
        let enschede = try store.user(login: "af.enschede"), hengelo = try store.user(login: "af.hengelo")
        let pm = try store.user(login: "pm.kmt"), zc = try store.user(login: "zc.kmt")
        try store.createUser(login: "af2.enschede", displayName: "Tweede AF Enschede", role: .designatedOfficer,
                             municipality: Municipality.twente[3], by: try store.user(login: "beheer"))
        let colleague = try store.user(login: "af2.enschede")

        var overdue = SignalFilter()
        overdue.overdueOnly = true
        try store.saveFilter(named: "Te laat", overdue, shared: true, by: enschede)
        try store.saveFilter(named: "Privé", SignalFilter(), shared: false, by: enschede)
        var crisis = SignalFilter()
        crisis.states = ["beslismoment"]
        try store.saveFilter(named: "Beslissen", crisis, shared: true, by: pm)

        #expect(try store.savedFilters(for: enschede).map(\.name) == ["Privé", "Te laat"])
        #expect(try store.savedFilters(for: colleague).map(\.name) == ["Te laat"])
        #expect(try store.savedFilters(for: colleague).first?.filter == overdue)
        #expect(try store.savedFilters(for: hengelo).isEmpty)
        #expect(try store.savedFilters(for: zc).map(\.name) == ["Beslissen"])

        // Saving again under the same name replaces it.
        try store.saveFilter(named: "Te laat", crisis, shared: false, by: enschede)
        #expect(try store.savedFilters(for: colleague).isEmpty)
        #expect(throws: StoreFailure.self) { try store.saveFilter(named: "  ", overdue, shared: false, by: enschede) }
    }
}
