import Foundation
import GRDB
import Meldroute
import SchakelCore

/// Minutes per agenda item: the summary kept on the item, each decision and action item written
/// onto the signal's or case's timeline in the same transaction as the minutes.
extension Store: MinutesKeeping {
    public func recordMinutes(_ entry: MinutesEntry, onItem itemID: Int64, expectedVersion: Int,
                              by user: User) throws(StoreFailure) -> Int {
        if let problem = entry.problem(today: AmsterdamTime.localTime(of: now()).date) { throw .refused(problem) }
        guard let meetingID = try read({ db in
            try Int64.fetchOne(db, sql: "SELECT meeting_id FROM agenda_item WHERE id = ?", arguments: [itemID])
        }) else { throw .refused("Dit agendapunt bestaat niet (meer); de agenda wordt opnieuw geladen.") }
        return try changingAgenda(of: meetingID, expectedVersion: expectedVersion, by: user, change: "verslag bijgewerkt",
                                  requiringOpenAgenda: false) { edit in
            switch edit.meeting["status"] as String {
            case "agenda_vastgesteld", "gehouden": break
            case "gepland": throw StoreFailure.refused("Het verslag begint als de agenda is vastgesteld.")
            case "verslag_vastgesteld": throw StoreFailure.refused("Het verslag is vastgesteld; er kan niets meer bij.")
            default: throw StoreFailure.refused("Van dit overleg wordt geen verslag gemaakt.")
            }
            let item = try Row.fetchOne(edit.db, sql: "SELECT subject_type, subject_id, decisions FROM agenda_item WHERE id = ?",
                                        arguments: [itemID])!
            let decision = entry.decision.trimmingCharacters(in: .whitespacesAndNewlines)
            let decisions: String = item["decisions"]
            try edit.db.execute(sql: "UPDATE agenda_item SET summary = ?, decisions = ?, version = version + 1 WHERE id = ?",
                                arguments: [entry.summary.trimmingCharacters(in: .whitespacesAndNewlines),
                                            decision.isEmpty ? decisions : (decisions.isEmpty ? decision : decisions + "\n" + decision), itemID])
            let subject = TimelineSubject(row: item)
            if let subject, !decision.isEmpty {
                try edit.line(on: subject, kind: .decision, "Besluit in \(edit.meetingName): \(decision)")
            }
            let action = entry.action.trimmingCharacters(in: .whitespacesAndNewlines)
            if !action.isEmpty, let due = entry.actionDue {
                let owner = entry.actionOwner.trimmingCharacters(in: .whitespacesAndNewlines)
                try edit.db.execute(sql: """
                    INSERT INTO action_item (meeting_id, agenda_item_id, subject_type, subject_id, description, owner, due_date, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [meetingID, itemID, subject?.typeName, subject?.id, action, owner, due.iso, edit.utc])
                if let subject {
                    try edit.line(on: subject, kind: .action, "Actie uit \(edit.meetingName): \(action) (\(owner), uiterlijk \(due.dutch)).")
                }
            }
        }
    }

    public func completeActionItem(_ id: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) {
        let moment = now()
        let outcome = try write { db -> Result<Void, StoreFailure> in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM action_item WHERE id = ?", arguments: [id]) else {
                return .failure(.refused("Deze actie bestaat niet (meer)."))
            }
            let subject = TimelineSubject(row: row)
            let mayDo: Bool
            if let subject {
                mayDo = try Self.visibility(of: subject, for: user, in: db) == .full
            } else if let meetingID: Int64 = row["meeting_id"] {
                mayDo = try Self.meetingVisibility(meetingID, for: user, in: db) == .full
            } else {
                mayDo = false
            }
            guard mayDo else {
                try AuditLog.append(AuditRecord(.update, "action", String(id), result: .denied, detail: "afgerond"),
                                    actor: user.login, origin: origin, at: moment, in: db)
                return .failure(.noAccess)
            }
            guard (row["version"] as Int) == expectedVersion, row["done_at"] as String? == nil else {
                return .failure(.refused("Deze actie is intussen gewijzigd of al afgerond; de lijst wordt opnieuw geladen."))
            }
            let utc = AmsterdamTime.utcText(of: moment)
            try db.execute(sql: "UPDATE action_item SET done_at = ?, version = version + 1 WHERE id = ?", arguments: [utc, id])
            if let subject {
                try db.execute(sql: """
                    INSERT INTO timeline_event (subject_type, subject_id, kind, text, author_id, occurred_at) VALUES (?, ?, 'action', ?, ?, ?)
                    """, arguments: [subject.typeName, subject.id, "Actie afgerond: \(row["description"] as String)", user.id, utc])
            }
            try AuditLog.append(AuditRecord(.update, "action", String(id), detail: "afgerond"),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success(())
        }
        try outcome.get()
    }
}
