import Foundation
import GRDB
import Meldroute
import SchakelCore

/// Two person codes found to be one individual, made one — and made two again. Only a procesmanager
/// (who sees the region) may; each is one transaction with its timeline lines and audit entry.
extension Store {
    public func mergePersons(_ absorbedCode: String, into survivorCode: String, reason: String,
                             by user: User) throws(StoreFailure) -> PersonMerge {
        let reason = try Self.checkedReason(reason)
        let moment = now()
        return try mergeWrite("samenvoegen \(absorbedCode) met \(survivorCode)", by: user, at: moment) { db in
            let absorbed = try PersonRows.id(ofCode: absorbedCode, in: db), survivor = try PersonRows.id(ofCode: survivorCode, in: db)
            guard absorbed != survivor else { throw PersonRefusal(.refused("Kies twee verschillende codes."), nil) }
            for (code, id) in [(absorbedCode, absorbed), (survivorCode, survivor)] {
                if let into = try Int64.fetchOne(db, sql: "SELECT merged_into FROM person WHERE id = ?", arguments: [id]) {
                    let other = try PersonRows.code(of: into, in: db) ?? "?"
                    throw PersonRefusal(.refused("\(code) is al samengevoegd met \(other)."), nil)
                }
            }
            let absorbedLinks = try PersonLink.all(of: absorbed, in: db), survivorLinks = try PersonLink.all(of: survivor, in: db)
            try db.execute(sql: "INSERT INTO person_merge (survivor_id, absorbed_id, reason, merged_by, merged_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [survivor, absorbed, reason, user.id, AmsterdamTime.utcText(of: moment)])
            let mergeID = db.lastInsertedRowID
            for link in survivorLinks { try link.record(in: mergeID, side: "kept", alreadyThere: false, db) }
            for link in absorbedLinks {
                try link.record(in: mergeID, side: "moved", alreadyThere: survivorLinks.contains(link), db)
                try link.delete(of: absorbed, db)
                try link.insert(for: survivor, db)
            }
            try db.execute(sql: "UPDATE person SET merged_into = ? WHERE id = ?", arguments: [survivor, absorbed])
            let line = "Betrokkenen samengevoegd: \(absorbedCode) is dezelfde persoon als \(survivorCode) en heet voortaan "
                + "\(survivorCode). Reden: \(reason)"
            let subjects = Set((absorbedLinks + survivorLinks).map(\.subject))
            return (PersonMerge(absorbed: absorbedCode, survivor: survivorCode, movedLinks: absorbedLinks.count), line, subjects,
                    AuditRecord(.update, "person", String(survivor), detail: "samengevoegd: \(absorbedCode) in \(survivorCode)"))
        }
    }

    public func undoMerge(of absorbedCode: String, reason: String, by user: User) throws(StoreFailure) -> PersonMerge {
        let reason = try Self.checkedReason(reason)
        let moment = now()
        return try mergeWrite("samenvoegen van \(absorbedCode) ongedaan maken", by: user, at: moment) { db in
            let absorbed = try PersonRows.id(ofCode: absorbedCode, in: db)
            guard let merge = try Row.fetchOne(db, sql: """
                SELECT id, survivor_id FROM person_merge WHERE absorbed_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1
                """, arguments: [absorbed]) else {
                throw PersonRefusal(.refused("\(absorbedCode) is niet samengevoegd."), nil)
            }
            let mergeID: Int64 = merge["id"], survivor: Int64 = merge["survivor_id"]
            let survivorCode = try PersonRows.code(of: survivor, in: db) ?? "?"
            let recorded = try Row.fetchAll(db, sql: "SELECT * FROM person_merge_link WHERE merge_id = ?", arguments: [mergeID])
            let moved = recorded.filter { $0["side"] as String == "moved" }
            let afterMerge = Set(recorded.map(PersonLink.init(recorded:)))
            guard Set(try PersonLink.all(of: survivor, in: db)) == afterMerge else {
                throw PersonRefusal(.refused("Ongedaan maken kan niet meer: na het samenvoegen is er aan \(survivorCode) iets gekoppeld of gewijzigd. "
                                             + "Corrigeer de rollen per signaal of casus."), nil)
            }
            for row in moved {
                let link = PersonLink(recorded: row)
                if !(row["already_there"] as Bool) { try link.delete(of: survivor, db) }
                try link.insert(for: absorbed, db)
            }
            try db.execute(sql: "UPDATE person SET merged_into = NULL WHERE id = ?", arguments: [absorbed])
            try db.execute(sql: "UPDATE person_merge SET undone_at = ? WHERE id = ?", arguments: [AmsterdamTime.utcText(of: moment), mergeID])
            let line = "Samenvoegen ongedaan gemaakt: \(absorbedCode) en \(survivorCode) zijn weer twee personen. Reden: \(reason)"
            return (PersonMerge(absorbed: absorbedCode, survivor: survivorCode, movedLinks: moved.count), line,
                    Set(afterMerge.map(\.subject)),
                    AuditRecord(.update, "person", String(absorbed), detail: "samenvoegen ongedaan: \(absorbedCode) uit \(survivorCode)"))
        }
    }

    /// A merge or its undoing by `user`: refused (and audited) unless a procesmanager; else `body`'s
    /// value, its line on the timeline of every subject it names, and its audit record, in one
    /// transaction. A `PersonRefusal` from `body` writes nothing.
    private func mergeWrite(_ what: String, by user: User, at moment: Date,
                            _ body: (Database) throws -> (PersonMerge, String, Set<TimelineSubject>, AuditRecord)) throws(StoreFailure) -> PersonMerge {
        guard AccessPolicy.canMergePersons(user) else {
            try audit(AuditRecord(.update, "person", result: .denied, detail: what), by: user)
            throw .noAccess
        }
        let outcome = try write { db in
            try personTransaction(by: user, at: moment, in: db) { db in
                let (merge, line, subjects, record) = try body(db)
                return (merge, line, subjects.sorted { ($0.typeName, $0.id) < ($1.typeName, $1.id) }, record)
            }
        }
        return try outcome.mapError(\.failure).get()
    }
}

/// One link of a person to a signal or case in a role.
struct PersonLink: Hashable {
    let subject: TimelineSubject
    let role: String

