import Foundation
import GRDB
import Meldroute
import SchakelCore

/// Bringing the shipped sociale kaart into a database: new organisations added, shipped entries
/// nobody changed here brought up to date, and entries changed here never overwritten.
extension Store {
    /// The setting that holds the version of the shipped directory last brought in.
    static let directoryVersionSetting = "sociale_kaart_versie"

    /// The shipped directory's version last brought in; 0 for none.
    public func shippedDirectoryVersion() throws(StoreFailure) -> Int {
        try setting(Self.directoryVersionSetting).flatMap(Int.init) ?? 0
    }

    /// Brings `directory` in, or with `dryRun` only says what that would change. Audited.
    public func bringInShippedDirectory(_ directory: ShippedDirectory, dryRun: Bool, by user: User) throws(StoreFailure) -> DirectoryUpdate {
        guard AccessPolicy.canEditPartners(user) || user.role == .administrator else {
            try audit(AuditRecord(.update, "partner", "sociale kaart", result: .denied), by: user)
            throw .noAccess
        }
        if dryRun { return try read { db in try ShippedDirectoryRows.bringIn(directory, dryRun: true, in: db) } }
        return try audited(by: user) { db in
            let update = try ShippedDirectoryRows.bringIn(directory, dryRun: false, in: db)
            let detail = "meegeleverde sociale kaart versie \(directory.version): \(update.added.count) nieuw, "
                + "\(update.updated.count) bijgewerkt, \(update.keptLocal.count) lokaal gewijzigd gelaten"
            return (update, AuditRecord(.update, "partner", "sociale kaart", detail: detail))
        }
    }
}

enum ShippedDirectoryRows {
    static func bringIn(_ directory: ShippedDirectory, dryRun: Bool, in db: Database) throws -> DirectoryUpdate {
        var update = DirectoryUpdate()
        for organisation in directory.organisations {
            var shipped = Partner(shipped: organisation)
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM partner WHERE shipped_key = ?", arguments: [organisation.key]) {
                let existing = try PartnerRows.partner(row)
                guard !sameContent(existing, shipped) else { continue }
                if row["locally_edited"] as Bool {
                    update.keptLocal.append(existing.name)
                    continue
                }
                update.updated.append(shipped.name)
                shipped.id = existing.id
                shipped.verified = existing.verified
                if !dryRun { _ = try PartnerRows.update(shipped, expectedVersion: row["version"], locallyEdited: false, in: db) }
            } else if let id = try PartnerRows.id(named: organisation.name, in: db) {
                // Made here before under the same name: from now on it is that entry, as it is here.
                let existing = try PartnerRows.partner(try Row.fetchOne(db, sql: "SELECT * FROM partner WHERE id = ?", arguments: [id])!)
                if !sameContent(existing, shipped) { update.keptLocal.append(existing.name) }
                if !dryRun {
                    try db.execute(sql: "UPDATE partner SET shipped_key = ?, locally_edited = 1 WHERE id = ?",
                                   arguments: [organisation.key, id])
                }
            } else {
                update.added.append(organisation.name)
                if !dryRun { _ = try PartnerRows.insert(shipped, locallyEdited: false, in: db) }
            }
        }
        if !dryRun {
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                           arguments: [Store.directoryVersionSetting, String(directory.version)])
        }
        return update
    }

    /// The same organisation data, whoever checked it when.
    private static func sameContent(_ a: Partner, _ b: Partner) -> Bool {
        func content(_ partner: Partner) -> Partner {
            var partner = partner
            partner.id = nil
            partner.version = nil
            partner.verified = nil
            partner.shippedKey = nil
            partner.isArchived = false
            return partner
        }
        return content(a) == content(b)
    }
}
