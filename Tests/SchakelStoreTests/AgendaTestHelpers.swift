import GRDB
import Meldroute
import SchakelCore
@testable import SchakelStore

extension Store {
    /// The meeting's version as stored now.
    func meetingVersion(_ meetingID: Int64) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT version FROM meeting WHERE id = ?", arguments: [meetingID]) ?? 0 }
    }

    /// Adds an item on the agenda as it stands, for tests that are not about versions.
    @discardableResult
    func addAgendaItem(toMeeting meetingID: Int64, title: String, about subject: TimelineSubject?, by user: User) throws -> Int {
        try addAgendaItem(AgendaItemDraft(title: title), about: subject, toMeeting: meetingID,
                          expectedVersion: try meetingVersion(meetingID), by: user)
    }
}
