import GRDB
import Testing
import TestSupport
import SchakelCore
@testable import SchakelStore
@testable import SchakelDemo
import Meldroute

@Suite struct SignalGeneratorTests {
    @Test func addsSignalsAfterTheExistingCodesAcrossTheRegion() throws {
        let directory = try TemporaryDirectory()
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        let store = try DemoDatabase.open(path: directory.path("gen.sqlite"), today: today, calendar: WorkingDayCalendar()).store
        let count = { try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM signal")! } }
        let before = try count()
        // More than one batch, so numbering must continue across transactions too.
        try SignalGenerator.addSignals(SignalGenerator.batchSize + 700, to: store, today: today, calendar: WorkingDayCalendar())
        #expect(try count() == before + SignalGenerator.batchSize + 700)

        let stats = try store.read { db in
            (municipalities: try Int.fetchOne(db, sql: "SELECT count(DISTINCT municipality_id) FROM signal")!,
             states: try Set(String.fetchAll(db, sql: "SELECT DISTINCT state FROM signal")),
             newest: try String.fetchOne(db, sql: "SELECT max(received_at) FROM signal")!,
             persons: try Int.fetchOne(db, sql: "SELECT count(*) FROM signal s WHERE NOT EXISTS (SELECT 1 FROM signal_person sp WHERE sp.signal_id = s.id)")!)
        }
        #expect(stats.municipalities == 14)
        #expect(stats.states == ["gemeld", "contact", "onderzoek", "beslismoment", "doorgezet", "afgesloten"])
        #expect(stats.newest < "2026-11-25")
        #expect(stats.persons == 0, "every signal names at least one person")

        // Numbering continues after the demo's codes in each year: no gaps, no collisions.
        let numbering = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT count(*) AS signals, max(CAST(substr(code, 7) AS INTEGER)) AS highest
                FROM signal GROUP BY substr(code, 2, 4)
                """)
        }
        #expect(numbering.count >= 5)
        for year in numbering { #expect(year["signals"] as Int == year["highest"] as Int) }
    }
}
