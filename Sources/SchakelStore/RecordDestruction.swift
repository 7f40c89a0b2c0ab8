import Foundation
import GRDB
import Meldroute
import SchakelCore

/// Destroys the personal data of one record inside its transaction, keeping what tab 5 counts as
/// anonymous facts (municipality, forms, dates, route states, the choices of decisions, the
/// partner and day of a referral, the tables a case went to) and every id and date a figure or
/// the timeline's order rests on.
///
/// Destroyed, for a signal or case: its description, location, reporter's name, organisation and
/// contact, case summary; the text fields of its recorded route data; the text and text fields of
/// every line of its timeline (their search rows too); the free text of its referrals, discussion
/// requests, agenda items and action items; every draft about it; and its persons who appear in no
/// record that is kept. For a meeting: its minutes, its agenda items' texts, its action items'
/// descriptions and the drafts of its minutes.
struct RecordDestruction {
    let db: Database
    /// What the tombstone and the audit entry say: the list, the rule, the proposer, the approver.
    let account: String
    /// The approver's user id: the tombstone's author.
    let approverID: Int64?
    let moment: Date

    /// What a destroyed text says instead: an agenda item's title, a timeline line's text.
    static let destroyedTitle = "(vernietigd)"

    func destroy(_ record: RetentionDue.Record, code: String) throws {
        switch record {
        case .signal(let id): try destroySubject(.signal(id), code: code)
        case .kmtCase(let id): try destroySubject(.kmtCase(id), code: code)
        case .meeting(let id): try destroyMeeting(id)
        }
    }

    private func destroySubject(_ subject: TimelineSubject, code: String) throws {
        let type = subject.typeName, id = subject.id
        try db.execute(sql: "INSERT INTO destruction_gate (subject_type, subject_id) VALUES (?, ?)", arguments: [type, id])
        try blankTimeline(of: subject)
        try db.execute(sql: "DELETE FROM destruction_gate WHERE subject_type = ? AND subject_id = ?", arguments: [type, id])
        if case .signal = subject {
            let data = try String.fetchOne(db, sql: "SELECT state_data FROM signal WHERE id = ?", arguments: [id]) ?? "{}"
            try db.execute(sql: """
                UPDATE signal SET description = '', location = '', reporter_name = '', reporter_organisation = '', reporter_contact = '',
                                  state_data = ?, version = version + 1
                WHERE id = ?
                """, arguments: [Self.withoutText(data), id])
        } else {
            let data = try String.fetchOne(db, sql: "SELECT state_data FROM kmt_case WHERE id = ?", arguments: [id]) ?? "{}"
            try db.execute(sql: "UPDATE kmt_case SET summary = '', state_data = ?, version = version + 1 WHERE id = ?",
                           arguments: [Self.withoutText(data), id])
        }
        let about = "subject_type = ? AND subject_id = ?"
        let arguments: StatementArguments = [type, id]
        try db.execute(sql: "UPDATE referral SET reason = '', version = version + 1 WHERE \(about)", arguments: arguments)
        try db.execute(sql: "UPDATE discussion_request SET reason = '' WHERE \(about)", arguments: arguments)
        try db.execute(sql: "UPDATE action_item SET description = '', version = version + 1 WHERE \(about)", arguments: arguments)
        let items = try Int64.fetchAll(db, sql: "SELECT id FROM agenda_item WHERE \(about)", arguments: arguments)
        try db.execute(sql: """
            UPDATE agenda_item SET title = ?, question = '', notes = '', summary = '', decisions = '', version = version + 1 WHERE \(about)
            """, arguments: [code, type, id])
        try discardDrafts(subjectKeys: ["\(type)-\(id)"] + items.map { "agendapunt-\($0)" })
        try destroyPersons(of: subject)
        try db.execute(sql: """
            INSERT INTO timeline_event (subject_type, subject_id, kind, text, author_id, occurred_at) VALUES (?, ?, 'destruction', ?, ?, ?)
            """, arguments: [type, id, "Persoonsgegevens vernietigd op \(AmsterdamTime.localTime(of: moment).date.dutch) na de bewaartermijn (\(account)).", approverID,
                             AmsterdamTime.utcText(of: moment)])
    }

