import GRDB
import SchakelCore

extension Store: SignalReading {
    /// One page of the inbox in newest-first order, found by key through an index.
    public func inboxPage(_ request: InboxPageRequest, limit: Int, for user: User) throws -> InboxPage {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        switch AccessPolicy.signalScope(for: user) {
        case .none:
            return InboxPage(rows: [], hasMore: false)
        case .municipality(let id):
            conditions.append("s.municipality_id = ?")
            arguments += [id]
        case .region:
            break
        }
        // Pages are fetched in the direction of travel and put back in newest-first order.
        let newestFirst: Bool
        switch request {
        case .first:
            newestFirst = true
        case .last:
            newestFirst = false
        case .after(let key):
            newestFirst = true
            conditions.append("(s.received_at, s.id) < (?, ?)")
            arguments += [key.receivedAt, key.id]
        case .before(let key):
            newestFirst = false
            conditions.append("(s.received_at, s.id) > (?, ?)")
            arguments += [key.receivedAt, key.id]
        }
        let order = newestFirst ? "DESC" : "ASC"
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments += [limit + 1]
        let sql = """
            SELECT s.id, s.code, s.received_at, m.name AS municipality, s.forms, s.state, s.acute, s.minor_involved
            FROM signal s JOIN municipality m ON m.id = s.municipality_id
            \(whereClause)
            ORDER BY s.received_at \(order), s.id \(order)
            LIMIT ?
            """
        let fetched = try read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
        var rows = try fetched.prefix(limit).map(Self.summary(from:))
        if !newestFirst { rows.reverse() }
        return InboxPage(rows: rows, hasMore: fetched.count > limit)
    }

    /// The signal's details, or nil when it does not exist or lies outside the user's scope.
    public func signalDetail(id: Int64, for user: User) throws -> SignalDetail? {
        var scopeCondition = ""
        var arguments: StatementArguments = [id]
        switch AccessPolicy.signalScope(for: user) {
        case .none: return nil
        case .municipality(let municipalityID):
            scopeCondition = "AND s.municipality_id = ?"
            arguments += [municipalityID]
        case .region: break
        }
        let result = try read { db -> (Row, [Row])? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.*, m.name AS municipality
                FROM signal s JOIN municipality m ON m.id = s.municipality_id
                WHERE s.id = ? \(scopeCondition)
                """, arguments: arguments) else { return nil }
            let persons = try Row.fetchAll(db, sql: """
                SELECT p.initials, p.birth_year, p.given_name, p.family_name, sp.role
                FROM signal_person sp JOIN person p ON p.id = sp.person_id
                WHERE sp.signal_id = ? ORDER BY sp.rowid
                """, arguments: [id])
            return (row, persons)
        }
        guard let (row, personRows) = result else { return nil }
        let persons = personRows.map { person in
            InvolvedPerson(initials: person["initials"], birthYear: person["birth_year"],
                           role: PersonRole(rawValue: person["role"]) ?? .environment,
                           fullName: [person["given_name"] as String, person["family_name"] as String]
                               .filter { !$0.isEmpty }.joined(separator: " "))
        }
        return SignalDetail(
            summary: try Self.summary(from: row),
            source: SignalSource(rawValue: row["source"]) ?? .intranet,
            reporterType: ReporterType(rawValue: row["reporter_type"]) ?? .anonymous,
            reporterName: row["reporter_name"],
            reporterOrganisation: row["reporter_organisation"],
            location: row["location"],
            description: row["description"],
            persons: persons)
    }

    private static func summary(from row: Row) throws -> SignalSummary {
        let receivedText: String = row["received_at"]
        guard let received = AmsterdamTime.localTime(fromUTC: receivedText) else {
            throw StoreFailure.other("ongeldige ontvangstdatum '\(receivedText)'")
        }
        let id: Int64 = row["id"]
        return SignalSummary(
            id: id, key: InboxKey(receivedAt: receivedText, id: id), code: row["code"], receivedAt: received,
            municipality: row["municipality"], forms: ExploitationForms(rawValue: row["forms"]),
            state: row["state"], acute: row["acute"], minorInvolved: row["minor_involved"])
    }
}