    init(subject: TimelineSubject, role: String) {
        self.subject = subject
        self.role = role
    }

    /// A link as `person_merge_link` recorded it.
    init(recorded row: Row) {
        let id: Int64 = row["subject_id"]
        subject = (row["subject_type"] as String) == "case" ? .kmtCase(id) : .signal(id)
        role = row["role"]
    }

    static func all(of personID: Int64, in db: Database) throws -> [PersonLink] {
        let signals = try Row.fetchAll(db, sql: "SELECT signal_id, role FROM signal_person WHERE person_id = ? ORDER BY rowid", arguments: [personID])
            .map { PersonLink(subject: .signal($0[0]), role: $0[1]) }
        let cases = try Row.fetchAll(db, sql: "SELECT case_id, role FROM case_person WHERE person_id = ? ORDER BY rowid", arguments: [personID])
            .map { PersonLink(subject: .kmtCase($0[0]), role: $0[1]) }
        return signals + cases
    }

    func record(in mergeID: Int64, side: String, alreadyThere: Bool, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO person_merge_link (merge_id, side, subject_type, subject_id, role, already_there) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [mergeID, side, subject.typeName, subject.id, role, alreadyThere])
    }

    func insert(for personID: Int64, _ db: Database) throws {
        let link = PersonRows.linkTable(subject)
        try db.execute(sql: "INSERT OR IGNORE INTO \(link.table) (\(link.column), person_id, role) VALUES (?, ?, ?)",
                       arguments: [subject.id, personID, role])
    }

    func delete(of personID: Int64, _ db: Database) throws {
        let link = PersonRows.linkTable(subject)
        try db.execute(sql: "DELETE FROM \(link.table) WHERE \(link.column) = ? AND person_id = ? AND role = ?",
                       arguments: [subject.id, personID, role])
    }
}
