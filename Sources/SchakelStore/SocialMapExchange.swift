import Foundation
import GRDB
import Meldroute
import SchakelCore

/// The sociale kaart in and out: an import all or nothing in one transaction, and what an export
/// holds; both audited.
extension Store {
    /// Takes the organisations of an import: new names added, known names brought to what the file
    /// says. With `dryRun` nothing is written. Refused as a whole for who does not keep the directory.
    public func importPartners(_ partners: [Partner], dryRun: Bool, by user: User) throws(StoreFailure) -> DirectoryUpdate {
        guard AccessPolicy.canEditPartners(user) else {
            try audit(AuditRecord(.create, "partner", "import", result: .denied), by: user)
            throw .noAccess
        }
        if let problem = partners.lazy.compactMap({ partner in partner.problems.first.map { "\(partner.name): \($0)" } }).first {
            throw .refused("Niets geïmporteerd: \(problem).")
        }
        let work = { (db: Database) throws -> DirectoryUpdate in
            var update = DirectoryUpdate()
            for partner in partners {
                if let id = try PartnerRows.id(named: partner.name, in: db) {
                    let row = try Row.fetchOne(db, sql: "SELECT * FROM partner WHERE id = ?", arguments: [id])!
                    var changed = partner
                    changed.id = id
                    changed.shippedKey = row["shipped_key"]
                    changed.verified = partner.verified ?? PartnerRows.verification(row)
                    var existing = try PartnerRows.partner(row)
                    existing.version = nil
                    existing.isArchived = false
                    guard existing != changed else { continue }
                    update.updated.append(partner.name)
                    if !dryRun { _ = try PartnerRows.update(changed, expectedVersion: row["version"], locallyEdited: true, in: db) }
                } else {
                    update.added.append(partner.name)
                    if !dryRun { _ = try PartnerRows.insert(partner, locallyEdited: true, in: db) }
                }
            }
            return update
        }
        if dryRun { return try read(work) }
        return try audited(by: user) { db in
            let update = try work(db)
            return (update, AuditRecord(.create, "partner", "import",
                                        detail: "\(update.added.count) nieuw, \(update.updated.count) bijgewerkt"))
        }
    }

    /// Every organisation on the list, in name order, for an export; audited.
    public func partnersForExport(format: String, for user: User) throws(StoreFailure) -> [Partner] {
        try audited(by: user) { db in
            let partners = try Row.fetchAll(db, sql: "SELECT * FROM partner WHERE archived_at IS NULL ORDER BY name COLLATE NOCASE, id")
                .map(PartnerRows.partner)
            return (partners, AuditRecord(.export, "partner", "sociale kaart", detail: "\(format), \(partners.count) organisaties"))
        }
    }

    /// Every contact person of an organisation on the list, with its name; audited.
    public func contactsForExport(for user: User) throws(StoreFailure) -> [(contact: PartnerContact, organisation: String)] {
        try audited(by: user) { db in
            let contacts = try Row.fetchAll(db, sql: """
                SELECT k.*, p.name AS organisation FROM partner_contact k JOIN partner p ON p.id = k.partner_id
                WHERE k.archived_at IS NULL AND p.archived_at IS NULL ORDER BY p.name COLLATE NOCASE, k.name
                """).map { (contact: PartnerRows.contact($0), organisation: $0["organisation"] as String) }
            return (contacts, AuditRecord(.export, "partner_contact", "sociale kaart", detail: "vcard, \(contacts.count) contactpersonen"))
        }
    }
}
