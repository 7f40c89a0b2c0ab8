import Foundation
import GRDB
import Meldroute
import SchakelCore

/// The person table and its links, as every writer of persons uses them: a new person with the next
/// code and the forms of the name the match offer compares, a link, the subjects a person appears in.
enum PersonRows {
    /// The fields with surrounding spaces removed.
    static func trimmed(_ person: NewPerson) -> NewPerson {
        NewPerson(initials: person.initials.trimmingCharacters(in: .whitespaces), birthYear: person.birthYear, role: person.role,
                  givenName: person.givenName.trimmingCharacters(in: .whitespaces),
                  familyName: person.familyName.trimmingCharacters(in: .whitespaces), knownID: person.knownID)
    }

    /// A new person row with the next P-code.
    static func insert(_ person: NewPerson, in db: Database) throws -> AddedPerson {
        let code = try Store.nextPersonCode(db)
        try db.execute(sql: """
            INSERT INTO person (pseudonym, initials, birth_year, given_name, family_name, initials_key, family_key)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [code, person.initials, person.birthYear, person.givenName, person.familyName,
                             PersonNameKey.initials(person.initials), PersonNameKey.family(person.familyName)])
        return AddedPerson(id: db.lastInsertedRowID, code: code)
    }

    /// The link table of a signal or case, and its column naming the subject.
    static func linkTable(_ subject: TimelineSubject) -> (table: String, column: String) {
        switch subject {
        case .signal: ("signal_person", "signal_id")
        case .kmtCase: ("case_person", "case_id")
        }
    }

    static func link(_ personID: Int64, role: PersonRole, to subject: TimelineSubject, in db: Database) throws {
        let link = linkTable(subject)
        try db.execute(sql: "INSERT OR IGNORE INTO \(link.table) (\(link.column), person_id, role) VALUES (?, ?, ?)",
                       arguments: [subject.id, personID, role.rawValue])
    }

    /// Whether the person is on the subject (in `role`, when given).
    static func isLinked(_ personID: Int64, role: PersonRole? = nil, to subject: TimelineSubject, in db: Database) throws -> Bool {
        let link = linkTable(subject)
        let roleCondition = role == nil ? "" : " AND role = ?"
        let arguments: StatementArguments = [subject.id, personID] + StatementArguments(role.map { [$0.rawValue] } ?? [])
        return try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM \(link.table) WHERE \(link.column) = ? AND person_id = ?\(roleCondition))
            """, arguments: arguments) ?? false
    }

