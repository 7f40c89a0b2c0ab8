import GRDB
import SchakelCore

extension Store: SignalReading {
    /// One page of the inbox in newest-first order, found by key through an index.
    public func inboxPage(_ request: InboxPageRequest, limit: Int, for user: User) throws -> InboxPage {
        guard let query = InboxQuery.make(request, limit: limit, scope: AccessPolicy.signalScope(for: user)) else {
            return InboxPage(rows: [], hasMore: false)
        }
        let fetched = try read { db in try Row.fetchAll(db, sql: query.sql, arguments: query.arguments) }
        var rows = try fetched.prefix(limit).map(Self.summary(from:))
        if !query.newestFirst { rows.reverse() }
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
