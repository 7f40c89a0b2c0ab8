import Foundation
import GRDB
import Meldroute
import SchakelCore
import TextSafety

/// Keeping the persons of signals and cases after registration: add, link a known one, change a
/// role, correct the data, and read what the user may see about one person. Every write is checked
/// (`refusalToWrite`) and written with its timeline line and audit entry in one transaction.
extension Store: PersonKeeping {
    /// The persons of a signal or case the user sees in full, in the order they were added.
    public func persons(of subject: TimelineSubject, for user: User) throws(StoreFailure) -> [SubjectPerson] {
        let outcome = try audited(by: user) { db -> (Result<[SubjectPerson], StoreFailure>, AuditRecord) in
            let visibility = try Self.visibility(of: subject, for: user, in: db)
            guard visibility == .full else {
                return (.failure(.noAccess), AuditRecord(.read, subject.typeName, String(subject.id),
                                                         result: visibility == nil ? .notFound : .denied, detail: "betrokkenen"))
            }
            let persons = try PersonRows.linked(to: subject, in: db)
            return (.success(persons), AuditRecord(.read, subject.typeName, String(subject.id), detail: "betrokkenen, \(persons.count)"))
        }
        return try outcome.get()
    }

    /// Known persons who may be `person`, only from signals and cases the user sees in full. The
    /// audit line keeps how many were offered, not the name asked about.
    public func possibleMatches(for person: NewPerson, for user: User) throws(StoreFailure) -> [PersonMatch] {
        let family = PersonNameKey.family(person.familyName), initials = PersonNameKey.initials(person.initials)
        var alternatives: [String] = [], arguments: StatementArguments = []
        if !family.isEmpty {
            alternatives.append("p.family_key = ?")
            arguments += [family]
        }
        if !initials.isEmpty, let year = person.birthYear {
            alternatives.append("(p.initials_key = ? AND p.birth_year = ?)")
            arguments += [initials, year]
        }
        guard !alternatives.isEmpty, let visible = PersonScopeSQL.visible(for: user) else { return [] }
        return try audited(by: user) { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.id, p.pseudonym, p.initials, p.birth_year FROM person p
                WHERE p.merged_into IS NULL AND (\(alternatives.joined(separator: " OR "))) AND \(visible.sql)
                ORDER BY p.id DESC LIMIT 10
                """, arguments: arguments + visible.arguments)
            let matches = try rows.map { row in
                let id: Int64 = row["id"]
                return PersonMatch(id: id, code: row["pseudonym"], initials: row["initials"], birthYear: row["birth_year"],
                                   appearsIn: try PersonRows.appearances(of: id, for: user, in: db).map(\.code))
            }
            return (matches, AuditRecord(.search, "person", detail: "mogelijk bekend, \(matches.count) resultaten"))
        }
    }

    /// Adds a new person to a signal or KMT case the user sees in full, with the same checks as at
    /// registration: the person, the link and a timeline line ("Betrokkene toegevoegd: P-00412,
    /// slachtoffer") in one transaction, and an audit entry; refused and audited when the user may
    /// not. A person with a `knownID` is linked instead (`linkPerson`).
    @discardableResult
    public func addPerson(_ person: NewPerson, to subject: TimelineSubject, by user: User) throws(StoreFailure) -> AddedPerson {
        if let known = person.knownID { return try linkPerson(known, role: person.role, to: subject, by: user) }
        let person = PersonRows.trimmed(person)
        let moment = now()
        if let problem = Self.problem(person, thisYear: AmsterdamTime.localTime(of: moment).date.year) { throw .refused(problem) }
        return try writeOnTimeline("person", of: subject, by: user, at: moment) { db in
            let added = try PersonRows.insert(person, in: db)
            try PersonRows.link(added.id, role: person.role, to: subject, in: db)
            return (added, "Betrokkene toegevoegd: \(added.code), \(person.role.label).",
                    AuditRecord(.create, "person", String(added.id), detail: "\(subject.typeName) \(subject.id)"))
        }
    }

    /// Links a known person to a signal or case in `role`: only a person the user already sees
    /// through another signal or case (else refused as if it did not exist, and audited).
    @discardableResult
    public func linkPerson(_ personID: Int64, role: PersonRole, to subject: TimelineSubject,
                           by user: User) throws(StoreFailure) -> AddedPerson {
        try writeOnTimeline("person", of: subject, by: user, at: now()) { db in
            guard let code = try PersonRows.visibleCode(of: personID, for: user, in: db) else {
                throw PersonRefusal(.noAccess, AuditRecord(.update, "person", String(personID), result: .denied,
                                                           detail: "koppelen aan \(subject.typeName) \(subject.id)"))
            }
            if try PersonRows.isLinked(personID, role: role, to: subject, in: db) {
                throw PersonRefusal(.refused("\(code) staat hier al als \(role.label)."), nil)
            }
            try PersonRows.link(personID, role: role, to: subject, in: db)
            return (AddedPerson(id: personID, code: code), "Betrokkene toegevoegd: \(code) (al bekend), \(role.label).",
                    AuditRecord(.update, "person", String(personID), detail: "gekoppeld aan \(subject.typeName) \(subject.id)"))
        }
    }

    /// The person's role in this signal or case, from `old` to `new`, with the reason on its timeline.
    public func changeRole(of personID: Int64, on subject: TimelineSubject, from old: PersonRole, to new: PersonRole,
                           reason: String, by user: User) throws(StoreFailure) {
        let reason = try Self.checkedReason(reason)
        guard old != new else { throw .refused("Rol: kies een andere rol dan \(old.label).") }
        try writeOnTimeline("person", of: subject, by: user, at: now()) { db in
            guard try PersonRows.isLinked(personID, role: old, to: subject, in: db), let code = try PersonRows.code(of: personID, in: db) else {
                throw PersonRefusal(.refused("Deze betrokkene staat hier niet (meer) als \(old.label)."), nil)
            }
            if try PersonRows.isLinked(personID, role: new, to: subject, in: db) {
                throw PersonRefusal(.refused("\(code) staat hier al als \(new.label)."), nil)
            }
            let link = PersonRows.linkTable(subject)
            try db.execute(sql: "UPDATE \(link.table) SET role = ? WHERE \(link.column) = ? AND person_id = ? AND role = ?",
                           arguments: [new.rawValue, subject.id, personID, old.rawValue])
            return ((), "Rol van \(code): \(old.label) → \(new.label). Reden: \(reason)",
                    AuditRecord(.update, "person", String(personID), detail: "rol op \(subject.typeName) \(subject.id)"))
        }
    }

    /// Corrects the person's data, seen from a signal or case the user sees in full where the person
    /// appears. The line saying what changed, from what to what and why goes on the timeline of every
    /// signal and case the person appears in: the data changed there as well.
    public func correctPerson(_ personID: Int64, on subject: TimelineSubject, to correction: PersonCorrection, reason: String,
                              by user: User) throws(StoreFailure) {
        let reason = try Self.checkedReason(reason)
        let corrected = PersonRows.trimmed(NewPerson(initials: correction.initials, birthYear: correction.birthYear, role: .environment,
                                                     givenName: correction.givenName, familyName: correction.familyName))
        let moment = now()
        if let problem = Self.problem(corrected, thisYear: AmsterdamTime.localTime(of: moment).date.year) { throw .refused(problem) }
        try writeOnTimeline("person", of: subject, by: user, at: moment) { db in
            guard try PersonRows.isLinked(personID, to: subject, in: db),
                  let current = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [personID]) else {
                throw PersonRefusal(.refused("Deze betrokkene staat niet (meer) bij dit signaal of deze casus."), nil)
            }
            let changes = PersonRows.changes(from: current, to: corrected)
            guard !changes.isEmpty else { throw PersonRefusal(.refused("Er is niets gewijzigd."), nil) }
            try db.execute(sql: """
                UPDATE person SET initials = ?, birth_year = ?, given_name = ?, family_name = ?, initials_key = ?, family_key = ?
                WHERE id = ?
                """, arguments: [corrected.initials, corrected.birthYear, corrected.givenName, corrected.familyName,
                                 PersonNameKey.initials(corrected.initials), PersonNameKey.family(corrected.familyName), personID])
            let code: String = current["pseudonym"]
            let line = "Betrokkene \(code) gecorrigeerd: \(changes.joined(separator: "; ")). Reden: \(reason)"
            for other in try PersonRows.subjects(of: personID, in: db) where other != subject {
                try PersonRows.appendLine(line, kind: "person", on: other, by: user, at: moment, in: db)
            }
            return ((), line, AuditRecord(.update, "person", String(personID), detail: "gecorrigeerd via \(subject.typeName) \(subject.id)"))
        }
    }

    /// The person as the user may see them (a merged code leads to the code it was merged into), or
    /// nil when the person appears in no signal or case the user sees in full, or does not exist.
    public func personRecord(id: Int64, for user: User) throws(StoreFailure) -> PersonRecord? {
        try audited(by: user) { db -> (PersonRecord?, AuditRecord) in
            let id = try PersonRows.survivor(of: id, in: db)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [id]) else {
                return (nil, AuditRecord(.read, "person", String(id), result: .notFound))
            }
            let appearances = try PersonRows.appearances(of: id, for: user, in: db)
            guard !appearances.isEmpty else { return (nil, AuditRecord(.read, "person", String(id), result: .denied, detail: "buiten need-to-know")) }
            let merged = try String.fetchAll(db, sql: """
                SELECT p.pseudonym FROM person_merge m JOIN person p ON p.id = m.absorbed_id
                WHERE m.survivor_id = ? AND m.undone_at IS NULL ORDER BY m.id DESC
                """, arguments: [id])
            let record = PersonRecord(id: id, code: row["pseudonym"], initials: row["initials"], birthYear: row["birth_year"],
                                      givenName: row["given_name"], familyName: row["family_name"], appearances: appearances,
                                      mergedCodes: merged)
            return (record, AuditRecord(.read, "person", String(id), detail: "\(Set(appearances.map(\.subject)).count) signalen en casussen"))
        }
    }

    /// The next person code, P-00001 onwards: one series for every person, whatever brought them in.
    static func nextPersonCode(_ db: Database) throws -> String {
        let last = try Int.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM person") ?? 0
        return "P-" + Numbering.padded(last + 1, width: 5)
    }

    /// What is wrong with a person as the registration form checks it, in Dutch; nil when nothing.
    static func problem(_ person: NewPerson, thisYear: Int) -> String? {
        if person.initials.isEmpty { return "Initialen: vul de initialen in." }
        if person.initials.count > NewSignal.Limit.initials {
            return "Initialen: te lang (\(person.initials.count) tekens, hooguit \(NewSignal.Limit.initials))."
        }
        if let year = person.birthYear, !(1900...thisYear).contains(year) { return "Geboortejaar: een jaar tussen 1900 en \(thisYear)." }
        for (label, text) in [("Voornaam", person.givenName), ("Achternaam", person.familyName)] where text.count > NewSignal.Limit.short {
            return "\(label): te lang (\(text.count) tekens, hooguit \(NewSignal.Limit.short))."
        }
        return FieldCharacters.firstProblem([("Initialen", person.initials, false), ("Voornaam", person.givenName, false),
                                             ("Achternaam", person.familyName, false)])
    }

    /// The reason for a change, trimmed; refused when empty, too long or holding what a field may not.
    static func checkedReason(_ reason: String) throws(StoreFailure) -> String {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .refused("Reden: vul in waarom dit verandert.") }
        guard reason.count <= NewSignal.Limit.location else {
            throw .refused("Reden: te lang (\(reason.count) tekens, hooguit \(NewSignal.Limit.location)).")
        }
        if let wrong = FieldCharacters.firstProblem([("Reden", reason, true)]) { throw .refused(wrong) }
        return reason
    }

    /// One write on a subject's timeline by `user`: refused and audited unless the user sees the
    /// subject in full; else `body`'s line on it, its audit record and its value, in one transaction
    /// (`personTransaction`).
    func writeOnTimeline<T>(_ objectType: String, of subject: TimelineSubject, by user: User, at moment: Date,
                            _ body: (Database) throws -> (T, String, AuditRecord)) throws(StoreFailure) -> T {
        let outcome = try write { db -> Result<T, PersonRefusal> in
            if let refusal = try refusalToWrite(objectType, on: subject, for: user, at: moment, in: db) {
                return .failure(PersonRefusal(refusal, nil))
            }
            return try personTransaction(by: user, at: moment, in: db) { db in
                let (value, line, record) = try body(db)
                return (value, line, [subject], record)
            }
        }
        return try outcome.mapError(\.failure).get()
    }

    /// `body` in a savepoint of the write transaction under way: its line on the timeline of each of
    /// its subjects and its audit record go with it. A `PersonRefusal` it throws rolls it back and
    /// writes only the refusal's audit record (none for a refusal of the input).
    func personTransaction<T>(by user: User, at moment: Date, in db: Database,
                              _ body: (Database) throws -> (T, String, [TimelineSubject], AuditRecord)) throws -> Result<T, PersonRefusal> {
        var result: Result<T, PersonRefusal>?
        try db.inSavepoint {
            do {
                let (value, line, subjects, record) = try body(db)
                for subject in subjects { try PersonRows.appendLine(line, kind: "person", on: subject, by: user, at: moment, in: db) }
                try AuditLog.append(record, actor: user.login, origin: origin, at: moment, in: db)
                result = .success(value)
                return .commit
            } catch let refusal as PersonRefusal {
                result = .failure(refusal)
                return .rollback
            }
        }
        if case .failure(let refusal)? = result, let record = refusal.audit {
            try AuditLog.append(record, actor: user.login, origin: origin, at: moment, in: db)
        }
        return result ?? .failure(PersonRefusal(.other("niets geschreven"), nil))
    }
}

/// A write refused after it began: what to tell the user, and what to audit (nil for a refusal of
/// the input rather than of access).
struct PersonRefusal: Error {
    let failure: StoreFailure
    let audit: AuditRecord?

    init(_ failure: StoreFailure, _ audit: AuditRecord?) {
        self.failure = failure
        self.audit = audit
    }
}
