import Foundation
import GRDB
import Meldroute
import SchakelCore
import TextSafety

extension Store: MeetingPlanning {
    /// Plans a meeting. Procesmanagers plan any meeting, the procesondersteuner any but the
    /// dadertafel; others only meetings they see in full (an AF their own municipality's).
    @discardableResult
    public func planMeeting(kind: MeetingKind, title: String, startsAt: LocalDateTime, location: String,
                            municipality: Municipality?, by user: User) throws(StoreFailure) -> Int64 {
        let name = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200, location.count <= 200 else {
            throw .other("een overleg heeft een titel van 1 tot 200 tekens en een locatie van hooguit 200")
        }
        if let wrong = FieldCharacters.firstProblem([("Titel", title, false), ("Plaats", location, false)]) { throw .refused(wrong) }
        guard kind.isMunicipal == (municipality != nil) else {
            throw .other(kind.isMunicipal ? "een \(kind.label) hoort bij een gemeente" : "een \(kind.label) is regionaal, zonder gemeente")
        }
        let visibility = AccessPolicy.meetingVisibility(for: user, kind: kind, municipalityID: municipality?.id)
        guard visibility == .full || (user.role == .processSupporter && visibility != .none) else {
            try audit(AuditRecord(.create, "meeting", result: .denied, detail: kind.rawValue), by: user)
            throw .noAccess
        }
        return try audited(by: user) { db in
            try db.execute(sql: """
                INSERT INTO meeting (kind, municipality_id, title, starts_at, location) VALUES (?, ?, ?, ?, ?)
                """, arguments: [kind.rawValue, municipality?.id, name, AmsterdamTime.utcText(from: startsAt), location])
            let id = db.lastInsertedRowID
            return (id, AuditRecord(.create, "meeting", String(id), detail: kind.rawValue))
        }
    }

    public func meetingListKey(atStartOf day: CivilDate) -> ListKey {
        ListKey(sortValue: AmsterdamTime.utcText(from: LocalDateTime(date: day, hour: 0, minute: 0)), id: 0)
    }

    /// Meetings the user may see, earliest first, paged by key.
    public func meetingPage(_ request: PageRequest, limit: Int, for user: User,
                            _ occasion: ReadOccasion) throws(StoreFailure) -> Page<Meeting> {
        guard let query = MeetingListQuery.make(request, limit: limit, for: user) else {
            try auditRefusal(AuditRecord(.list, "meeting", result: .denied, detail: "geen toegang tot overleggen"), occasion, by: user)
            return Page(rows: [], hasMore: false)
        }
        return try readAudited(occasion, by: user) { db in
            let page = try query.page(in: db, limit: limit) { row in try Self.meeting(from: row, for: user) }
            return (page, AuditRecord(.list, "meeting", detail: "overleggen\(request.auditNote), \(page.rows.count) regels"))
        }
    }

