import Foundation
import GRDB
import Meldroute
import SchakelCore
import TextSafety

extension Store: SignalWriting {
    /// The workflow every new signal starts in, and its first state.
    static let signalWorkflow = (name: "gemeentelijke-meldroute", initialState: "gemeld")

    /// Stores a new signal from the intake service, with its persons, its "received" timeline line and
    /// its audit entry, in one transaction.
    public func registerSignalFromIntake(_ signal: NewSignal, service: String) throws(StoreFailure) -> RegisteredSignal {
        try register(signal, actor: "intake:\(service)", userID: nil, how: "via het intranetformulier", knownPersonsSeenBy: nil)
    }

    /// Stores a new signal registered by a user, who must be allowed to see it afterwards.
    public func registerSignal(_ signal: NewSignal, by user: User) throws(StoreFailure) -> RegisteredSignal {
        try checkRegistration(signal, by: user)
        return try register(signal, actor: user.login, userID: user.id, how: "door \(user.displayName)", knownPersonsSeenBy: user)
    }

    private func register(_ signal: NewSignal, actor: String, userID: Int64?, how: String,
                          knownPersonsSeenBy: User?) throws(StoreFailure) -> RegisteredSignal {
        let moment = now()
        return try audited(byLogin: actor) { db in
            let registered = try Self.insertSignal(signal, userID: userID, how: how, knownPersonsSeenBy: knownPersonsSeenBy, at: moment, in: db)
            return (registered, AuditRecord(.create, "signal", String(registered.id), detail: registered.code))
        }
    }

    /// A user's registration, checked (characters, scope, known persons) before anything is
    /// written; a refusal is logged.
    func checkRegistration(_ signal: NewSignal, by user: User) throws(StoreFailure) {
        if let wrong = FieldCharacters.firstProblem(signal.textFields) { throw .refused(wrong) }
        guard AccessPolicy.signalScope(for: user).includes(municipalityID: signal.municipality.id) else {
            try audit(AuditRecord(.create, "signal", result: .denied, detail: signal.municipality.name), by: user)
            throw .noAccess
        }
        // A known person the user does not see is refused before anything is written.
        for known in signal.persons.compactMap(\.knownID) where try read({ db in try PersonRows.visibleCode(of: known, for: user, in: db) }) == nil {
            try audit(AuditRecord(.update, "person", String(known), result: .denied, detail: "koppelen bij registratie"), by: user)
            throw .noAccess
        }
    }

    /// Inserts the signal, its persons and its "received" line in the caller's transaction
    /// (`origin`, when it came from a consult, is named on that line).
    static func insertSignal(_ signal: NewSignal, userID: Int64?, how: String, knownPersonsSeenBy: User?, origin: String = "",
                             at moment: Date, in db: Database) throws -> RegisteredSignal {
        let received = signal.receivedAt ?? AmsterdamTime.localTime(of: moment)
        var codes = CodeSeries(letter: CodeSeries.signals, continuingIn: "signal", db)
        let code = try codes.next(in: received.date.year)
        let receivedUTC = AmsterdamTime.utcText(from: received)
        let createdUTC = AmsterdamTime.utcText(of: moment)
        try db.execute(sql: """
            INSERT INTO signal (code, received_at, source, reporter_type, reporter_name, reporter_organisation,
                reporter_contact, municipality_id, forms, description, location, acute, minor_involved,
                workflow, state, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                code, receivedUTC, signal.source.rawValue, signal.reporterType.rawValue, signal.reporterName,
                signal.reporterOrganisation, signal.reporterContact, signal.municipality.id, signal.forms.rawValue,
                signal.description, signal.location, signal.acute, signal.minorInvolved,
                Self.signalWorkflow.name, Self.signalWorkflow.initialState, createdUTC, userID,
            ])
        let id = db.lastInsertedRowID
        for person in signal.persons {
            // A known person is linked (no new code) only when the registering user sees them.
            let personID: Int64
            if let known = person.knownID {
                guard let user = knownPersonsSeenBy, try PersonRows.visibleCode(of: known, for: user, in: db) != nil else {
                    throw StoreFailure.noAccess
                }
                personID = known
            } else {
                personID = try PersonRows.insert(PersonRows.trimmed(person), in: db).id
            }
            try PersonRows.link(personID, role: person.role, to: .signal(id), in: db)
        }
        try db.execute(sql: """
            INSERT INTO timeline_event (subject_type, subject_id, kind, to_state, text, author_id, occurred_at)
            VALUES ('signal', ?, 'received', ?, ?, ?, ?)
            """, arguments: [id, Self.signalWorkflow.initialState, "Signaal ontvangen (\(signal.source.label)), geregistreerd \(how)\(origin).",
                             userID, receivedUTC])
        return RegisteredSignal(id: id, code: code)
    }
}
