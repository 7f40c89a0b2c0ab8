import Foundation
import GRDB
import Meldroute
import SchakelCore

extension Store: PartnerDirectory {
    /// The directory in name order, paged by key, filtered as typed and by facets.
    /// The sociale kaart holds no personal data of cases: reading it is not logged, a refusal is.
    public func partnerPage(_ request: PageRequest, limit: Int, filter: PartnerFilter, today: CivilDate,
                            for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> Page<Partner> {
        guard AccessPolicy.canReadPartners(user) else {
            try auditRefusal(AuditRecord(.list, "partner", result: .denied), occasion, by: user)
            return Page(rows: [], hasMore: false)
        }
        let query = PartnerListQuery.make(request, limit: limit, filter: filter, today: today)
        return try read { db in try query.page(in: db, limit: limit, PartnerRows.partner) }
    }

    public func partner(id: Int64, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> PartnerDetail? {
        guard AccessPolicy.canReadPartners(user) else {
            try auditRefusal(AuditRecord(.read, "partner", String(id), result: .denied), occasion, by: user)
            return nil
        }
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM partner WHERE id = ?", arguments: [id]) else { return nil }
            let contacts = try Row.fetchAll(db, sql: """
                SELECT * FROM partner_contact WHERE partner_id = ? AND archived_at IS NULL ORDER BY name, id
                """, arguments: [id]).map(PartnerRows.contact)
            return PartnerDetail(partner: try PartnerRows.partner(row), contacts: contacts,
                                 referrals: try Self.referrals(toPartner: id, for: user, in: db))
        }
    }

    public func shippedPartners(for user: User) throws(StoreFailure) -> [String: Partner] {
        guard AccessPolicy.canReadPartners(user) else { return [:] }
        return try read { db in
            var partners: [String: Partner] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM partner WHERE shipped_key IS NOT NULL AND archived_at IS NULL") {
                partners[row["shipped_key"]] = try PartnerRows.partner(row)
            }
            return partners
        }
    }

    /// Adds a partner, or saves changes to one loaded at `partner.version`, stamped as checked
    /// today by the user. Someone else's change in between is a conflict; nothing is overwritten.
    @discardableResult
    public func savePartner(_ partner: Partner, by user: User) throws(StoreFailure) -> (id: Int64, version: Int) {
        guard AccessPolicy.canEditPartners(user) else {
            try audit(AuditRecord(partner.id == nil ? .create : .update, "partner", partner.id.map(String.init) ?? "",
                                  result: .denied), by: user)
            throw .noAccess
        }
        if let problem = partner.problems.first { throw .refused("De organisatie is niet opgeslagen: \(problem).") }
        let moment = now()
        var stamped = partner
        stamped.verified = Verification(on: AmsterdamTime.localTime(of: moment).date, by: user.displayName)
        let outcome = try write { db -> Result<(Int64, Int), StoreFailure> in
            let id: Int64, version: Int
            if let existing = partner.id, let loaded = partner.version {
                guard try PartnerRows.update(stamped, expectedVersion: loaded, locallyEdited: true, in: db) else {
                    let who = try String.fetchOne(db, sql: """
                        SELECT actor FROM audit_log WHERE object_type = 'partner' AND object_id = ? AND result = 'ok'
                        ORDER BY id DESC LIMIT 1
                        """, arguments: [String(existing)]) ?? "een collega"
                    return .failure(.conflict(ConcurrentChange(by: who, at: AmsterdamTime.localTime(of: moment),
                                                               what: "de gegevens van \(partner.name) zijn gewijzigd.")))
                }
                (id, version) = (existing, loaded + 1)
            } else {
                if try PartnerRows.id(named: partner.name, in: db) != nil {
                    return .failure(.refused("Er staat al een organisatie '\(partner.name)' op de sociale kaart."))
                }
                (id, version) = (try PartnerRows.insert(stamped, locallyEdited: true, in: db), 1)
            }
            try AuditLog.append(AuditRecord(partner.id == nil ? .create : .update, "partner", String(id)),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success((id, version))
        }
        let (id, version) = try outcome.get()
        return (id, version)
    }
}

extension Store {
    public func archivePartner(_ id: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) {
        try archive(in: "partner", id: id, expectedVersion: expectedVersion, by: user,
                    refusal: "Deze organisatie is intussen gewijzigd of al gearchiveerd; er is niets gearchiveerd.")
    }
}

enum PartnerListQuery {
    static func make(_ request: PageRequest, limit: Int, filter: PartnerFilter, today: CivilDate) -> KeysetQuery {
        var conditions = ["p.archived_at IS NULL"]
        var arguments: StatementArguments = []
        if let match = SearchQuery.ftsQuery(for: filter.text) {
            conditions.append("p.id IN (SELECT rowid FROM partner_fts WHERE partner_fts MATCH ?)")
            arguments += [match]
        }
        for (mask, column) in [(filter.domains.rawValue, "domains"), (filter.targetGroups.rawValue, "target_groups"),
                               (filter.forms.rawValue, "forms")] where mask != 0 {
            conditions.append("(p.\(column) & ?) != 0")
            arguments += [mask]
        }
        if let municipality = filter.municipality {
            // Twente and the country cover every municipality; a list covers its own.
            conditions.append("(p.area IN ('twente', 'landelijk') OR instr(';' || p.area || ';', ';' || ? || ';') > 0)")
            arguments += [municipality]
        }
        if filter.alwaysReachableOnly { conditions.append("p.crisis_24_7 = 1") }
        if filter.needsCheckingOnly {
            conditions.append("(p.verified_on IS NULL OR p.verified_on < ?)")
            arguments += [today.adding(months: -Verification.maximumAgeInMonths).iso]
        }
        return KeysetQuery.make(select: "p.*", from: "partner p", conditions: conditions, arguments: arguments,
                                sortColumn: "p.name COLLATE NOCASE", idColumn: "p.id", newestFirst: false, request: request, limit: limit)
    }
}

/// Partner rows to and from the table; shared by the store, the bulk import and the shipped
/// directory's update.
enum PartnerRows {
    static func partner(_ row: Row) throws -> Partner {
        Partner(id: row["id"], version: row["version"], name: row["name"], shortName: row["short_name"], kind: row["kind"],
                domains: PartnerDomains(rawValue: row["domains"]), targetGroups: TargetGroups(rawValue: row["target_groups"]),
                forms: ExploitationForms(rawValue: row["forms"]), area: PartnerArea(code: row["area"]), offer: row["description"],
                phone: row["phone"], email: row["email"], website: row["website"], address: row["address"],
                openingHours: row["opening_hours"], crisisLine: row["crisis_line"], crisisAlwaysReachable: row["crisis_24_7"],
                verified: verification(row), isArchived: row["archived_at"] as String? != nil, shippedKey: row["shipped_key"])
    }

