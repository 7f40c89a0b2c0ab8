import Foundation
import GRDB

/// Inserts generated signals and their persons with statements prepared once, for the demo and
/// the bulk generator. Runs inside the caller's transaction.
struct SignalInserter {
    private let db: Database
    private let insertSignal: Statement
    private let insertPerson: Statement
    private let link: Statement
    private let received: Statement
    private var personNumber: Int

    init(db: Database) throws {
        self.db = db
        insertSignal = try db.makeStatement(sql: """
            INSERT INTO signal (code, received_at, source, reporter_type, reporter_name, reporter_organisation,
                reporter_contact, municipality_id, forms, description, location, acute, minor_involved,
                workflow, state, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'gemeentelijke-meldroute', ?, ?)
            """)
        insertPerson = try db.makeStatement(sql: """
            INSERT INTO person (pseudonym, initials, birth_year, given_name, family_name) VALUES (?, ?, ?, ?, ?)
            """)
        link = try db.makeStatement(sql: "INSERT INTO signal_person (signal_id, person_id, role) VALUES (?, ?, ?)")
        received = try db.makeStatement(sql: """
            INSERT INTO timeline_event (subject_type, subject_id, kind, to_state, text, occurred_at)
            VALUES ('signal', ?, 'received', ?, 'Signaal ontvangen.', ?)
            """)
        personNumber = try Int.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM person") ?? 0
    }

    mutating func insert(_ signal: DemoDataset.Signal) throws {
        let received = AmsterdamTime.utcText(from: signal.receivedAt)
        try insertSignal.execute(arguments: [
            signal.code, received, signal.source.rawValue, signal.reporterType.rawValue, signal.reporterName,
            signal.reporterOrganisation, signal.reporterContact, signal.municipality.id, signal.forms.rawValue,
            signal.description, signal.location, signal.acute, signal.minorInvolved, signal.state, received,
        ])
        let signalID = db.lastInsertedRowID
        try self.received.execute(arguments: [signalID, signal.state, received])
        for person in signal.persons {
            personNumber += 1
            try insertPerson.execute(arguments: [
                "P-" + Numbering.padded(personNumber, width: 5), person.initials, person.birthYear,
                person.givenName, person.familyName,
            ])
            try link.execute(arguments: [signalID, db.lastInsertedRowID, person.role.rawValue])
        }
    }
}
