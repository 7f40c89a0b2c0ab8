import Foundation
import GRDB
import Meldroute
import SchakelCore

/// Building an agenda: every change checks the meeting's version and that its agenda is still
/// open, writes what it must on the signals' and cases' timelines, and marks the meeting changed,
/// all in one transaction.
extension Store: AgendaEditing {
    public func addAgendaItem(_ item: AgendaItemDraft, about subject: TimelineSubject?, toMeeting meetingID: Int64,
                              expectedVersion: Int, by user: User) throws(StoreFailure) -> Int {
        if let problem = item.problem { throw .refused(problem) }
        return try changingAgenda(of: meetingID, expectedVersion: expectedVersion, by: user, change: "agendapunt toegevoegd") { edit in
            if let subject {
                guard let visibility = try Self.visibility(of: subject, for: user, in: edit.db), visibility == .full else {
                    throw StoreFailure.noAccess
                }
            }
            let id = try edit.insertItem(item, about: subject, standing: false)
            if let subject {
                try DiscussionRows.itemAdded(id, about: subject, toMeeting: meetingID, at: edit.utc, by: user.id, in: edit.db)
                try edit.line(on: subject, "Geagendeerd voor \(edit.meetingName).")
            }
        }
    }

    public func addStandingItems(_ titles: [String], toMeeting meetingID: Int64, expectedVersion: Int,
                                 by user: User) throws(StoreFailure) -> Int {
        try changingAgenda(of: meetingID, expectedVersion: expectedVersion, by: user, change: "vaste punten toegevoegd") { edit in
            let present = Set(try String.fetchAll(edit.db, sql: "SELECT title FROM agenda_item WHERE meeting_id = ? AND standing = 1",
                                                  arguments: [meetingID]))
            var order = try Int64.fetchAll(edit.db, sql: "SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position",
                                           arguments: [meetingID])
            // The template's last item (the rondvraag) closes the agenda; the others open it, in order.
            var opening: [Int64] = []
            for (index, title) in titles.enumerated() where !present.contains(title) {
                let id = try edit.insertItem(AgendaItemDraft(title: title, minutesAllotted: 5), about: nil, standing: true)
                order.removeAll { $0 == id }
                if index == titles.count - 1 { order.append(id) } else { opening.append(id) }
            }
            try edit.renumber(opening + order)
        }
    }

    public func updateAgendaItem(_ itemID: Int64, _ item: AgendaItemDraft, expectedVersion: Int,
                                 by user: User) throws(StoreFailure) -> Int {
        if let problem = item.problem { throw .refused(problem) }
        let meetingID = try meeting(ofItem: itemID)
        return try changingAgenda(of: meetingID, expectedVersion: expectedVersion, by: user, change: "agendapunt gewijzigd") { edit in
            try edit.db.execute(sql: """
                UPDATE agenda_item SET title = ?, question = ?, brought_by = ?, minutes_allotted = ?, version = version + 1
                WHERE id = ?
                """, arguments: [item.title.trimmingCharacters(in: .whitespacesAndNewlines), item.question, item.broughtBy,
                                 item.minutesAllotted, itemID])
            try edit.setInvited(item.invited, of: itemID)
        }
    }

    public func moveAgendaItem(_ itemID: Int64, by offset: Int, expectedVersion: Int, by user: User) throws(StoreFailure) -> Int {
        let meetingID = try meeting(ofItem: itemID)
        return try changingAgenda(of: meetingID, expectedVersion: expectedVersion, by: user, change: "agenda herschikt") { edit in
            var order = try Int64.fetchAll(edit.db, sql: "SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position",
                                           arguments: [meetingID])
            guard let from = order.firstIndex(of: itemID) else { throw StoreFailure.noAccess }
            let to = max(0, min(order.count - 1, from + offset))
            order.insert(order.remove(at: from), at: to)
            try edit.renumber(order)
        }
    }

    public func removeAgendaItem(_ itemID: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) -> Int {
        let meetingID = try meeting(ofItem: itemID)
        return try changingAgenda(of: meetingID, expectedVersion: expectedVersion, by: user, change: "agendapunt verwijderd") { edit in
            let row = try Row.fetchOne(edit.db, sql: "SELECT subject_type, subject_id FROM agenda_item WHERE id = ?", arguments: [itemID])!
            if try Bool.fetchOne(edit.db, sql: "SELECT EXISTS (SELECT 1 FROM action_item WHERE agenda_item_id = ?)",
                                 arguments: [itemID])! {
                throw StoreFailure.refused("Over dit agendapunt zijn al afspraken gemaakt; het blijft op de agenda.")
            }
            try edit.db.execute(sql: "DELETE FROM agenda_item WHERE id = ?", arguments: [itemID])
            let remaining = try Int64.fetchAll(edit.db, sql: "SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position",
                                               arguments: [meetingID])
            try edit.renumber(remaining)
            if let type: String = row["subject_type"] {
                let subject: TimelineSubject = type == "case" ? .kmtCase(row["subject_id"]) : .signal(row["subject_id"])
                try edit.line(on: subject, "Van de agenda van \(edit.meetingName) gehaald; wacht weer op bespreking.")
            }
        }
    }

    private func meeting(ofItem itemID: Int64) throws(StoreFailure) -> Int64 {
        guard let id = try read({ db in try Int64.fetchOne(db, sql: "SELECT meeting_id FROM agenda_item WHERE id = ?", arguments: [itemID]) })
        else { throw .refused("Dit agendapunt bestaat niet (meer); de agenda wordt opnieuw geladen.") }
        return id
    }

