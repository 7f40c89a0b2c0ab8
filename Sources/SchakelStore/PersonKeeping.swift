import Foundation
import GRDB
import Meldroute
import SchakelCore
import TextSafety

/// A person added to a signal or case after its registration: the new code.
public struct AddedPerson: Hashable, Sendable {
    public let id: Int64
    public let code: String
}

extension Store {
    /// Adds a person to a signal or KMT case the user sees in full, with the same checks as at
    /// registration: the person, the link and a timeline line ("Betrokkene toegevoegd: P-00412,
    /// slachtoffer") in one transaction, and an audit entry; refused and audited when the user may
    /// not.
    @discardableResult
    public func addPerson(_ person: NewPerson, to subject: TimelineSubject, by user: User) throws(StoreFailure) -> AddedPerson {
        let person = NewPerson(initials: person.initials.trimmingCharacters(in: .whitespaces), birthYear: person.birthYear, role: person.role,
                               givenName: person.givenName.trimmingCharacters(in: .whitespaces),
                               familyName: person.familyName.trimmingCharacters(in: .whitespaces))
        let moment = now()
        if let problem = Self.problem(person, thisYear: AmsterdamTime.localTime(of: moment).date.year) { throw .refused(problem) }
        let outcome = try write { db -> Result<AddedPerson, StoreFailure> in
            if let refusal = try refusalToWrite("person", on: subject, for: user, at: moment, in: db) { return .failure(refusal) }
            let code = try Self.nextPersonCode(db)
            try db.execute(sql: "INSERT INTO person (pseudonym, initials, birth_year, given_name, family_name) VALUES (?, ?, ?, ?, ?)",
                           arguments: [code, person.initials, person.birthYear, person.givenName, person.familyName])
            let personID = db.lastInsertedRowID
            let link = subject.typeName == "case" ? "case_person (case_id" : "signal_person (signal_id"
            try db.execute(sql: "INSERT INTO \(link), person_id, role) VALUES (?, ?, ?)", arguments: [subject.id, personID, person.role.rawValue])
            try db.execute(sql: """
                INSERT INTO timeline_event (subject_type, subject_id, kind, text, author_id, occurred_at)
                VALUES (?, ?, 'person', ?, ?, ?)
                """, arguments: [subject.typeName, subject.id, "Betrokkene toegevoegd: \(code), \(person.role.label).", user.id,
                                 AmsterdamTime.utcText(of: moment)])
            try AuditLog.append(AuditRecord(.create, "person", String(personID), detail: "\(subject.typeName) \(subject.id)"),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success(AddedPerson(id: personID, code: code))
        }
        return try outcome.get()
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
}
