import Foundation
import GRDB
import Meldroute
import SchakelCore

/// Advies en consult: listed, opened, registered and moved along their workflow under
/// need-to-know (`AccessPolicy.consultScope`), as signals are: every read asked for, every change
/// and every refusal is in the audit log, and a refresh writes nothing.
extension Store: ConsultKeeping {
    /// How many years back the closed consults reach (this one and three before, as activities).
    static let consultYears = 3

    public func consults(today: CivilDate, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> ConsultList {
        guard let visible = AccessPolicy.consultCondition(for: user) else {
            try auditRefusal(AuditRecord(.list, "consult", result: .denied), occasion, by: user)
            return ConsultList(open: [], closed: [])
        }
        let from = AmsterdamTime.utcText(from: LocalDateTime(date: CivilDate(year: today.year - Self.consultYears, month: 1, day: 1)!,
                                                             hour: 0, minute: 0))
        return try readAudited(occasion, by: user) { db in
            let columns = "k.id, k.code, k.asked_at, k.asker_kind, k.municipality_id, k.forms, k.state, k.outcome"
            let open = try Row.fetchAll(db, sql: """
                SELECT \(columns) FROM consult k WHERE k.state IN (?, ?) AND \(visible.sql) ORDER BY k.asked_at, k.id
                """, arguments: StatementArguments([ConsultStates.asked, ConsultStates.answered]) + StatementArguments(visible.arguments))
            let closed = try Row.fetchAll(db, sql: """
                SELECT \(columns) FROM consult k WHERE k.state NOT IN (?, ?) AND k.asked_at >= ? AND \(visible.sql)
                ORDER BY k.asked_at DESC, k.id DESC
                """, arguments: StatementArguments([ConsultStates.asked, ConsultStates.answered, from]) + StatementArguments(visible.arguments))
            let list = ConsultList(open: open.compactMap(Self.consultSummary), closed: closed.compactMap(Self.consultSummary))
            return (list, AuditRecord(.list, "consult", detail: "\(list.all.count) consulten"))
        }
    }

    public func consult(id: Int64, for user: User) throws(StoreFailure) -> Consult {
        let found = try audited(by: user) { db -> (Consult?, AuditRecord) in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM consult WHERE id = ?", arguments: [id]) else {
                return (nil, AuditRecord(.read, "consult", String(id), result: .notFound))
            }
            guard AccessPolicy.consultScope(for: user).includes(municipalityID: row["municipality_id"]) else {
                return (nil, AuditRecord(.read, "consult", String(id), result: .denied))
            }
            return (try Self.consult(from: row, in: db), AuditRecord(.read, "consult", String(id), detail: row["code"]))
        }
        guard let found else { throw .noAccess }
        return found
    }

    public func registerConsult(_ consult: NewConsult, engine: WorkflowEngine, by user: User) throws(StoreFailure) -> (id: Int64, code: String) {
        let moment = now()
        if let problem = consult.problem(now: AmsterdamTime.localTime(of: moment)) { throw .refused("Het consult is niet opgeslagen: \(problem)") }
        guard AccessPolicy.consultScope(for: user).includes(municipalityID: consult.municipality.id) else {
            try audit(AuditRecord(.create, "consult", result: .denied, detail: consult.municipality.name), by: user)
            throw .noAccess
        }
        let outcome = try write { db -> Result<(id: Int64, code: String), StoreFailure> in
            let registered = try Self.insertConsult(consult, engine: engine, authorID: user.id, who: user.displayName, at: moment, in: db)
            guard case .success(let saved) = registered else { return registered }
            try AuditLog.append(AuditRecord(.create, "consult", String(saved.id), detail: saved.code),
                                actor: user.login, origin: origin, at: moment, in: db)
            return registered
        }
        return try outcome.get()
    }

