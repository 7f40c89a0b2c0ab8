import Foundation
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// A count beside a list follows the rule of the rows it counts: what a user may not see does not
/// exist for them, not even as a number.
@Suite struct CountsFollowRowsTests {
    @Test func everyMeetingsItemCountIsTheNumberOfItemsItsAgendaShowsForEveryUser() throws {
        let directory = try TemporaryDirectory()
        let store = try DemoDatabase.open(path: directory.path("tellen.sqlite"), today: Shipped.today, calendar: WorkingDayCalendar(),
                                          workflows: try Shipped.workflows(), meetingSeries: try Shipped.meetingSeries()).store
        let logins = try store.read { db in try String.fetchAll(db, sql: "SELECT login FROM app_user ORDER BY login") }
        var compared = 0, hidden = 0
        for login in logins {
            let user = try store.user(login: login)
            var page = try store.meetingPage(.first, limit: 100, for: user, .refresh)
            while true {
                for meeting in page.rows {
                    let shown = try store.agenda(ofMeeting: meeting.id, for: user, .refresh).count
                    #expect(meeting.itemCount == shown, "\(login), meeting \(meeting.id) (\(meeting.kind.rawValue))")
                    #expect(try store.meeting(id: meeting.id, for: user)?.itemCount == shown)
                    let all = try store.read { db in
                        try Int.fetchOne(db, sql: "SELECT count(*) FROM agenda_item WHERE meeting_id = ?", arguments: [meeting.id])!
                    }
                    compared += 1
                    if all > shown { hidden += 1 }
                }
                guard page.hasMore, let key = page.rows.last?.key else { break }
                page = try store.meetingPage(.after(key), limit: 100, for: user, .refresh)
            }
        }
        // The demo has agendas whose items some users may not see: the comparison is not empty-handed.
        #expect(compared > 100 && hidden > 0, "\(compared) compared, \(hidden) with hidden items")
    }
}
