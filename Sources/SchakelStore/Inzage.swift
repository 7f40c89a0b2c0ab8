import Foundation
import GRDB
import Meldroute
import SchakelCore

/// Everything held about one person, gathered for their request for access (article 15 AVG).
extension Store {
    /// The person's dossier (a merged code leads to the code it became): for a procesmanager only,
    /// audited as an export of the person, refused and audited otherwise. `workflows` name the
    /// route states as officers know them.
    public func inzage(ofPerson code: String, workflows: [WorkflowDefinition], by user: User) throws(StoreFailure) -> InzageDocument {
        let moment = now()
        guard AccessPolicy.canCompileInzage(user) else {
            try audit(AuditRecord(.export, "person", result: .denied, detail: "inzage \(code)"), by: user)
            throw .noAccess
        }
        let outcome = try write { db -> Result<InzageDocument, StoreFailure> in
            let id: Int64
            do {
                id = try PersonRows.survivor(of: try PersonRows.id(ofCode: code, in: db), in: db)
            } catch let refusal as PersonRefusal {
                try AuditLog.append(AuditRecord(.export, "person", result: .notFound, detail: "inzage \(code)"),
                                    actor: user.login, origin: origin, at: moment, in: db)
                return .failure(refusal.failure)
            }
            let document = try InzageGathering(db: db, personID: id, workflows: workflows).document(at: AmsterdamTime.localTime(of: moment))
            try AuditLog.append(AuditRecord(.export, "person", String(id), detail: "inzage, \(document.records.count) signalen en casussen"),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success(document)
        }
        return try outcome.get()
    }
}

/// Reads one person's dossier in the transaction it is given.
struct InzageGathering {
    let db: Database
    let personID: Int64
    let workflows: [WorkflowDefinition]

    func document(at moment: LocalDateTime) throws -> InzageDocument {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [personID]) else {
            throw StoreFailure.other("persoon \(personID) ontbreekt")
        }
        let given: String = row["given_name"], family: String = row["family_name"]
        let redaction = Redaction(names: try otherNames(), keeping: [given, family, "\(given) \(family)"])
        let merged = try String.fetchAll(db, sql: """
            SELECT p.pseudonym FROM person_merge m JOIN person p ON p.id = m.absorbed_id
            WHERE m.survivor_id = ? AND m.undone_at IS NULL ORDER BY m.id
            """, arguments: [personID])
        let person = InzageDocument.Person(code: row["pseudonym"], initials: row["initials"], birthYear: row["birth_year"],
                                           givenName: given, familyName: family, mergedCodes: merged)
        var roles: [TimelineSubject: [String]] = [:]
        for link in try PersonLink.all(of: personID, in: db) {
            roles[link.subject, default: []].append(PersonRole(rawValue: link.role)?.label ?? link.role)
        }
        let records = try roles.keys.sorted { ($0.typeName, $0.id) > ($1.typeName, $1.id) }
            .map { try record($0, roles: roles[$0] ?? [], redaction: redaction) }
            .sorted { ($0.receivedAt, $0.code) < ($1.receivedAt, $1.code) }
        return InzageDocument(person: person, records: records, personAccesses: try accesses("person", personID), madeAt: moment)
    }

    /// Every name in the database that is not this person's: other persons' and reporters'.
    private func otherNames() throws -> [String] {
        var names: [String] = []
        for row in try Row.fetchAll(db, sql: "SELECT given_name, family_name FROM person WHERE id <> ?", arguments: [personID]) {
            let given: String = row[0], family: String = row[1]
            names += [given, family, "\(given) \(family)"]
        }
        names += try String.fetchAll(db, sql: "SELECT DISTINCT reporter_name FROM signal WHERE reporter_name <> ''")
        return names
    }