    public func recordConsultEvent(_ eventID: String, fields: FieldValues, onConsult id: Int64, expectedVersion: Int,
                                   engine: WorkflowEngine, by user: User) throws(StoreFailure) {
        guard eventID != ConsultStates.convert else {
            throw .refused("Een consult wordt een signaal door het signaal te registreren (o in het consult).")
        }
        let moment = now()
        let outcome = try write { db -> Result<Void, StoreFailure> in
            let loaded = try Self.consultToChange(id, expectedVersion: expectedVersion, event: eventID, by: user, at: moment, origin: origin, in: db)
            guard case .success(let row) = loaded else { return loaded.map { _ in () } }
            let fired = Self.fire(eventID, fields: fields, on: row, engine: engine, at: moment)
            guard case .success(let transition) = fired else { return fired.map { _ in () } }
            try Self.apply(transition, to: row, authorID: user.id, at: moment, in: db)
            try AuditLog.append(AuditRecord(.transition, "consult", String(id), detail: "\(eventID): \(transition.from) → \(transition.to)"),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success(())
        }
        try outcome.get()
    }

    public func registerSignal(_ signal: NewSignal, from consultOrigin: ConsultOrigin, engine: WorkflowEngine,
                               by user: User) throws(StoreFailure) -> RegisteredSignal {
        try checkRegistration(signal, by: user)
        let moment = now()
        let outcome = try write { db -> Result<RegisteredSignal, StoreFailure> in
            let loaded = try Self.consultToChange(consultOrigin.consultID, expectedVersion: consultOrigin.version, event: ConsultStates.convert,
                                                  by: user, at: moment, origin: origin, in: db)
            guard case .success(let row) = loaded else { return loaded.map { _ in RegisteredSignal(id: 0, code: "") } }
            let fired = Self.fire(ConsultStates.convert, fields: [:], on: row, engine: engine, at: moment)
            guard case .success(let transition) = fired else { return fired.map { _ in RegisteredSignal(id: 0, code: "") } }
            let code: String = row["code"]
            let registered = try Self.insertSignal(signal, userID: user.id, how: "door \(user.displayName)", knownPersonsSeenBy: user,
                                                   origin: ", uit consult \(code)", at: moment, in: db)
            try Self.apply(transition, to: row, authorID: user.id, at: moment, signal: registered, in: db)
            try AuditLog.append(AuditRecord(.create, "signal", String(registered.id), detail: "\(registered.code) uit consult \(code)"),
                                actor: user.login, origin: origin, at: moment, in: db)
            try AuditLog.append(AuditRecord(.transition, "consult", String(consultOrigin.consultID),
                                            detail: "\(ConsultStates.convert): \(transition.from) → \(transition.to), \(registered.code)"),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success(registered)
        }
        return try outcome.get()
    }
}

extension Store {
    /// Inserts a consult with its first history line, and fires its advice when given; the demo's way in too.
    static func insertConsult(_ consult: NewConsult, engine: WorkflowEngine, authorID: Int64?, who: String, at moment: Date,
                              in db: Database) throws -> Result<(id: Int64, code: String), StoreFailure> {
        var codes = CodeSeries(letter: CodeSeries.consults, continuingIn: "consult", db)
        let code = try codes.next(in: consult.askedAt.date.year)
        let utc = AmsterdamTime.utcText(of: moment)
        try db.execute(sql: """
            INSERT INTO consult (code, asked_at, asker_kind, asker_organisation, asker_name, municipality_id, forms, question,
                                 workflow, state, created_by, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [code, AmsterdamTime.utcText(from: consult.askedAt), consult.askerKind.rawValue,
                             consult.askerOrganisation.trimmingCharacters(in: .whitespaces), consult.askerName.trimmingCharacters(in: .whitespaces),
                             consult.municipality.id, consult.forms.rawValue, consult.question.trimmingCharacters(in: .whitespacesAndNewlines),
                             engine.workflow.name, engine.workflow.initialState, authorID, utc, utc])
        let id = db.lastInsertedRowID
        try step(on: id, event: nil, from: nil, to: engine.workflow.initialState,
                 "Vraag van \(consult.askerKind.label) geregistreerd door \(who).", authorID: authorID, at: utc, in: db)
        let advice = consult.advice.trimmingCharacters(in: .whitespacesAndNewlines)
        if !advice.isEmpty {
            let row = try Row.fetchOne(db, sql: "SELECT * FROM consult WHERE id = ?", arguments: [id])!
            switch fire(ConsultStates.adviceGiven, fields: ["advies": .text(advice)], on: row, engine: engine, at: moment) {
            case .success(let transition): try apply(transition, to: row, authorID: authorID, at: moment, in: db)
            case .failure(let failure): return .failure(failure)
            }
        }
        return .success((id, code))
    }

    /// The consult, when the user may change it and it is as they loaded it; a refusal is logged
    /// in the transaction (and nothing else is written).
    static func consultToChange(_ id: Int64, expectedVersion: Int, event: String, by user: User, at moment: Date, origin: SessionOrigin,
                                in db: Database) throws -> Result<Row, StoreFailure> {
        let row = try Row.fetchOne(db, sql: "SELECT * FROM consult WHERE id = ?", arguments: [id])
        guard let row, AccessPolicy.consultScope(for: user).includes(municipalityID: row["municipality_id"]) else {
            try AuditLog.append(AuditRecord(.transition, "consult", String(id), result: row == nil ? .notFound : .denied, detail: event),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .failure(.noAccess)
        }
        guard row["version"] == expectedVersion else {
            let last = try Row.fetchOne(db, sql: """
                SELECT t.text, coalesce(u.display_name, 'een collega') AS author FROM consult_step t
                LEFT JOIN app_user u ON u.id = t.author_id WHERE t.consult_id = ? ORDER BY t.id DESC LIMIT 1
                """, arguments: [id])
            return .failure(.conflict(ConcurrentChange(by: last?["author"] ?? "een collega", at: AmsterdamTime.localTime(of: moment),
                                                       what: last?["text"] ?? "dit consult is gewijzigd.")))
        }
        return .success(row)
    }

    static func fire(_ eventID: String, fields: FieldValues, on row: Row, engine: WorkflowEngine, at moment: Date) -> Result<FiredTransition, StoreFailure> {
        guard (row["workflow"] as String) == engine.workflow.name else {
            return .failure(.other("\(row["code"] as String) volgt workflow '\(row["workflow"] as String)'"))
        }
        let recorded = (try? StateDataCoding.decode(row["state_data"])) ?? [:]
        let asked = AmsterdamTime.localTime(fromUTC: row["asked_at"]) ?? AmsterdamTime.localTime(of: moment)
        let instance = WorkflowInstance(state: row["state"], facts: CaseFacts(), receivedAt: asked, recorded: recorded)
        switch engine.fire(eventID, fields: fields, on: instance, now: AmsterdamTime.localTime(of: moment)) {
        case .success(let transition): return .success(transition)
        case .failure(let rejection): return .failure(.rejected(rejection))
        }
    }

    /// The consult after a transition: its state, what the event recorded (the advice, the outcome and
    /// where it was referred, the signal it became), its retention day, and the history line.
    static func apply(_ fired: FiredTransition, to row: Row, authorID: Int64?, at moment: Date, signal: RegisteredSignal? = nil,
                      in db: Database) throws {
        let id: Int64 = row["id"]
        var assignments = ["state = ?", "state_data = ?", "version = version + 1", "updated_at = ?"]
        var arguments: [(any DatabaseValueConvertible)?] = [fired.to, try StateDataCoding.encode(fired.instance.recorded), AmsterdamTime.utcText(of: moment)]
        func set(_ column: String, _ value: (any DatabaseValueConvertible)?) {
            assignments.append("\(column) = ?")
            arguments.append(value)
        }
        if case .text(let advice)? = fired.fields["advies"] { set("advice", advice) }
        switch fired.event.id {
        case ConsultStates.close:
            let outcome = fired.fields.text("uitkomst")
            let organisation = outcome == ConsultOutcome.referred.rawValue ? fired.fields.text("organisatie").trimmingCharacters(in: .whitespaces) : ""
            set("outcome", outcome)
            set("referred_to", organisation)
            set("partner_id", fired.effects.contains("verwijzing_vastleggen") && !organisation.isEmpty
                ? try TransitionEffects.partnerID(named: organisation, in: db) : nil)
        case ConsultStates.reopen:
            set("outcome", nil)
        case ConsultStates.convert:
            set("outcome", ConsultOutcome.signal.rawValue)
            set("signal_id", signal?.id)
        default:
            break
        }
        if fired.effects.contains("bewaartermijn_starten") { set("closed_on", AmsterdamTime.localTime(of: moment).date.iso) }
        if fired.effects.contains("bewaartermijn_stoppen") { set("closed_on", nil) }
        try db.execute(sql: "UPDATE consult SET \(assignments.joined(separator: ", ")) WHERE id = ?",
                       arguments: StatementArguments(arguments + [id]))
        let text = signal.map { "Omgezet in signaal \($0.code)." } ?? fired.timelineText
        try step(on: id, event: fired.event.id, from: fired.from, to: fired.to, text, authorID: authorID,
                 at: AmsterdamTime.utcText(of: moment), in: db)
    }

    static func step(on id: Int64, event: String?, from: String?, to: String?, _ text: String, authorID: Int64?, at utc: String,
                     in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO consult_step (consult_id, workflow_event, from_state, to_state, text, author_id, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, event, from, to, text, authorID, utc])
    }

    static func consultSummary(_ row: Row) -> ConsultSummary? {
        let municipalityID: Int64 = row["municipality_id"]
        guard let asked = AmsterdamTime.localTime(fromUTC: row["asked_at"]), let kind = AskerKind(rawValue: row["asker_kind"]),
              let municipality = Municipality.twente.first(where: { $0.id == municipalityID }) else { return nil }
        return ConsultSummary(id: row["id"], code: row["code"], askedAt: asked, askerKind: kind, municipality: municipality,
                              forms: ExploitationForms(rawValue: row["forms"]), state: row["state"],
                              outcome: (row["outcome"] as String?).flatMap(ConsultOutcome.init(rawValue:)))
    }

    static func consult(from row: Row, in db: Database) throws -> Consult? {
        guard let summary = consultSummary(row) else { return nil }
        let steps = try Row.fetchAll(db, sql: """
            SELECT t.text, t.occurred_at, coalesce(u.display_name, '') AS author FROM consult_step t
            LEFT JOIN app_user u ON u.id = t.author_id WHERE t.consult_id = ? ORDER BY t.id
            """, arguments: [summary.id]).compactMap { step -> ConsultStep? in
            AmsterdamTime.localTime(fromUTC: step["occurred_at"]).map { ConsultStep(at: $0, author: step["author"], text: step["text"]) }
        }
        let signalCode = try String.fetchOne(db, sql: "SELECT code FROM signal WHERE id = ?", arguments: [row["signal_id"] as Int64?])
        let recorded = (try? StateDataCoding.decode(row["state_data"])) ?? [:]
        let instance = WorkflowInstance(state: summary.state, facts: CaseFacts(), receivedAt: summary.askedAt, recorded: recorded)
        return Consult(summary: summary, askerOrganisation: row["asker_organisation"], askerName: row["asker_name"], question: row["question"],
                       advice: row["advice"], referredTo: row["referred_to"], signalCode: signalCode, steps: steps, instance: instance,
                       version: row["version"])
    }
}