    static func contact(_ row: Row) -> PartnerContact {
        PartnerContact(id: row["id"], version: row["version"], partnerID: row["partner_id"], name: row["name"], function: row["role"],
                       phone: row["phone"], email: row["email"], verified: verification(row), isFictional: row["is_fictional"])
    }

    static func verification(_ row: Row) -> Verification? {
        (row["verified_on"] as String?).flatMap(CivilDate.init(iso:)).map { Verification(on: $0, by: row["verified_by"]) }
    }

    /// The columns a partner's content fills, in order, and their values.
    private static let columns = ["name", "short_name", "kind", "domains", "target_groups", "forms", "area", "description", "phone",
                                  "email", "website", "address", "opening_hours", "crisis_line", "crisis_24_7", "verified_on",
                                  "verified_by"]

    private static func values(_ partner: Partner) -> StatementArguments {
        [partner.name, partner.shortName, partner.kind, partner.domains.rawValue, partner.targetGroups.rawValue, partner.forms.rawValue,
         partner.area.code, partner.offer, partner.phone, partner.email, partner.website, partner.address, partner.openingHours,
         partner.crisisLine, partner.crisisAlwaysReachable, partner.verified?.on.iso, partner.verified?.by ?? ""]
    }

    static func insert(_ partner: Partner, locallyEdited: Bool, in db: Database) throws -> Int64 {
        let names = (columns + ["shipped_key", "locally_edited"]).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count + 2).joined(separator: ", ")
        try db.execute(sql: "INSERT INTO partner (\(names)) VALUES (\(marks))",
                       arguments: values(partner) + [partner.shippedKey, locallyEdited])
        return db.lastInsertedRowID
    }

    /// Saves `partner` over the row loaded at `expectedVersion`; false when it changed since.
    static func update(_ partner: Partner, expectedVersion: Int, locallyEdited: Bool, in db: Database) throws -> Bool {
        guard let id = partner.id else { return false }
        let assignments = columns.map { "\($0) = ?" }.joined(separator: ", ")
        try db.execute(sql: """
            UPDATE partner SET \(assignments), locally_edited = locally_edited OR ?, version = version + 1 WHERE id = ? AND version = ?
            """, arguments: values(partner) + [locallyEdited, id, expectedVersion])
        return db.changesCount == 1
    }

    static func id(named name: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM partner WHERE name = ?", arguments: [name])
    }
}