    /// Every line keeps its kind, step, states, author and time; its text and text fields go (the
    /// text says "(vernietigd)").
    private func blankTimeline(of subject: TimelineSubject) throws {
        let lines = try Row.fetchAll(db, sql: "SELECT id, text, data FROM timeline_event WHERE subject_type = ? AND subject_id = ?",
                                     arguments: [subject.typeName, subject.id])
        for line in lines {
            let lineID: Int64 = line["id"], text: String = line["text"], data: String = line["data"]
            // The search index holds the text as it was: it is taken out with exactly that text.
            try db.execute(sql: "INSERT INTO timeline_fts(timeline_fts, rowid, text) VALUES ('delete', ?, ?)", arguments: [lineID, text])
            try db.execute(sql: "UPDATE timeline_event SET text = ?, data = ? WHERE id = ?",
                           arguments: [Self.destroyedTitle, Self.withoutText(data), lineID])
            try db.execute(sql: "INSERT INTO timeline_fts(rowid, text) VALUES (?, ?)", arguments: [lineID, Self.destroyedTitle])
        }
    }

    private func destroyMeeting(_ id: Int64) throws {
        let data = try String.fetchOne(db, sql: "SELECT state_data FROM meeting WHERE id = ?", arguments: [id]) ?? "{}"
        try db.execute(sql: "UPDATE meeting SET minutes = ?, state_data = ?, version = version + 1 WHERE id = ?",
                       arguments: ["Verslag vernietigd na de bewaartermijn (\(account)).", Self.withoutText(data), id])
        let items = try Int64.fetchAll(db, sql: "SELECT id FROM agenda_item WHERE meeting_id = ?", arguments: [id])
        try db.execute(sql: """
            UPDATE agenda_item SET title = CASE WHEN standing = 1 THEN title ELSE ? END, question = '', notes = '', summary = '',
                                   decisions = '', version = version + 1
            WHERE meeting_id = ?
            """, arguments: [Self.destroyedTitle, id])
        try db.execute(sql: "UPDATE action_item SET description = '', version = version + 1 WHERE meeting_id = ?", arguments: [id])
        try discardDrafts(subjectKeys: items.map { "agendapunt-\($0)" })
    }

    private func discardDrafts(subjectKeys: [String]) throws {
        for key in subjectKeys { try db.execute(sql: "DELETE FROM draft WHERE subject_key = ?", arguments: [key]) }
    }

    /// A person linked to a record that is kept (not destroyed, nor this one) is kept; the others
    /// keep their code and links, nothing else — and so do the codes merged into them.
    private func destroyPersons(of subject: TimelineSubject) throws {
        let links = subject.typeName == "case" ? "SELECT person_id FROM case_person WHERE case_id = ?"
            : "SELECT person_id FROM signal_person WHERE signal_id = ?"
        for person in try Int64.fetchAll(db, sql: links, arguments: [subject.id]) where try !isInKeptRecord(person, apartFrom: subject) {
            let absorbed = try Int64.fetchAll(db, sql: "SELECT id FROM person WHERE merged_into = ?", arguments: [person])
            for id in [person] + absorbed {
                try db.execute(sql: """
                    UPDATE person SET initials = '', given_name = '', family_name = '', family_key = '', initials_key = '', birth_year = NULL
                    WHERE id = ?
                    """, arguments: [id])
                try db.execute(sql: "UPDATE person_merge SET reason = '' WHERE survivor_id = ? OR absorbed_id = ?", arguments: [id, id])
            }
        }
    }

    private func isInKeptRecord(_ person: Int64, apartFrom subject: TimelineSubject) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM signal_person l WHERE l.person_id = ?1 AND NOT (?2 = 'signal' AND l.signal_id = ?3)
                             AND NOT EXISTS (SELECT 1 FROM destruction_item d WHERE d.subject_type = 'signal' AND d.subject_id = l.signal_id
                                             AND d.destroyed_on IS NOT NULL))
                OR EXISTS (SELECT 1 FROM case_person l WHERE l.person_id = ?1 AND NOT (?2 = 'case' AND l.case_id = ?3)
                             AND NOT EXISTS (SELECT 1 FROM destruction_item d WHERE d.subject_type = 'case' AND d.subject_id = l.case_id
                                             AND d.destroyed_on IS NOT NULL))
            """, arguments: [person, subject.typeName, subject.id]) ?? true
    }

    /// Recorded values without their free text: `{"tekst": …}` values are left out; choices,
    /// dates, yes/no and everything else stay (the figures count the choices of a decision).
    static func withoutText(_ json: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)),
              let data = try? JSONSerialization.data(withJSONObject: strippingText(object), options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func strippingText(_ value: Any) -> Any {
        if let array = value as? [Any] { return array.map(strippingText) }
        guard let object = value as? [String: Any] else { return value }
        var kept: [String: Any] = [:]
        for (key, inner) in object {
            if let field = inner as? [String: Any], field.count == 1, field["tekst"] != nil { continue }
            kept[key] = strippingText(inner)
        }
        return kept
    }
}
