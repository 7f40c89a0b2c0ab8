import Foundation
import GRDB
import Meldroute
import SchakelCore

extension Store: SignalRouting {
    /// The signal's place in its route, for the action menu.
    public func signalRouteState(id: Int64, for user: User) throws(StoreFailure) -> SignalRouteState {
        let loaded = try audited(by: user) { db -> (Row?, AuditRecord) in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM signal WHERE id = ?", arguments: [id]) else {
                return (nil, AuditRecord(.read, "signal", String(id), result: .notFound, detail: "route"))
            }
            guard try Self.signalInScope(id, for: user, in: db) else {
                return (nil, AuditRecord(.read, "signal", String(id), result: .denied, detail: "route"))
            }
            return (row, AuditRecord(.read, "signal", String(id), detail: "route"))
        }
        guard let row = loaded else { throw .noAccess }
        do {
            return try Self.routeState(from: row)
        } catch {
            throw StoreErrors.translate(error, path: path)
        }
    }

    /// Records a route event on a signal in one transaction: the new state and data, the timeline
    /// line and the audit entry. Refused — with nothing written but, for a denial, the audit entry —
    /// when the user may not see the signal, when someone else changed it since `expectedVersion`,
    /// or when the workflow rejects the event.
    @discardableResult
    public func recordRouteEvent(_ eventID: String, fields: FieldValues, onSignal id: Int64, expectedVersion: Int,
                                 workflows: Workflows, by user: User) throws(StoreFailure) -> RecordedRouteEvent {
        try recordWorkflowEvent(eventID, fields: fields, on: .signal(id), expectedVersion: expectedVersion,
                                engine: workflows.signalRoute, caseProcess: workflows.caseProcess, by: user)
    }

    /// The same for a KMT case, which only those who see it in full may move.
    @discardableResult
    public func recordCaseEvent(_ eventID: String, fields: FieldValues, onCase id: Int64, expectedVersion: Int,
                                engine: WorkflowEngine, by user: User) throws(StoreFailure) -> RecordedRouteEvent {
        try recordWorkflowEvent(eventID, fields: fields, on: .kmtCase(id), expectedVersion: expectedVersion, engine: engine,
                                caseProcess: engine, by: user)
    }

    /// The case's place in the KMT process, for its action menu.
    public func caseRouteState(id: Int64, for user: User) throws(StoreFailure) -> SignalRouteState {
        let loaded = try audited(by: user) { db -> (Row?, AuditRecord) in
            let visibility = try Self.visibility(of: .kmtCase(id), for: user, in: db)
            guard visibility == .full, let row = try Row.fetchOne(db, sql: "SELECT * FROM kmt_case WHERE id = ?", arguments: [id]) else {
                return (nil, AuditRecord(.read, "case", String(id), result: visibility == nil ? .notFound : .denied, detail: "route"))
            }
            return (row, AuditRecord(.read, "case", String(id), detail: "route"))
        }
        guard let row = loaded else { throw .noAccess }
        do {
            return try Self.routeState(from: row)
        } catch {
            throw StoreErrors.translate(error, path: path)
        }
    }

    private func recordWorkflowEvent(_ eventID: String, fields: FieldValues, on subject: TimelineSubject, expectedVersion: Int,
                                     engine: WorkflowEngine, caseProcess: WorkflowEngine,
                                     by user: User) throws(StoreFailure) -> RecordedRouteEvent {
        let moment = now()
        let table = subject.tableName
        let outcome = try write { db -> Result<RecordedRouteEvent, StoreFailure> in
            let visibility = try Self.visibility(of: subject, for: user, in: db)
            guard visibility == .full, let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [subject.id]) else {
                try AuditLog.append(AuditRecord(.transition, subject.typeName, String(subject.id),
                                                result: visibility == nil ? .notFound : .denied, detail: eventID),
                                    actor: user.login, origin: origin, at: moment, in: db)
                return .failure(.noAccess)
            }
            let current = try Self.routeState(from: row)
            guard current.version == expectedVersion else {
                return .failure(.conflict(try Self.latestChange(to: subject, in: db)))
            }
            guard (row["workflow"] as String) == engine.workflow.name else {
                return .failure(.other("\(current.code) volgt workflow '\(row["workflow"] as String)'"))
            }
            let fired: FiredTransition
            switch engine.fire(eventID, fields: fields, on: current.instance, now: AmsterdamTime.localTime(of: moment)) {
            case .success(let transition): fired = transition
            case .failure(let rejection): return .failure(.rejected(rejection))
            }
            let utc = AmsterdamTime.utcText(of: moment)
            let crisisColumn = subject.typeName == "case" ? ", crisis = \(fired.instance.facts.crisis ? 1 : 0)" : ""
            try db.execute(sql: """
                UPDATE \(table) SET state = ?, state_data = ?, version = version + 1, updated_at = ?\(crisisColumn)
                WHERE id = ? AND version = ?
                """, arguments: [fired.to, try StateDataCoding.encode(fired.instance.recorded), utc, subject.id, expectedVersion])
            let data = try JSONSerialization.data(withJSONObject: [
                "velden": try JSONSerialization.jsonObject(with: Data(StateDataCoding.encode(fired.fields).utf8)),
                "gevolgen": fired.effects, "verplichtingen": fired.fulfilledObligations,
            ], options: [.sortedKeys])
            try db.execute(sql: """
                INSERT INTO timeline_event (subject_type, subject_id, kind, workflow_event, from_state, to_state, text, data,
                                            author_id, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [subject.typeName, subject.id, fired.event.timelineKind.rawValue, eventID, fired.from, fired.to,
                                 fired.timelineText, String(decoding: data, as: UTF8.self), user.id, utc])
            let timelineID = db.lastInsertedRowID
            try TransitionEffects(db: db, subject: subject, row: row, user: user, moment: moment, origin: origin,
                                  caseProcess: caseProcess).run(fired)
            try AuditLog.append(AuditRecord(.transition, subject.typeName, String(subject.id),
                                            detail: "\(eventID): \(fired.from) → \(fired.to)"),
                                actor: user.login, origin: origin, at: moment, in: db)
            return .success(RecordedRouteEvent(transition: fired, version: expectedVersion + 1, timelineEventID: timelineID))
        }
        return try outcome.get()
    }

    static func routeState(from row: Row) throws -> SignalRouteState {
        let receivedText: String = row["received_at"]
        guard let received = AmsterdamTime.localTime(fromUTC: receivedText) else {
            throw StoreFailure.other("ongeldige ontvangstdatum '\(receivedText)'")
        }
        let recorded: [String: FieldValues]
        do {
            recorded = try StateDataCoding.decode(row["state_data"])
        } catch {
            throw StoreFailure.other(String(describing: error))
        }
        // Signals carry acute and minor; cases carry the crisis flag.
        let facts = row.hasColumn("crisis")
            ? CaseFacts(crisis: row["crisis"])
            : CaseFacts(acute: row["acute"], minorInvolved: row["minor_involved"])
        let instance = WorkflowInstance(state: row["state"], facts: facts, receivedAt: received, recorded: recorded)
        return SignalRouteState(signalID: row["id"], code: row["code"], instance: instance, version: row["version"])
    }

    /// Who last changed the signal or case, when, and what, for a conflict message.
    static func latestChange(to subject: TimelineSubject, in db: Database) throws -> ConcurrentChange {
        let row = try Row.fetchOne(db, sql: """
            SELECT t.text, t.occurred_at, coalesce(u.display_name, 'een collega') AS author
            FROM timeline_event t LEFT JOIN app_user u ON u.id = t.author_id
            WHERE t.subject_type = ? AND t.subject_id = ?
            ORDER BY t.id DESC LIMIT 1
            """, arguments: [subject.typeName, subject.id])
        let at = (row?["occurred_at"] as String?).flatMap(AmsterdamTime.localTime(fromUTC:))
            ?? AmsterdamTime.localTime(of: Date())
        return ConcurrentChange(by: row?["author"] ?? "een collega", at: at, what: row?["text"] ?? "het signaal is gewijzigd.")
    }
}

extension TimelineSubject {
    /// The signal or case a row's `subject_type` and `subject_id` name, if any.
    init?(row: Row) {
        switch row["subject_type"] as String? {
        case "signal": self = .signal(row["subject_id"])
        case "case": self = .kmtCase(row["subject_id"])
        default: return nil
        }
    }

    var tableName: String {
        switch self {
        case .signal: return "signal"
        case .kmtCase: return "kmt_case"
        }
    }
}
