import Foundation
import GRDB
import SchakelCore

extension Store: PartnerDirectory {
    /// The directory in name order, paged by key.
    public func partnerPage(_ request: PageRequest, limit: Int, for user: User) throws(StoreFailure) -> Page<Partner> {
        guard AccessPolicy.canReadPartners(user) else {
            if request == .first || request == .last {
                try audit(AuditRecord(.list, "partner", result: .denied), by: user)
            }
            return Page(rows: [], hasMore: false)
        }
        let query = PartnerListQuery.make(request, limit: limit)
        return try read { db in
            try query.page(in: db, limit: limit) { row in
                Partner(id: row["id"], version: row["version"], name: row["name"], kind: row["kind"],
                        description: row["description"], phone: row["phone"], email: row["email"], website: row["website"],
                        address: row["address"])
            }
        }
    }

    /// Adds a partner, or saves changes to one loaded at `partner.version`. Someone else's change
    /// in between is a conflict; nothing is overwritten.
    @discardableResult
    public func savePartner(_ partner: Partner, by user: User) throws(StoreFailure) -> (id: Int64, version: Int) {
        guard AccessPolicy.canEditPartners(user) else {
            try audit(AuditRecord(partner.id == nil ? .create : .update, "partner", partner.id.map(String.init) ?? "",
                                  result: .denied), by: user)
            throw .noAccess
        }
        if let problem = partner.problems.first { throw .other(problem) }
        let moment = now()
        let outcome = try write { db -> Result<(Int64, Int), StoreFailure> in
            let arguments: StatementArguments = [partner.name, partner.kind, partner.description, partner.phone, partner.email,
                                                 partner.website, partner.address]
            let id: Int64, version: Int
            if let existing = partner.id, let loaded = partner.version {
                try db.execute(sql: """
                    UPDATE partner SET name = ?, kind = ?, description = ?, phone = ?, email = ?, website = ?, address = ?,
                                       version = version + 1
                    WHERE id = ? AND version = ?
                    """, arguments: arguments + [existing, loaded])
                guard db.changesCount == 1 else {
                    let who = try String.fetchOne(db, sql: """
                        SELECT actor FROM audit_log WHERE object_type = 'partner' AND object_id = ? AND result = 'ok'
                        ORDER BY id DESC LIMIT 1
                        """, arguments: [String(existing)]) ?? "een collega"
                    return .failure(.conflict(ConcurrentChange(by: who, at: AmsterdamTime.localTime(of: moment),
                                                               what: "de gegevens van \(partner.name) zijn gewijzigd.")))
                }
                (id, version) = (existing, loaded + 1)
            } else {
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM partner WHERE name = ?)", arguments: [partner.name])! {
                    return .failure(.other("er staat al een organisatie '\(partner.name)' op de sociale kaart"))
                }
                try db.execute(sql: """
                    INSERT INTO partner (name, kind, description, phone, email, website, address) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: arguments)
                (id, version) = (db.lastInsertedRowID, 1)
            }
            try AuditLog.append(AuditRecord(partner.id == nil ? .create : .update, "partner", String(id)),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success((id, version))
        }
        let (id, version) = try outcome.get()
        return (id, version)
    }
}

enum PartnerListQuery {
    static func make(_ request: PageRequest, limit: Int) -> KeysetQuery {
        KeysetQuery.make(select: "p.*", from: "partner p", conditions: [], arguments: [],
                         sortColumn: "p.name", idColumn: "p.id", newestFirst: false, request: request, limit: limit)
    }
}
