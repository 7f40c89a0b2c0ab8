import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
@testable import SchakelStore
import SchakelDemo

/// An acknowledged write survives a power loss: the connection that writes syncs every commit.
@Suite struct DurabilityTests {
    func synchronousOnTheWriter(of store: Store) throws -> Int? {
        try store.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
    }

    @Test func theWriterCommitsWithSynchronousFullWhicheverWayTheFileIsOpened() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("durable.sqlite")
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        let (demo, _) = try DemoDatabase.open(path: path, today: today, calendar: WorkingDayCalendar())
        // 2 is FULL; GRDB's WAL set-up leaves 1 (NORMAL) unless Schakel sets it again.
        #expect(try synchronousOnTheWriter(of: demo) == 2)
        #expect(try synchronousOnTheWriter(of: try Store.open(path: path)) == 2)
        #expect(try synchronousOnTheWriter(of: try Store.openOrCreate(path: directory.path("nieuw.sqlite"))) == 2)
        #expect(try synchronousOnTheWriter(of: try Store.create(path: directory.path("leeg.sqlite"))) == 2)
    }
}