    private func record(_ subject: TimelineSubject, roles: [String], redaction: Redaction) throws -> InzageDocument.Record {
        let isCase = subject.typeName == "case"
        let row = try Row.fetchOne(db, sql: isCase
            ? "SELECT c.*, c.summary AS text, '' AS location, m.name AS municipality FROM kmt_case c JOIN municipality m ON m.id = c.municipality_id WHERE c.id = ?"
            : "SELECT s.*, s.description AS text, m.name AS municipality FROM signal s JOIN municipality m ON m.id = s.municipality_id WHERE s.id = ?",
            arguments: [subject.id])
        guard let row, let received = AmsterdamTime.localTime(fromUTC: row["received_at"]) else {
            throw StoreFailure.other("\(subject.typeName) \(subject.id) ontbreekt")
        }
        let reporter = isCase ? "" : [ReporterType(rawValue: row["reporter_type"])?.label ?? "", row["reporter_organisation"] as String]
            .filter { !$0.isEmpty }.joined(separator: ", ")
        let link = PersonRows.linkTable(subject)
        let others = try String.fetchAll(db, sql: """
            SELECT DISTINCT p.pseudonym FROM \(link.table) l JOIN person p ON p.id = l.person_id
            WHERE l.\(link.column) = ? AND l.person_id <> ? ORDER BY p.pseudonym
            """, arguments: [subject.id, personID])
        return InzageDocument.Record(
            kind: isCase ? "Casus" : "Signaal", code: row["code"], receivedAt: received, municipality: row["municipality"],
            role: roles.joined(separator: ", "), state: stateLabel(workflow: row["workflow"], state: row["state"]),
            description: redaction.apply(row["text"]), location: redaction.apply(row["location"]), reporter: reporter,
            otherPersons: others, timeline: try timeline(subject, redaction), referrals: try referrals(subject, redaction),
            discussions: try discussions(subject, redaction), accesses: try accesses(subject.typeName, subject.id))
    }

    private func stateLabel(workflow: String, state: String) -> String {
        workflows.first { $0.name == workflow }?.label(ofState: state) ?? state
    }

    private func entries(_ sql: String, _ arguments: StatementArguments, _ redaction: Redaction?) throws -> [InzageDocument.Entry] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
            let at: String = row["at"]
            guard let moment = AmsterdamTime.localTime(fromUTC: at) ?? CivilDate(iso: String(at.prefix(10))).map({
                LocalDateTime(date: $0, hour: 0, minute: 0)
            }) else { return nil }
            let what: String = row["what"]
            return InzageDocument.Entry(at: moment, who: row["who"], what: redaction?.apply(what) ?? what)
        }
    }

    private func timeline(_ subject: TimelineSubject, _ redaction: Redaction) throws -> [InzageDocument.Entry] {
        try entries("""
            SELECT t.occurred_at AS at, coalesce(u.display_name, 'Schakel') AS who, \(Self.kindLabel) || ': ' || t.text AS what
            FROM timeline_event t LEFT JOIN app_user u ON u.id = t.author_id
            WHERE t.subject_type = ? AND t.subject_id = ? ORDER BY t.occurred_at, t.id
            """, [subject.typeName, subject.id], redaction)
    }

    /// A timeline line's kind as the timeline shows it ("notitie", "stap"), in SQL.
    static let kindLabel = "(CASE t.kind " + TimelineKind.allCases.map { "WHEN '\($0.rawValue)' THEN '\($0.label)' " }.joined() + "ELSE t.kind END)"

    /// An audit line's action in Dutch ("details geopend"), in SQL.
    static let actionLabel = "(CASE action " + AuditAction.allCases.map { "WHEN '\($0.rawValue)' THEN '\($0.label)' " }.joined() + "ELSE action END)"

    private func referrals(_ subject: TimelineSubject, _ redaction: Redaction) throws -> [InzageDocument.Entry] {
        try entries("""
            SELECT r.referred_at AS at, p.name AS who, 'verwezen: ' || r.reason AS what
            FROM referral r JOIN partner p ON p.id = r.partner_id WHERE r.subject_type = ? AND r.subject_id = ? ORDER BY r.referred_at, r.id
            """, [subject.typeName, subject.id], redaction)
    }

    private func discussions(_ subject: TimelineSubject, _ redaction: Redaction) throws -> [InzageDocument.Entry] {
        try entries("""
            SELECT m.starts_at AS at, m.title AS who,
                   a.title || (CASE WHEN a.summary <> '' THEN '. Verslag: ' || a.summary ELSE '' END)
                           || (CASE WHEN a.decisions <> '' THEN '. Besluiten: ' || replace(a.decisions, char(10), '; ') ELSE '' END) AS what
            FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
            WHERE a.subject_type = ? AND a.subject_id = ? ORDER BY m.starts_at, a.id
            """, [subject.typeName, subject.id], redaction)
    }

    /// Who looked at it (or did something with it), from the audit log: only what went through.
    private func accesses(_ objectType: String, _ id: Int64) throws -> [InzageDocument.Entry] {
        try entries("""
            SELECT at, actor AS who, \(Self.actionLabel) || (CASE WHEN detail <> '' THEN ' (' || detail || ')' ELSE '' END) AS what
            FROM audit_log WHERE object_type = ? AND object_id = ? AND result = 'ok' ORDER BY id
            """, [objectType, String(id)], nil)
    }
}
