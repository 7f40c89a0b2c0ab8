import GRDB
import Meldroute
import SchakelCore

/// Storing the meetings the series bring (`MeetingSchedule`), once each.
enum MeetingRows {
    /// Inserts the meeting with its invitees, unless its occurrence is there already (also when
    /// that meeting has since moved or lapsed). Returns the new meeting's id, or nil.
    static func insert(_ planned: PlannedMeeting, status: String = "gepland", in db: Database) throws -> Int64? {
        try db.execute(sql: """
            INSERT INTO meeting (kind, municipality_id, title, starts_at, length_minutes, location, chair, organiser,
                                 series, occurrence, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (occurrence) DO NOTHING
            """, arguments: [planned.kind.rawValue, planned.municipality?.id, planned.title,
                             AmsterdamTime.utcText(from: planned.startsAt), planned.lengthMinutes, planned.location,
                             planned.chair, planned.organiser, planned.series, planned.occurrence, status])
        guard db.changesCount > 0 else { return nil }
        let id = db.lastInsertedRowID
        for organisation in planned.invited {
            try db.execute(sql: "INSERT OR IGNORE INTO meeting_invitee (meeting_id, organisation) VALUES (?, ?)",
                           arguments: [id, organisation])
        }
        return id
    }
}

extension Store {
    /// The login the audit log names for what Schakel does by itself.
    static let systemActor = "schakel"

    /// Stores the planned meetings that are not stored yet, in one transaction, and returns how
    /// many were new. Reads first, so that a session start with nothing new writes nothing.
    @discardableResult
    public func planMeetings(_ planned: [PlannedMeeting]) throws(StoreFailure) -> Int {
        guard !planned.isEmpty, !isReadOnly else { return 0 }
        let known = try read { db in
            Set(try String.fetchAll(db, sql: "SELECT occurrence FROM meeting WHERE occurrence IS NOT NULL AND starts_at >= ?",
                                    arguments: [AmsterdamTime.utcText(from: LocalDateTime(date: planned.map(\.startsAt.date).min()!, hour: 0, minute: 0))]))
        }
        let missing = planned.filter { !known.contains($0.occurrence) }
        guard !missing.isEmpty else { return 0 }
        let moment = now()
        return try write { db in
            var added = 0
            for meeting in missing where try MeetingRows.insert(meeting, in: db) != nil { added += 1 }
            if added > 0 {
                try AuditLog.append(AuditRecord(.create, "meeting", detail: "\(added) overleggen gepland uit de reeksen"),
                                    actor: Self.systemActor, origin: origin, at: moment, in: db)
            }
            return added
        }
    }
}