    /// Runs one agenda change: access, an open agenda and the version are checked first; the
    /// meeting's version rises and it is marked changed by the user; the audit log records it.
    func changingAgenda(of meetingID: Int64, expectedVersion: Int, by user: User, change: String, requiringOpenAgenda: Bool = true,
                        _ body: (AgendaEdit) throws -> Void) throws(StoreFailure) -> Int {
        let moment = now()
        let outcome = try write { db -> Result<Int, StoreFailure> in
            func refuse(_ failure: StoreFailure, _ result: AuditResult) throws -> Result<Int, StoreFailure> {
                try AuditLog.append(AuditRecord(.update, "meeting", String(meetingID), result: result, detail: change),
                                    actor: user.login, origin: origin, at: moment, in: db)
                return .failure(failure)
            }
            guard let meeting = try Row.fetchOne(db, sql: """
                SELECT g.*, u.display_name AS changer FROM meeting g LEFT JOIN app_user u ON u.id = g.changed_by WHERE g.id = ?
                """, arguments: [meetingID]), let kind = MeetingKind(rawValue: meeting["kind"]) else {
                return try refuse(.noAccess, .notFound)
            }
            guard AccessPolicy.canEditAgenda(for: user, kind: kind, municipalityID: meeting["municipality_id"]) else {
                return try refuse(.noAccess, .denied)
            }
            let version: Int = meeting["version"]
            guard version == expectedVersion else {
                let at = (meeting["changed_at"] as String?).flatMap(AmsterdamTime.localTime(fromUTC:)) ?? AmsterdamTime.localTime(of: moment)
                let what: String = meeting["change"]
                return .failure(.conflict(ConcurrentChange(by: meeting["changer"] ?? "een collega", at: at,
                                                           what: what.isEmpty ? "het overleg is gewijzigd." : what + ".")))
            }
            guard !requiringOpenAgenda || (meeting["status"] as String) == "gepland" else {
                return .failure(.refused("De agenda van dit overleg is vastgesteld; zet hem eerst weer open."))
            }
            let starts = AmsterdamTime.localTime(fromUTC: meeting["starts_at"])?.date.dutch ?? ""
            let edit = AgendaEdit(db: db, meetingID: meetingID, meeting: meeting, meetingName: "\(kind.labelWithArticle) van \(starts)",
                                  user: user, moment: moment)
            do {
                try body(edit)
            } catch let failure as StoreFailure {
                // Only a refusal of access is the audit log's business; a wrong input changed nothing.
                return failure == .noAccess ? try refuse(failure, .denied) : .failure(failure)
            }
            try db.execute(sql: """
                UPDATE meeting SET version = version + 1, calendar_sequence = calendar_sequence + 1, changed_by = ?, changed_at = ?,
                                   change = ? WHERE id = ?
                """, arguments: [user.id, edit.utc, change, meetingID])
            try AuditLog.append(AuditRecord(.update, "meeting", String(meetingID), detail: change),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success(version + 1)
        }
        return try outcome.get()
    }
}

/// One agenda change in progress, inside its transaction.
struct AgendaEdit {
    let db: Database
    let meetingID: Int64
    /// The meeting's row as the change found it.
    let meeting: Row
    /// "de casustafel mensenhandel van 08-12-2026", for timeline lines.
    let meetingName: String
    let user: User
    let moment: Date

    var utc: String { AmsterdamTime.utcText(of: moment) }

    func insertItem(_ item: AgendaItemDraft, about subject: TimelineSubject?, standing: Bool) throws -> Int64 {
        let position = (try Int.fetchOne(db, sql: "SELECT max(position) FROM agenda_item WHERE meeting_id = ?", arguments: [meetingID]) ?? 0) + 1
        try db.execute(sql: """
            INSERT INTO agenda_item (meeting_id, position, subject_type, subject_id, title, question, brought_by, minutes_allotted, standing)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [meetingID, position, subject?.typeName, subject?.id, item.title.trimmingCharacters(in: .whitespacesAndNewlines),
                             item.question, item.broughtBy, item.minutesAllotted, standing])
        let id = db.lastInsertedRowID
        try setInvited(item.invited, of: id)
        if !standing { try keepClosingItemLast(after: id) }
        return id
    }

    /// A new item goes before the closing standing item (the rondvraag): the last item, when it is
    /// a standing one and not the only one before the new item.
    private func keepClosingItemLast(after newItem: Int64) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, standing FROM agenda_item WHERE meeting_id = ? AND id <> ? ORDER BY position",
                                    arguments: [meetingID, newItem])
        guard rows.count >= 2, let last = rows.last, last["standing"] as Bool else { return }
        try renumber(rows.dropLast().map { $0["id"] } + [newItem, last["id"]])
    }

    func setInvited(_ organisations: [String], of itemID: Int64) throws {
        try db.execute(sql: "DELETE FROM agenda_item_invitee WHERE agenda_item_id = ?", arguments: [itemID])
        for organisation in Set(organisations) where !organisation.isEmpty {
            try db.execute(sql: "INSERT INTO agenda_item_invitee (agenda_item_id, organisation) VALUES (?, ?)",
                           arguments: [itemID, organisation])
        }
    }

    /// Positions 1, 2, ... in the given order (through negative ones, as positions are unique).
    func renumber(_ order: [Int64]) throws {
        for (index, id) in order.enumerated() {
            try db.execute(sql: "UPDATE agenda_item SET position = ? WHERE id = ?", arguments: [-(index + 1), id])
        }
        try db.execute(sql: "UPDATE agenda_item SET position = -position WHERE meeting_id = ? AND position < 0", arguments: [meetingID])
    }

    func line(on subject: TimelineSubject, kind: TimelineKind = .meeting, _ text: String) throws {
        try db.execute(sql: """
            INSERT INTO timeline_event (subject_type, subject_id, kind, text, author_id, occurred_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [subject.typeName, subject.id, kind.rawValue, text, user.id, utc])
    }
}
