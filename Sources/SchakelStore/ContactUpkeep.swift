import Foundation
import GRDB
import Meldroute
import SchakelCore

/// Contact persons at the organisations on the sociale kaart: added, changed and archived by who keeps the directory.
extension Store {
    /// Adds a contact person, or saves one loaded at `contact.version`, stamped as checked today by
    /// the user; a colleague's change first is a conflict.
    @discardableResult
    public func saveContact(_ contact: PartnerContact, by user: User) throws(StoreFailure) -> (id: Int64, version: Int) {
        guard AccessPolicy.canEditPartners(user) else {
            try audit(AuditRecord(contact.id == nil ? .create : .update, "partner_contact", contact.id.map(String.init) ?? "",
                                  result: .denied), by: user)
            throw .noAccess
        }
        if let problem = contact.problems.first { throw .refused("De contactpersoon is niet opgeslagen: \(problem).") }
        let moment = now()
        let today = AmsterdamTime.localTime(of: moment).date
        let outcome = try write { db -> Result<(Int64, Int), StoreFailure> in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM partner WHERE id = ? AND archived_at IS NULL)",
                                    arguments: [contact.partnerID])! else {
                return .failure(.refused("Deze organisatie staat niet (meer) op de sociale kaart; er is niets opgeslagen."))
            }
            let values: StatementArguments = [contact.name, contact.function, contact.phone, contact.email, today.iso, user.displayName]
            let id: Int64, version: Int
            if let existing = contact.id, let loaded = contact.version {
                try db.execute(sql: """
                    UPDATE partner_contact SET name = ?, role = ?, phone = ?, email = ?, verified_on = ?, verified_by = ?,
                           version = version + 1
                    WHERE id = ? AND partner_id = ? AND version = ? AND archived_at IS NULL
                    """, arguments: values + [existing, contact.partnerID, loaded])
                guard db.changesCount == 1 else {
                    return .failure(.conflict(ConcurrentChange(by: "een collega", at: AmsterdamTime.localTime(of: moment),
                                                               what: "de gegevens van \(contact.name) zijn gewijzigd of gearchiveerd.")))
                }
                (id, version) = (existing, loaded + 1)
            } else {
                try db.execute(sql: """
                    INSERT INTO partner_contact (name, role, phone, email, verified_on, verified_by, partner_id) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: values + [contact.partnerID])
                (id, version) = (db.lastInsertedRowID, 1)
            }
            try AuditLog.append(AuditRecord(contact.id == nil ? .create : .update, "partner_contact", String(id)),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success((id, version))
        }
        let (id, version) = try outcome.get()
        return (id, version)
    }

    public func archiveContact(_ id: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) {
        try archive(in: "partner_contact", id: id, expectedVersion: expectedVersion, by: user,
                    refusal: "Deze contactpersoon is intussen gewijzigd of al gearchiveerd; er is niets gearchiveerd.")
    }

    /// Sets `archived_at` on a row of the sociale kaart loaded at `expectedVersion`, audited.
    func archive(in table: String, id: Int64, expectedVersion: Int, by user: User, refusal: String) throws(StoreFailure) {
        guard AccessPolicy.canEditPartners(user) else {
            try audit(AuditRecord(.update, table, String(id), result: .denied, detail: "archiveren"), by: user)
            throw .noAccess
        }
        let moment = now()
        let outcome = try write { db -> Result<Void, StoreFailure> in
            try db.execute(sql: """
                UPDATE \(table) SET archived_at = ?, version = version + 1 WHERE id = ? AND version = ? AND archived_at IS NULL
                """, arguments: [AmsterdamTime.utcText(of: moment), id, expectedVersion])
            guard db.changesCount == 1 else { return .failure(.refused(refusal)) }
            try AuditLog.append(AuditRecord(.update, table, String(id), detail: "gearchiveerd"),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success(())
        }
        try outcome.get()
    }
}
