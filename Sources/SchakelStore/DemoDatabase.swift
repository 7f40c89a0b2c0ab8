import Foundation
import GRDB
import SchakelCore

extension Store {
    /// The setting that marks a database as demo data.
    static let demoMarker = "demo"
    /// The AF the demo opens as unless another login is asked for.
    public static let demoLogin = DemoDataset.demoLogin

    /// Opens the demo database at `path`, creating and filling it first when it does not exist.
    /// An existing file that is not a demo database is refused, never overwritten.
    public static func openDemo(path: String, today: LocalDateTime, calendar: WorkingDayCalendar)
        throws(StoreFailure) -> (store: Store, created: Bool) {
        if FileManager.default.fileExists(atPath: path) {
            let store = try open(path: path)
            guard try store.setting(demoMarker) == "1" else { throw .notADemoDatabase(path: path) }
            return (store, false)
        }
        let store = try create(path: path)
        let dataset = DemoDataset.make(today: today, calendar: calendar)
        try store.write { db in try dataset.insert(into: db) }
        return (store, true)
    }
}

extension DemoDataset {
    /// Inserts everything in one transaction, and marks the database as a demo.
    func insert(into db: Database) throws {
        for user in users {
            try db.execute(sql: """
                INSERT INTO app_user (login, display_name, role, municipality_id) VALUES (?, ?, ?, ?)
                """, arguments: [user.login, user.displayName, user.role.rawValue, user.municipality?.id])
        }
        let insertSignal = try db.makeStatement(sql: """
            INSERT INTO signal (code, received_at, source, reporter_type, reporter_name, reporter_organisation,
                reporter_contact, municipality_id, forms, description, location, acute, minor_involved,
                workflow, state, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'gemeentelijke-meldroute', ?, ?)
            """)
        let insertPerson = try db.makeStatement(sql: """
            INSERT INTO person (pseudonym, initials, birth_year, given_name, family_name) VALUES (?, ?, ?, ?, ?)
            """)
        let link = try db.makeStatement(sql: "INSERT INTO signal_person (signal_id, person_id, role) VALUES (?, ?, ?)")
        var personNumber = 0
        for signal in signals {
            let received = AmsterdamTime.utcText(from: signal.receivedAt)
            try insertSignal.execute(arguments: [
                signal.code, received, signal.source.rawValue, signal.reporterType.rawValue, signal.reporterName,
                signal.reporterOrganisation, signal.reporterContact, signal.municipality.id, signal.forms.rawValue,
                signal.description, signal.location, signal.acute, signal.minorInvolved, signal.state, received,
            ])
            let signalID = db.lastInsertedRowID
            for person in signal.persons {
                personNumber += 1
                try insertPerson.execute(arguments: [
                    "P-\(String(format: "%05d", personNumber))", person.initials, person.birthYear,
                    person.givenName, person.familyName,
                ])
                try link.execute(arguments: [signalID, db.lastInsertedRowID, person.role.rawValue])
            }
        }
        try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, '1')", arguments: [Store.demoMarker])
    }
}
