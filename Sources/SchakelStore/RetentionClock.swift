import Foundation
import GRDB
import Meldroute
import SchakelCore

/// The retention clock of a signal or case, as the route's effects set it: started on the day a
/// step with `bewaartermijn_starten` is recorded, in the state it led to; stopped by
/// `bewaartermijn_stoppen` (a reopened signal). A record has at most one running clock.
enum RetentionClock {
    static let startEffect = "bewaartermijn_starten"
    static let stopEffect = "bewaartermijn_stoppen"

    /// Carries out the clock effects of one recorded step, on `day`.
    static func apply(_ effects: [String], reaching state: String, on subject: TimelineSubject, day: CivilDate, in db: Database) throws {
        if effects.contains(stopEffect) || effects.contains(startEffect) { try stop(subject, on: day, in: db) }
        guard effects.contains(startEffect) else { return }
        let table = subject.typeName == "case" ? "kmt_case" : "signal"
        guard let workflow = try String.fetchOne(db, sql: "SELECT workflow FROM \(table) WHERE id = ?", arguments: [subject.id]) else { return }
        try db.execute(sql: "INSERT INTO retention_clock (subject_type, subject_id, workflow, state, started_on) VALUES (?, ?, ?, ?, ?)",
                       arguments: [subject.typeName, subject.id, workflow, state, day.iso])
    }

    private static func stop(_ subject: TimelineSubject, on day: CivilDate, in db: Database) throws {
        try db.execute(sql: """
            UPDATE retention_clock SET stopped_on = ? WHERE subject_type = ? AND subject_id = ? AND stopped_on IS NULL
            """, arguments: [day.iso, subject.typeName, subject.id])
    }
}
