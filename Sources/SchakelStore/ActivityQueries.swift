import Foundation
import GRDB
import Meldroute
import SchakelCore

/// The register of activities (deskundigheidsbevordering, preventie). Reading it is not logged (it
/// holds no personal data); a refusal is, and so is every registration and change.
extension Store: ActivityKeeping {
    /// How many years back the list reaches (this one and three before: what a report compares).
    static let activityYears = 3

    public func activities(today: CivilDate, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> ActivityList {
        guard AccessPolicy.canListActivities(user) else {
            try auditRefusal(AuditRecord(.list, "activity", result: .denied), occasion, by: user)
            return ActivityList(upcoming: [], past: [])
        }
        let from = CivilDate(year: today.year - Self.activityYears, month: 1, day: 1)!
        return try read { db in
            let upcoming = try Row.fetchAll(db, sql: """
                SELECT * FROM activity WHERE held_on >= ? AND status = 'gepland' ORDER BY held_on, id
                """, arguments: [today.iso]).map(Self.activity)
            let past = try Row.fetchAll(db, sql: """
                SELECT * FROM activity WHERE held_on >= ? AND NOT (held_on >= ? AND status = 'gepland') ORDER BY held_on DESC, id DESC
                """, arguments: [from.iso, today.iso]).map(Self.activity)
            return ActivityList(upcoming: upcoming, past: past)
        }
    }

    @discardableResult
    public func saveActivity(_ entry: ActivityEntry, id: Int64?, version: Int?, by user: User) throws(StoreFailure) -> Int64 {
        let moment = now()
        let today = AmsterdamTime.localTime(of: moment).date
        let action: AuditAction = id == nil ? .create : .update
        let refused = AuditRecord(action, "activity", id.map(String.init) ?? "", result: .denied)
        guard AccessPolicy.canWriteActivity(user, municipalityID: entry.municipality?.id) else {
            try audit(refused, by: user)
            throw .noAccess
        }
        if let problem = entry.problem(vocabulary: nil, today: today) { throw .refused("De activiteit is niet opgeslagen: \(problem)") }
        let outcome = try write { db -> Result<Int64, StoreFailure> in
            let saved: Int64
            if let id {
                // The activity as it was: an AF may not move another municipality's (or the region's) into their own.
                let was = try Row.fetchOne(db, sql: "SELECT municipality_id, version FROM activity WHERE id = ?", arguments: [id])
                guard let was else { return .failure(.refused("Deze activiteit bestaat niet (meer).")) }
                guard AccessPolicy.canWriteActivity(user, municipalityID: was["municipality_id"]) else {
                    try AuditLog.append(refused, actor: user.login, origin: origin, at: moment, in: db)
                    return .success(-1)
                }
                guard was["version"] == version else {
                    let who = try String.fetchOne(db, sql: """
                        SELECT actor FROM audit_log WHERE object_type = 'activity' AND object_id = ? AND result = 'ok' ORDER BY id DESC LIMIT 1
                        """, arguments: [String(id)]) ?? "een collega"
                    return .failure(.conflict(ConcurrentChange(by: who, at: AmsterdamTime.localTime(of: moment), what: "deze activiteit is gewijzigd.")))
                }
                try db.execute(sql: """
                    UPDATE activity SET kind = ?, theme = ?, audience = ?, municipality_id = ?, held_on = ?, given_by = ?, status = ?,
                                        participants = ?, note = ?, version = version + 1
                    WHERE id = ?
                    """, arguments: Self.columns(of: entry) + [id])
                saved = id
            } else {
                saved = try Self.insertActivity(entry, registeredBy: user.login, at: AmsterdamTime.utcText(of: moment), in: db)
            }
            try AuditLog.append(AuditRecord(action, "activity", String(saved), detail: "\(entry.kind), \(entry.status.rawValue)"),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success(saved)
        }
        let id = try outcome.get()
        // A refusal found inside the transaction was logged there; nothing else was written.
        guard id >= 0 else { throw .noAccess }
        return id
    }

    /// The entry's columns, in the order of `insertActivity` and the update.
    static func columns(of entry: ActivityEntry) -> StatementArguments {
        [entry.kind, entry.theme.code, entry.audience, entry.municipality?.id, entry.date.iso, entry.givenBy.rawValue, entry.status.rawValue,
         entry.participants, entry.note]
    }

    /// Inserts an activity registered by `login` at `utc` (stored text); its id. Also the demo's way in.
    static func insertActivity(_ entry: ActivityEntry, registeredBy login: String, at utc: String, in db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO activity (kind, theme, audience, municipality_id, held_on, given_by, status, participants, note, registered_by, registered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: columns(of: entry) + [login, utc])
        return db.lastInsertedRowID
    }

    static func activity(_ row: Row) -> Activity {
        let municipalityID: Int64? = row["municipality_id"]
        let entry = ActivityEntry(kind: row["kind"], theme: ActivityTheme(code: row["theme"]) ?? .general, audience: row["audience"],
                                  municipality: Municipality.twente.first { $0.id == municipalityID },
                                  date: CivilDate(iso: row["held_on"]) ?? CivilDate(year: 2000, month: 1, day: 1)!,
                                  givenBy: ActivityGiver(rawValue: row["given_by"]) ?? .kmt, status: ActivityStatus(rawValue: row["status"]) ?? .planned,
                                  participants: row["participants"], note: row["note"])
        return Activity(id: row["id"], entry: entry, registeredBy: row["registered_by"], version: row["version"])
    }
}
