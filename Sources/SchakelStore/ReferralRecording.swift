import Foundation
import GRDB
import Meldroute
import SchakelCore

/// Referring a signal or case to an organisation on the sociale kaart, and the referrals an
/// organisation's detail lists under need-to-know.
extension Store: ReferralKeeping {
    public func refer(_ subject: TimelineSubject, _ referral: NewReferral, by user: User) throws(StoreFailure) -> Int64 {
        let moment = now()
        if let problem = referral.problem(today: AmsterdamTime.localTime(of: moment).date) { throw .refused(problem) }
        let outcome = try write { db -> Result<Int64, StoreFailure> in
            if let refusal = try refusalToWrite("referral", on: subject, for: user, at: moment, in: db) { return .failure(refusal) }
            guard let name = try String.fetchOne(db, sql: "SELECT name FROM partner WHERE id = ? AND archived_at IS NULL",
                                                 arguments: [referral.partnerID]) else {
                return .failure(.refused("Deze organisatie staat niet (meer) op de sociale kaart; er is niets vastgelegd."))
            }
            var contact: String?
            if let contactID = referral.contactID {
                guard let found = try String.fetchOne(db, sql: """
                    SELECT name FROM partner_contact WHERE id = ? AND partner_id = ? AND archived_at IS NULL
                    """, arguments: [contactID, referral.partnerID]) else {
                    return .failure(.refused("Deze contactpersoon hoort niet (meer) bij \(name); er is niets vastgelegd."))
                }
                contact = found
            }
            let reason = referral.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            let utc = AmsterdamTime.utcText(of: moment)
            try db.execute(sql: """
                INSERT INTO referral (subject_type, subject_id, partner_id, contact_id, referred_at, reason, author_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [subject.typeName, subject.id, referral.partnerID, referral.contactID, referral.date.iso, reason, user.id])
            let id = db.lastInsertedRowID
            let to = contact.map { "\(name) (\($0))" } ?? name
            try db.execute(sql: """
                INSERT INTO timeline_event (subject_type, subject_id, kind, text, author_id, occurred_at) VALUES (?, ?, 'referral', ?, ?, ?)
                """, arguments: [subject.typeName, subject.id, "Verwezen naar \(to) op \(referral.date.dutch): \(reason)", user.id, utc])
            try AuditLog.append(AuditRecord(.create, "referral", String(id), detail: "\(subject.typeName) \(subject.id) naar partner \(referral.partnerID)"),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success(id)
        }
        return try outcome.get()
    }

    /// The referrals to an organisation of signals and cases the user may see, newest first.
    static func referrals(toPartner partnerID: Int64, for user: User, in db: Database) throws -> [Referral] {
        guard let visible = VisibleSubjects.condition(for: user) else { return [] }
        return try Row.fetchAll(db, sql: """
            SELECT r.id, r.subject_type, r.subject_id, r.reason, r.referred_at, coalesce(s.code, c.code) AS code,
                   k.name AS contact, u.display_name AS author
            FROM referral r
            LEFT JOIN signal s ON r.subject_type = 'signal' AND s.id = r.subject_id
            LEFT JOIN kmt_case c ON r.subject_type = 'case' AND c.id = r.subject_id
            LEFT JOIN partner_contact k ON k.id = r.contact_id
            LEFT JOIN app_user u ON u.id = r.author_id
            WHERE r.partner_id = ? AND \(visible.sql)
            ORDER BY r.referred_at DESC, r.id DESC LIMIT 200
            """, arguments: [partnerID] + visible.arguments).compactMap { row -> Referral? in
            guard let subject = TimelineSubject(row: row), let date = CivilDate(iso: String((row["referred_at"] as String).prefix(10))) else {
                return nil
            }
            return Referral(id: row["id"], subject: subject, subjectCode: row["code"] ?? "", contact: row["contact"], reason: row["reason"],
                            date: date, by: row["author"] ?? "")
        }
    }
}