    /// One meeting as the list shows it, with who is invited; nil when it is not there or not for the user.
    public func meeting(id: Int64, for user: User) throws(StoreFailure) -> Meeting? {
        guard let (condition, arguments) = MeetingListQuery.condition(for: user) else { return nil }
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT \(MeetingListQuery.columns(for: user)) FROM \(MeetingListQuery.tables) WHERE g.id = ? AND \(condition)
                """, arguments: [id] + arguments) else { return nil }
            let invited = try String.fetchAll(db, sql: "SELECT organisation FROM meeting_invitee WHERE meeting_id = ? ORDER BY organisation",
                                              arguments: [id])
            return try Self.meeting(from: row, for: user, invited: invited)
        }
    }

    /// A row of `MeetingListQuery.columns`, as a meeting.
    static func meeting(from row: Row, for user: User, invited: [String] = []) throws -> Meeting {
        let startsText: String = row["starts_at"]
        guard let kind = MeetingKind(rawValue: row["kind"]), let starts = AmsterdamTime.localTime(fromUTC: startsText) else {
            throw StoreFailure.other("onleesbaar overleg \(row["id"] as Int64)")
        }
        let id: Int64 = row["id"]
        return Meeting(
            id: id, key: ListKey(sortValue: startsText, id: id), kind: kind, title: row["title"], startsAt: starts,
            location: row["location"], municipality: row["municipality"], status: row["status"],
            visibility: AccessPolicy.meetingVisibility(for: user, kind: kind, municipalityID: row["municipality_id"]),
            lengthMinutes: row["length_minutes"], itemCount: row["items"], series: row["series"], version: row["version"],
            chair: row["chair"], calendarSequence: row["calendar_sequence"], invited: invited)
    }

    /// A meeting's agenda as the user may see it. Items about records the user may not see are left
    /// out (a pseudonymised view shows the others by code, without notes).
    public func agenda(ofMeeting meetingID: Int64, for user: User,
                       _ occasion: ReadOccasion) throws(StoreFailure) -> [AgendaItem] {
        let outcome = try readAudited(occasion, by: user) { db -> (Result<[AgendaItem], StoreFailure>, AuditRecord) in
            guard let meetingVisibility = try Self.meetingVisibility(meetingID, for: user, in: db), meetingVisibility != .none else {
                let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM meeting WHERE id = ?)", arguments: [meetingID])!
                return (.failure(.noAccess), AuditRecord(.read, "meeting", String(meetingID), result: exists ? .denied : .notFound))
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.id, a.position, a.title, a.notes, a.subject_type, a.subject_id, coalesce(s.code, c.code) AS code,
                       a.question, a.brought_by, a.minutes_allotted, a.standing, a.summary, a.decisions, coalesce(s.forms, c.forms, 0) AS forms,
                       m.name AS municipality, \(SubjectSQL.pseudonyms(of: "a")) AS persons,
                       (SELECT json_group_array(organisation) FROM agenda_item_invitee WHERE agenda_item_id = a.id) AS invited
                FROM agenda_item a
                LEFT JOIN signal s ON a.subject_type = 'signal' AND s.id = a.subject_id
                LEFT JOIN kmt_case c ON a.subject_type = 'case' AND c.id = a.subject_id
                LEFT JOIN municipality m ON m.id = coalesce(s.municipality_id, c.municipality_id)
                WHERE a.meeting_id = ? ORDER BY a.position
                """, arguments: [meetingID])
            var items: [AgendaItem] = []
            for row in rows {
                let subject = TimelineSubject(row: row)
                let subjectVisibility = try subject.map { try Self.visibility(of: $0, for: user, in: db) ?? .none }
                let visibility = min(meetingVisibility, subjectVisibility ?? meetingVisibility)
                guard visibility != .none else { continue }
                let code: String? = row["code"]
                let full = visibility == .full
                // Pseudonymised: the code stands for the subject, and no free text is shown.
                // A JSON array: an organisation's name may hold any character, a separator too.
                let invited = (try? JSONDecoder().decode([String].self, from: Data((row["invited"] as String? ?? "[]").utf8))) ?? []
                items.append(AgendaItem(
                    id: row["id"], position: row["position"], title: full ? row["title"] : code.map { "Bespreking \($0)" } ?? row["title"],
                    subjectCode: code, notes: full ? row["notes"] : "", question: full ? row["question"] : "",
                    broughtBy: row["brought_by"], minutesAllotted: row["minutes_allotted"], isStanding: row["standing"],
                    persons: SubjectSQL.words(row["persons"]), forms: ExploitationForms(rawValue: row["forms"]),
                    municipality: row["municipality"], invited: invited.sorted(),
                    summary: full ? row["summary"] : "",
                    decisions: full ? (row["decisions"] as String).split(separator: "\n").map(String.init) : []))
            }
            return (.success(items), AuditRecord(.read, "meeting", String(meetingID), detail: "agenda, \(items.count) punten"))
        }
        return try outcome.get()
    }

    static func meetingVisibility(_ id: Int64, for user: User, in db: Database) throws -> Visibility? {
        guard let row = try Row.fetchOne(db, sql: "SELECT kind, municipality_id FROM meeting WHERE id = ?", arguments: [id]),
              let kind = MeetingKind(rawValue: row["kind"]) else { return nil }
        return AccessPolicy.meetingVisibility(for: user, kind: kind, municipalityID: row["municipality_id"])
    }
}

enum MeetingListQuery {
    /// The access rule as SQL on a meeting's kind and municipality columns (of `meeting g` unless
    /// told otherwise), mirroring `AccessPolicy.meetingVisibility`.
    static func condition(for user: User, kind: String = "g.kind",
                          municipality: String = "g.municipality_id") -> (String, StatementArguments)? {
        let municipal = MeetingKind.allCases.filter(\.isMunicipal).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        switch user.role {
        case .processManager:
            return ("1", [])
        case .careCoordinator:
            return ("(\(kind) <> 'dadertafel' AND \(kind) NOT IN (\(municipal)))", [])
        case .processSupporter:
            return ("\(kind) <> 'dadertafel'", [])
        case .designatedOfficer:
            guard let own = user.municipality?.id else { return nil }
            return ("((\(kind) IN (\(municipal)) AND \(municipality) = ?) OR (\(kind) NOT IN (\(municipal)) AND \(kind) <> 'dadertafel'))",
                    [own])
        case .administrator:
            return nil
        }
    }

    static func make(_ request: PageRequest, limit: Int, for user: User) -> KeysetQuery? {
        guard let (condition, arguments) = condition(for: user) else { return nil }
        return KeysetQuery.make(
            select: columns(for: user), from: tables, conditions: [condition], arguments: arguments,
            sortColumn: "g.starts_at", idColumn: "g.id", newestFirst: false, request: request, limit: limit)
    }

    /// A meeting's columns, with the number of agenda items the user may see at all: an item about a
    /// signal or case outside their need-to-know does not exist for them, not even in a count.
    static func columns(for user: User) -> String {
        """
        g.id, g.kind, g.title, g.starts_at, g.location, g.status, g.municipality_id, m.name AS municipality,
        g.length_minutes, g.series, g.version, g.chair, g.calendar_sequence,
        (SELECT count(*) FROM agenda_item a
         LEFT JOIN signal s ON a.subject_type = 'signal' AND s.id = a.subject_id
         LEFT JOIN kmt_case c ON a.subject_type = 'case' AND c.id = a.subject_id
         WHERE a.meeting_id = g.id AND \(VisibleSubjects.seenAtAll(for: user))) AS items
        """
    }
    static let tables = "meeting g LEFT JOIN municipality m ON m.id = g.municipality_id"
}