    /// The id of a person by code ("p-00197" as well); refused in Dutch when there is none.
    static func id(ofCode code: String, in db: Database) throws -> Int64 {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE pseudonym = ?", arguments: [code]) else {
            throw PersonRefusal(.refused("Er is geen persoon met de code \(code)."), nil)
        }
        return id
    }

    static func code(of personID: Int64, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT pseudonym FROM person WHERE id = ?", arguments: [personID])
    }

    /// The code of a person the user sees (through a signal or case they see in full) and that was
    /// not merged into another; nil otherwise, whether or not the person exists.
    static func visibleCode(of personID: Int64, for user: User, in db: Database) throws -> String? {
        guard let visible = PersonScopeSQL.visible(for: user) else { return nil }
        return try String.fetchOne(db, sql: "SELECT p.pseudonym FROM person p WHERE p.id = ? AND p.merged_into IS NULL AND \(visible.sql)",
                                   arguments: [personID] + visible.arguments)
    }

    /// The person a code was merged into (following every tombstone), or the person itself.
    static func survivor(of personID: Int64, in db: Database) throws -> Int64 {
        var id = personID, seen: Set<Int64> = []
        while seen.insert(id).inserted, let next = try Int64.fetchOne(db, sql: "SELECT merged_into FROM person WHERE id = ?", arguments: [id]) {
            id = next
        }
        return id
    }

    /// The persons on a subject, in the order they were added.
    static func linked(to subject: TimelineSubject, in db: Database) throws -> [SubjectPerson] {
        let link = linkTable(subject)
        return try Row.fetchAll(db, sql: """
            SELECT p.id, p.pseudonym, p.initials, p.birth_year, p.given_name, p.family_name, l.role
            FROM \(link.table) l JOIN person p ON p.id = l.person_id
            WHERE l.\(link.column) = ? ORDER BY l.rowid
            """, arguments: [subject.id]).map { row in
            SubjectPerson(id: row["id"], code: row["pseudonym"], initials: row["initials"], birthYear: row["birth_year"],
                          role: PersonRole(rawValue: row["role"]) ?? .environment, givenName: row["given_name"],
                          familyName: row["family_name"])
        }
    }

    /// Every signal and case the person is on, whoever may see them.
    static func subjects(of personID: Int64, in db: Database) throws -> [TimelineSubject] {
        let signals = try Int64.fetchAll(db, sql: "SELECT DISTINCT signal_id FROM signal_person WHERE person_id = ? ORDER BY signal_id",
                                         arguments: [personID])
        let cases = try Int64.fetchAll(db, sql: "SELECT DISTINCT case_id FROM case_person WHERE person_id = ? ORDER BY case_id",
                                       arguments: [personID])
        return signals.map(TimelineSubject.signal) + cases.map(TimelineSubject.kmtCase)
    }

    /// The signals and cases the person is on that the user sees in full, oldest first.
    static func appearances(of personID: Int64, for user: User, in db: Database) throws -> [PersonAppearance] {
        var parts: [String] = [], arguments: StatementArguments = []
        if let scope = SignalScopeSQL.condition(AccessPolicy.signalScope(for: user)) {
            parts.append("""
                SELECT 'signal' AS type, s.id, s.code, s.received_at, m.name AS municipality, l.role, s.state
                FROM signal_person l JOIN signal s ON s.id = l.signal_id JOIN municipality m ON m.id = s.municipality_id
                WHERE l.person_id = ? AND \(scope.sql)
                """)
            arguments += [personID] + StatementArguments(scope.ids)
        }
        if let cases = CaseScopeSQL.seenInFull(by: user) {
            parts.append("""
                SELECT 'case' AS type, c.id, c.code, c.received_at, m.name AS municipality, l.role, c.state
                FROM case_person l JOIN kmt_case c ON c.id = l.case_id JOIN municipality m ON m.id = c.municipality_id
                WHERE l.person_id = ? AND \(cases.sql)
                """)
            arguments += [personID] + cases.arguments
        }
        guard !parts.isEmpty else { return [] }
        return try Row.fetchAll(db, sql: parts.joined(separator: " UNION ALL ") + " ORDER BY received_at, code",
                                arguments: arguments).compactMap { row in
            guard let received = AmsterdamTime.localTime(fromUTC: row["received_at"]) else { return nil }
            let id: Int64 = row["id"]
            return PersonAppearance(subject: (row["type"] as String) == "case" ? .kmtCase(id) : .signal(id), code: row["code"],
                                    receivedAt: received, municipality: row["municipality"],
                                    role: PersonRole(rawValue: row["role"]) ?? .environment, state: row["state"])
        }
    }

    /// A line on a subject's timeline.
    static func appendLine(_ text: String, kind: String, on subject: TimelineSubject, by user: User, at moment: Date,
                           in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO timeline_event (subject_type, subject_id, kind, text, author_id, occurred_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [subject.typeName, subject.id, kind, text, user.id, AmsterdamTime.utcText(of: moment)])
    }

    /// What a correction changes, in Dutch: "geboortejaar 1986 → 1987", "achternaam „Kovalenko” → „Kovalenko-Petrova”".
    static func changes(from current: Row, to corrected: NewPerson) -> [String] {
        func quoted(_ text: String) -> String { text.isEmpty ? "(leeg)" : "„\(text)”" }
        var changes: [String] = []
        let initials: String = current["initials"], given: String = current["given_name"], family: String = current["family_name"]
        let year: Int? = current["birth_year"]
        if initials != corrected.initials { changes.append("initialen \(quoted(initials)) → \(quoted(corrected.initials))") }
        if year != corrected.birthYear {
            changes.append("geboortejaar \(year.map(String.init) ?? "(leeg)") → \(corrected.birthYear.map(String.init) ?? "(leeg)")")
        }
        if given != corrected.givenName { changes.append("voornaam \(quoted(given)) → \(quoted(corrected.givenName))") }
        if family != corrected.familyName { changes.append("achternaam \(quoted(family)) → \(quoted(corrected.familyName))") }
        return changes
    }
}

/// Which persons a user may see: those on a signal or case the user sees in full (a person is as
/// confidential as the most open record they are on, to whom may see that record — never more).
enum PersonScopeSQL {
    /// The condition on a person table aliased `p`; nil when the user sees no signal and no case.
    static func visible(for user: User) -> (sql: String, arguments: StatementArguments)? {
        var parts: [String] = [], arguments: StatementArguments = []
        if let scope = SignalScopeSQL.condition(AccessPolicy.signalScope(for: user)) {
            parts.append("EXISTS (SELECT 1 FROM signal_person sp JOIN signal s ON s.id = sp.signal_id WHERE sp.person_id = p.id AND \(scope.sql))")
            arguments += StatementArguments(scope.ids)
        }
        if let cases = CaseScopeSQL.seenInFull(by: user) {
            parts.append("EXISTS (SELECT 1 FROM case_person cp JOIN kmt_case c ON c.id = cp.case_id WHERE cp.person_id = p.id AND \(cases.sql))")
            arguments += cases.arguments
        }
        guard !parts.isEmpty else { return nil }
        return ("(" + parts.joined(separator: " OR ") + ")", arguments)
    }
}
