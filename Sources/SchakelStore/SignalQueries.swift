import GRDB
import Meldroute
import SchakelCore

extension Store: SignalReading {
    /// One page of the inbox in newest-first order, found by key through an index.
    public func inboxPage(_ request: PageRequest, limit: Int, filter: SignalFilter, overdue: [OverdueRule],
                          for user: User, _ occasion: ReadOccasion) throws -> Page<SignalSummary> {
        guard let query = InboxQuery.make(request, limit: limit, scope: AccessPolicy.signalScope(for: user), filter: filter,
                                          overdue: overdue, userID: user.id) else {
            try auditRefusal(AuditRecord(.list, "signal", result: .denied, detail: "geen toegang tot signalen"), occasion, by: user)
            return Page(rows: [], hasMore: false)
        }
        return try readAudited(occasion, by: user) { db in
            let page = try query.page(in: db, limit: limit, Self.listedSummary(from:))
            let filtered = filter.isEmpty ? "" : ", gefilterd"
            return (page, AuditRecord(.list, "signal", detail: "inbox\(filtered)\(request.auditNote), \(page.rows.count) regels"))
        }
    }

    /// The signal's details, or nil when it does not exist or lies outside the user's scope (the
    /// caller cannot tell which; the audit log can).
    public func signalDetail(id: Int64, for user: User, _ occasion: ReadOccasion) throws -> SignalDetail? {
        let result = try readAudited(occasion, by: user) { db -> ((Row, [Row], String?)?, AuditRecord) in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.*, m.name AS municipality
                FROM signal s JOIN municipality m ON m.id = s.municipality_id
                WHERE s.id = ?
                """, arguments: [id]) else {
                return (nil, AuditRecord(.read, "signal", String(id), result: .notFound))
            }
            guard try Self.signalInScope(id, for: user, in: db) else {
                return (nil, AuditRecord(.read, "signal", String(id), result: .denied, detail: "buiten need-to-know"))
            }
            let persons = try Row.fetchAll(db, sql: """
                SELECT p.pseudonym, p.initials, p.birth_year, p.given_name, p.family_name, sp.role
                FROM signal_person sp JOIN person p ON p.id = sp.person_id
                WHERE sp.signal_id = ? ORDER BY sp.rowid
                """, arguments: [id])
            let tombstone = try String.fetchOne(db, sql: """
                SELECT text FROM timeline_event WHERE subject_type = 'signal' AND subject_id = ? AND kind = 'destruction' ORDER BY id DESC LIMIT 1
                """, arguments: [id])
            return ((row, persons, tombstone), AuditRecord(.read, "signal", String(id)))
        }
        guard let (row, personRows, tombstone) = result else { return nil }
        let persons = personRows.map { person in
            InvolvedPerson(code: person["pseudonym"], initials: person["initials"], birthYear: person["birth_year"],
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
            persons: persons,
            destruction: tombstone)
    }

    /// A row of `InboxQuery`, read by column index: id, code, received_at, municipality, forms,
    /// state, acute, minor_involved, state_data.
    static func listedSummary(from row: Row) throws -> SignalSummary {
        let receivedText: String = row[2]
        guard let received = AmsterdamTime.localTime(fromUTC: receivedText) else {
            throw StoreFailure.other("ongeldige ontvangstdatum '\(receivedText)'")
        }
        let id: Int64 = row[0]
        let stateData: String = row[8]
        return SignalSummary(
            id: id, key: ListKey(sortValue: receivedText, id: id), code: row[1], receivedAt: received, municipality: row[3],
            forms: ExploitationForms(rawValue: row[4]), state: row[5], acute: row[6], minorInvolved: row[7],
            recordedDates: stateData == "{}" ? [:] : try Self.recordedDates(from: stateData))
    }

    private static func summary(from row: Row) throws -> SignalSummary {
        let receivedText: String = row["received_at"]
        guard let received = AmsterdamTime.localTime(fromUTC: receivedText) else {
            throw StoreFailure.other("ongeldige ontvangstdatum '\(receivedText)'")
        }
        let id: Int64 = row["id"]
        return SignalSummary(
            id: id, key: ListKey(sortValue: receivedText, id: id), code: row["code"], receivedAt: received,
            municipality: row["municipality"], forms: ExploitationForms(rawValue: row["forms"]),
            state: row["state"], acute: row["acute"], minorInvolved: row["minor_involved"],
            recordedDates: try Self.recordedDates(from: row["state_data"]))
    }

    /// The date and date-time values of a signal's route data; the rest stays out of lists.
    static func recordedDates(from stateData: String) throws -> [String: FieldValues] {
        let recorded: [String: FieldValues]
        do {
            recorded = try StateDataCoding.decode(stateData)
        } catch {
            throw StoreFailure.other(String(describing: error))
        }
        var dates: [String: FieldValues] = [:]
        for (event, fields) in recorded {
            let kept = fields.filter { (_, value: FieldValue) in value.type == .date || value.type == .dateTime }
            if !kept.isEmpty { dates[event] = kept }
        }
        return dates
    }
}
