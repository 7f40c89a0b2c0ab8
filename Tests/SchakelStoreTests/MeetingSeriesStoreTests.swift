import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// The meetings the series bring are stored once each, with their invitees, and listed from today.
@Suite struct MeetingSeriesStoreTests {
    let directory: TemporaryDirectory
    let path: String
    let store: Store
    let planned: [PlannedMeeting]
    let today = CivilDate(iso: "2026-11-24")!

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("series.sqlite")
        store = try DemoDatabase.open(path: path, today: LocalDateTime(date: today, hour: 9, minute: 0),
                                      calendar: WorkingDayCalendar()).store
        planned = MeetingSchedule.upcoming(try Shipped.meetingSeries(), from: today, calendar: WorkingDayCalendar())
    }

    func count(_ sql: String) throws -> Int { try store.read { db in try Int.fetchOne(db, sql: sql)! } }

    @Test func planningTwiceStoresEachMeetingOnce() throws {
        #expect(try store.planMeetings(planned) == planned.count)
        #expect(try store.planMeetings(planned) == 0)
        #expect(try count("SELECT count(*) FROM meeting") == planned.count)
        // One audit entry, by Schakel itself, for the whole planning.
        #expect(try count("SELECT count(*) FROM audit_log WHERE actor = 'schakel' AND object_type = 'meeting'") == 1)
        let casustafel = try store.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM meeting WHERE series = 'casustafel' ORDER BY starts_at LIMIT 1")!
        }
        #expect(casustafel["length_minutes"] as Int == 150)
        #expect(casustafel["chair"] as String == "RIEC Oost-Nederland")
        #expect(casustafel["status"] as String == "gepland")
        #expect(AmsterdamTime.localTime(fromUTC: casustafel["starts_at"]) == LocalDateTime(date: CivilDate(iso: "2026-12-08")!,
                                                                                               hour: 13, minute: 30))
        #expect(try count("SELECT count(*) FROM meeting_invitee WHERE meeting_id = \(casustafel["id"] as Int64)") == 6)
        #expect(try count("SELECT count(*) FROM meeting WHERE chair = 'Gemeente Enschede'") > 10)
    }

    @Test func aMeetingThatLapsedOrMovedIsNotPlannedAgain() throws {
        try store.planMeetings(planned)
        try store.write { db in
            try db.execute(sql: "UPDATE meeting SET status = 'vervallen' WHERE occurrence = 'casustafel/2026-12-08'")
            try db.execute(sql: "UPDATE meeting SET starts_at = '2027-03-16T12:30:00Z' WHERE occurrence = 'casustafel/2027-03-09'")
        }
        #expect(try store.planMeetings(planned) == 0)
        #expect(try count("SELECT count(*) FROM meeting WHERE series = 'casustafel'") == 4)
    }

    @Test func aReadOnlyCopyPlansNothing() throws {
        let readOnly = try Store.open(path: path, readOnly: true)
        #expect(try readOnly.planMeetings(planned) == 0)
        #expect(try count("SELECT count(*) FROM meeting") == 0)
    }

    @Test func theListStartsTodayEarliestFirstAndPagesBothWays() throws {
        try store.planMeetings(planned)
        try store.importing { importer in
            let earlier = PlannedMeeting(series: "casustafel", kind: .casustafel, title: "Casustafel september", municipality: nil,
                                         startsAt: LocalDateTime(date: CivilDate(iso: "2026-09-08")!, hour: 13, minute: 30),
                                         lengthMinutes: 150, location: "ZVHT", occurrence: "casustafel/2026-09-08")
            _ = try importer.addMeeting(earlier, status: "gehouden")
        }
        let pm = try store.user(login: "pm.kmt")
        let start = try store.meetingPage(.after(store.meetingListKey(atStartOf: today)), limit: 5, for: pm)
        #expect(start.hasMore)
        let dates = start.rows.map(\.startsAt)
        #expect(dates == dates.sorted())
        // The casustafel of 8 December, then the fourteen lokaal ondermijningsoverleggen of the 9th.
        #expect(start.rows.map(\.series) == ["casustafel"] + Array(repeating: "lokaal_ondermijningsoverleg", count: 4))
        #expect(start.rows.map(\.lengthMinutes) == [150, 90, 90, 90, 90])
        #expect(dates.first?.date == CivilDate(iso: "2026-12-08"))
        #expect(start.rows.allSatisfy { $0.itemCount == 0 })
        let before = try store.meetingPage(.before(try #require(start.rows.first).key), limit: 5, for: pm)
        #expect(before.rows.map(\.title) == ["Casustafel september"])
        #expect(!before.hasMore)
        // An AF sees the meetings of their own municipality, and the regional ones but the dadertafel.
        let af = try store.user(login: "af.enschede")
        var rows: [Meeting] = []
        var request = PageRequest.after(store.meetingListKey(atStartOf: today))
        while true {
            let page = try store.meetingPage(request, limit: 50, for: af)
            rows += page.rows
            guard page.hasMore, let last = page.rows.last else { break }
            request = .after(last.key)
        }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.kind != .dadertafel && ($0.municipality == nil || $0.municipality == "Enschede") })
        #expect(rows.filter { $0.kind == .casustafel }.count == 4)
    }
}
