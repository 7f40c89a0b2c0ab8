import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// A database opened read-only: it can be checked, but nothing is saved and nothing that must be
/// audited is shown.
@Suite struct ReadOnlyTests {
    @Test func aReadOnlyStoreRefusesWritesAndAuditedReadsButVerifies() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("ro.sqlite")
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        let writable = try DemoDatabase.open(path: path, today: today, calendar: WorkingDayCalendar()).store
        _ = try writable.logIn(login: "af.enschede")
        let before = try writable.verifyAuditLog()

        let store = try Store.open(path: path, readOnly: true)
        #expect(store.isReadOnly)
        let af = try store.logIn(login: "af.enschede")
        #expect(throws: StoreFailure.readOnly(path: path)) { try store.inboxPage(.first, limit: 10, for: af) }
        #expect(throws: StoreFailure.readOnly(path: path)) { try store.addNote("x", toSignal: 1, by: af) }
        #expect(try store.verifyAuditLog() == before)
        #expect(try store.dataVersion() >= 0)
        #expect(StoreFailure.readOnly(path: path).description.hasPrefix("De database \(path) is alleen-lezen geopend"))
    }
}
