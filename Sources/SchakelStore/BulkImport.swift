import Foundation
import GRDB
import Meldroute
import SchakelCore

/// Writes prepared content in bulk, inside one transaction of `Store.importing`: for the demo and
/// the load generator (SchakelDemo), which make the content and leave the SQL to the store. No
/// access policy and no audit entries: this is not a user at work, and it refuses a database that
/// is not a demo's.
public final class BulkImport {
    private let db: Database
    private var signalCodes: CodeSeries
    private var lastPersonNumber: Int?

    fileprivate init(_ db: Database) {
        self.db = db
        signalCodes = CodeSeries(letter: CodeSeries.signals, continuingIn: "signal", db)
    }

    // MARK: Activities

    /// An activity, registered by `login` at `moment`.
    public func addActivity(_ entry: ActivityEntry, registeredBy login: String, at moment: LocalDateTime) throws {
        _ = try Store.insertActivity(entry, registeredBy: login, at: AmsterdamTime.utcText(from: moment), in: db)
    }

    // MARK: Consults

    /// A consult registered at its moment by `authorID` (named `who`), then taken through `steps`
    /// (event, fields, moment) of its workflow; its id and code.
    @discardableResult
    public func addConsult(_ consult: NewConsult, engine: WorkflowEngine, authorID: Int64?, who: String,
                           steps: [(event: String, fields: FieldValues, at: LocalDateTime)]) throws -> (id: Int64, code: String) {
        let saved = try Store.insertConsult(consult, engine: engine, authorID: authorID, who: who, at: AmsterdamTime.instant(of: consult.askedAt),
                                            in: db).get()
        for step in steps { try fire(step.event, fields: step.fields, onConsult: saved.id, engine: engine, authorID: authorID, at: step.at) }
        return saved
    }

    /// The consult turned into the signal `signalID` (registered from it) at `moment`.
    public func convertConsult(_ id: Int64, intoSignal signalID: Int64, code: String, engine: WorkflowEngine, authorID: Int64?,
                               at moment: LocalDateTime) throws {
        try fire(ConsultStates.convert, fields: [:], onConsult: id, engine: engine, authorID: authorID, at: moment,
                 signal: RegisteredSignal(id: signalID, code: code))
    }

    private func fire(_ event: String, fields: FieldValues, onConsult id: Int64, engine: WorkflowEngine, authorID: Int64?,
                      at moment: LocalDateTime, signal: RegisteredSignal? = nil) throws {
        let row = try Row.fetchOne(db, sql: "SELECT * FROM consult WHERE id = ?", arguments: [id])!
        let instant = AmsterdamTime.instant(of: moment)
        let fired = try Store.fire(event, fields: fields, on: row, engine: engine, at: instant).get()
        try Store.apply(fired, to: row, authorID: authorID, at: instant, signal: signal, in: db)
    }

    // MARK: Users and the demo marker

    @discardableResult
    public func addUser(_ user: User) throws -> Int64 {
        try db.execute(sql: "INSERT INTO app_user (login, display_name, role, municipality_id) VALUES (?, ?, ?, ?)",
                       arguments: [user.login, user.displayName, user.role.rawValue, user.municipality?.id])
        return db.lastInsertedRowID
    }

    public func userID(login: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM app_user WHERE login = ?", arguments: [login])
    }

    /// Marks the database as a demo's: only such a database takes generated content.
    public func markAsDemo() throws {
        try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, '1')", arguments: [Store.demoMarker])
    }

    /// Where exports from the screen go (a demo's own folder beside it).
    public func setExportFolder(_ folder: String) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [Store.exportFolderSetting, folder])
    }

    // MARK: Signals

    /// A signal received at `signal.receivedAt`, in `state`, with its persons and its "received"
    /// line; numbered after the codes of its year. Returns its id and code.
    @discardableResult
    public func addSignal(_ signal: NewSignal, state: String) throws -> (id: Int64, code: String) {
        let received = AmsterdamTime.utcText(from: signal.receivedAt ?? AmsterdamTime.now())
        let code = try signalCodes.next(in: (signal.receivedAt ?? AmsterdamTime.now()).date.year)
        try db.cachedStatement(sql: """
            INSERT INTO signal (code, received_at, source, reporter_type, reporter_name, reporter_organisation,
                reporter_contact, municipality_id, forms, description, location, acute, minor_involved,
                workflow, state, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                code, received, signal.source.rawValue, signal.reporterType.rawValue, signal.reporterName,
                signal.reporterOrganisation, signal.reporterContact, signal.municipality.id, signal.forms.rawValue,
                signal.description, signal.location, signal.acute, signal.minorInvolved, Store.signalWorkflow.name, state, received,
            ])
        let signalID = db.lastInsertedRowID
        try db.cachedStatement(sql: """
            INSERT INTO timeline_event (subject_type, subject_id, kind, to_state, text, occurred_at)
            VALUES ('signal', ?, 'received', ?, 'Signaal ontvangen.', ?)
            """).execute(arguments: [signalID, state, received])
        var number = try lastPersonNumber ?? (Int.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM person") ?? 0)
        for person in signal.persons {
            number += 1
            try db.cachedStatement(sql: """
                INSERT INTO person (pseudonym, initials, birth_year, given_name, family_name, initials_key, family_key)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: ["P-" + Numbering.padded(number, width: 5), person.initials, person.birthYear,
                                         person.givenName, person.familyName, PersonNameKey.initials(person.initials),
                                         PersonNameKey.family(person.familyName)])
            try db.cachedStatement(sql: "INSERT INTO signal_person (signal_id, person_id, role) VALUES (?, ?, ?)")
                .execute(arguments: [signalID, db.lastInsertedRowID, person.role.rawValue])
        }
        lastPersonNumber = number
        return (signalID, code)
    }

    /// A signal as the demo's history walks it.
    public struct SignalFacts: Sendable {
        public let id: Int64
        public let code: String
        public let state: String
        public let acute: Bool
        public let minorInvolved: Bool
        public let receivedAt: LocalDateTime
        public let forms: ExploitationForms
        public let municipalityID: Int64
        /// The AF of its municipality, when there is one.
        public let officerID: Int64?
    }

    /// Every signal, in id order.
    public func signals() throws -> [SignalFacts] {
        try Row.fetchAll(db, sql: """
            SELECT s.id, s.code, s.state, s.acute, s.minor_involved, s.received_at, s.forms, s.municipality_id, u.id AS af_id
            FROM signal s LEFT JOIN app_user u ON u.role = 'af' AND u.municipality_id = s.municipality_id
            ORDER BY s.id
            """).map { row in
            SignalFacts(id: row["id"], code: row["code"], state: row["state"], acute: row["acute"], minorInvolved: row["minor_involved"],
                        receivedAt: AmsterdamTime.localTime(fromUTC: row["received_at"]) ?? AmsterdamTime.now(),
                        forms: ExploitationForms(rawValue: row["forms"]), municipalityID: row["municipality_id"], officerID: row["af_id"])
        }
    }

    /// Signals (id and code) of a municipality in one of `states`, at most `limit`.
    public func signals(in municipalityID: Int64, states: [String], limit: Int) throws -> [(id: Int64, code: String)] {
        let marks = states.map { _ in "?" }.joined(separator: ", ")
        return try Row.fetchAll(db, sql: "SELECT id, code FROM signal WHERE municipality_id = ? AND state IN (\(marks)) ORDER BY id LIMIT ?",
                                arguments: StatementArguments([municipalityID] + states.map { $0 as any DatabaseValueConvertible } + [limit]))
            .map { ($0["id"], $0["code"]) }
    }

    /// Ids of signals in `state`, at most `limit`, in id order.
    public func signalIDs(in state: String, limit: Int) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT id FROM signal WHERE state = ? ORDER BY id LIMIT ?", arguments: [state, limit])
    }

    /// Every signal's id and moment of receipt (seconds since 1970), in id order.
    public func signalReceipts() throws -> [(id: Int64, received: Int64)] {
        try Row.fetchAll(db, sql: "SELECT id, received_at FROM signal ORDER BY id").map { row in
            (row["id"], Int64(AmsterdamTime.date(fromUTC: row["received_at"])?.timeIntervalSince1970 ?? 0))
        }
    }

    // MARK: Route history and timelines

    /// The steps walked through a workflow, each as the line it leaves on the timeline.
    public func record(_ steps: [(FiredTransition, moment: LocalDateTime)], on subject: TimelineSubject, authorID: Int64?) throws {
        for (transition, moment) in steps {
            try db.cachedStatement(sql: """
                INSERT INTO timeline_event (subject_type, subject_id, kind, workflow_event, from_state, to_state, text, author_id, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [subject.typeName, subject.id, transition.event.timelineKind.rawValue, transition.event.id,
                                         transition.from, transition.to, transition.timelineText, authorID,
                                         AmsterdamTime.utcText(from: moment)])
            try RetentionClock.apply(transition.effects, reaching: transition.to, on: subject, day: moment.date, in: db)
        }
    }

    /// Where a walk left a signal or case: its workflow instance and version.
    public func setRoute(of subject: TimelineSubject, to instance: WorkflowInstance, version: Int) throws {
        let data = try StateDataCoding.encode(instance.recorded)
        switch subject {
        case .signal(let id):
            try db.execute(sql: "UPDATE signal SET state = ?, state_data = ?, version = ? WHERE id = ?",
                           arguments: [instance.state, data, version, id])
        case .kmtCase(let id):
            try db.execute(sql: "UPDATE kmt_case SET state = ?, state_data = ?, crisis = ?, version = ? WHERE id = ?",
                           arguments: [instance.state, data, instance.facts.crisis, version, id])
        }
    }

    /// A line on a timeline that is not a workflow step.
    public func addLine(on subject: TimelineSubject, kind: TimelineKind, _ text: String, authorID: Int64?, at moment: LocalDateTime) throws {
        try db.execute(sql: """
            INSERT INTO timeline_event (subject_type, subject_id, kind, text, author_id, occurred_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [subject.typeName, subject.id, kind.rawValue, text, authorID, AmsterdamTime.utcText(from: moment)])
    }

    /// A line on a signal's timeline at a moment in seconds since 1970: the load generator's.
    public func addLine(onSignal id: Int64, kind: TimelineKind, _ text: String, atEpochSeconds moment: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO timeline_event (subject_type, subject_id, kind, text, occurred_at) VALUES ('signal', ?, ?, ?, ?)
            """).execute(arguments: [id, kind.rawValue, text, AmsterdamTime.utcText(epochSeconds: moment)])
    }

    /// A KMT case from a signal, made the one way cases are made (see `CaseCreation`).
    public func openCase(fromSignal signalID: Int64, at moment: LocalDateTime, caseProcess: WorkflowEngine, receivedLine: String,
                         authorID: Int64?, summary: String, perpetratorTrack: Bool,
                         processManagerID: Int64?) throws -> (id: Int64, code: String, instance: WorkflowInstance) {
        guard let signal = try Row.fetchOne(db, sql: "SELECT * FROM signal WHERE id = ?", arguments: [signalID]) else {
            throw StoreFailure.other("signaal \(signalID) bestaat niet")
        }
        let created = try CaseCreation.insert(fromSignal: signal, at: AmsterdamTime.instant(of: moment), caseProcess: caseProcess,
                                              receivedLine: receivedLine, authorID: authorID, summary: summary,
                                              perpetratorTrack: perpetratorTrack, processManagerID: processManagerID, in: db)
        return (created.id, created.code, created.instance)
    }

    /// Cases (id and code) on the dadertafel or not, at most `limit`.
    public func cases(perpetratorTrack: Bool, limit: Int) throws -> [(id: Int64, code: String)] {
        try Row.fetchAll(db, sql: "SELECT id, code FROM kmt_case WHERE perpetrator_track = ? ORDER BY id LIMIT ?",
                         arguments: [perpetratorTrack, limit]).map { ($0["id"], $0["code"]) }
    }

    // MARK: Partners, meetings, agreements

    /// The shipped sociale kaart, as every new database gets it.
    public func addShippedDirectory(_ directory: ShippedDirectory) throws {
        _ = try ShippedDirectoryRows.bringIn(directory, dryRun: false, in: db)
    }

    /// The organisations on the sociale kaart, by name.
    public func partnerIDs() throws -> [(name: String, id: Int64)] {
        try Row.fetchAll(db, sql: "SELECT name, id FROM partner ORDER BY name").map { ($0["name"], $0["id"]) }
    }

    /// A demo contact person: fictional, and marked as such.
    public func addFictionalContact(toPartner partnerID: Int64, name: String, function: String, phone: String, email: String) throws {
        try db.execute(sql: """
            INSERT INTO partner_contact (partner_id, name, role, phone, email, is_fictional) VALUES (?, ?, ?, ?, ?, 1)
            """, arguments: [partnerID, name, function, phone, email])
    }

    /// A meeting a series brings (nil when that occurrence is stored already).
    @discardableResult
    public func addMeeting(_ planned: PlannedMeeting, status: String = "gepland") throws -> Int64? {
        try MeetingRows.insert(planned, status: status, in: db)
    }

    public func addAgendaItem(toMeeting meetingID: Int64, position: Int, about subject: TimelineSubject?, title: String) throws {
        try db.execute(sql: "INSERT INTO agenda_item (meeting_id, position, subject_type, subject_id, title) VALUES (?, ?, ?, ?, ?)",
                       arguments: [meetingID, position, subject?.typeName, subject?.id, title])
        guard let subject else { return }
        let starts = try String.fetchOne(db, sql: "SELECT starts_at FROM meeting WHERE id = ?", arguments: [meetingID])!
        try DiscussionRows.itemAdded(db.lastInsertedRowID, about: subject, toMeeting: meetingID, at: starts, by: nil, in: db)
    }

    /// A referral to an organisation on the day of `moment`, with its timeline line as the referral form writes it.
    public func addReferral(about subject: TimelineSubject, toPartner partnerID: Int64, named name: String, on moment: LocalDateTime,
                            reason: String, authorID: Int64?) throws {
        try db.execute(sql: "INSERT INTO referral (subject_type, subject_id, partner_id, referred_at, reason, author_id) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [subject.typeName, subject.id, partnerID, moment.date.iso, reason, authorID])
        try addLine(on: subject, kind: .referral, "Verwezen naar \(name) op \(moment.date.dutch): \(reason)", authorID: authorID, at: moment)
    }

    /// A signal or case waiting for a kind of table since `requestedAt`.
    public func addDiscussionRequest(about subject: TimelineSubject, kind: MeetingKind, municipality: Municipality?, reason: String,
                                     requestedAt: LocalDateTime) throws {
        try db.execute(sql: """
            INSERT INTO discussion_request (subject_type, subject_id, kind, municipality_id, reason, requested_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [subject.typeName, subject.id, kind.rawValue, municipality?.id, reason, AmsterdamTime.utcText(from: requestedAt)])
    }

    public func addActionItem(about subject: TimelineSubject, description: String, owner: String, due: CivilDate,
                              createdAt: LocalDateTime) throws {
        try db.execute(sql: """
            INSERT INTO action_item (subject_type, subject_id, description, owner, due_date, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [subject.typeName, subject.id, description, owner, due.iso, AmsterdamTime.utcText(from: createdAt)])
    }
}

extension Store {
    /// Runs `body` with a `BulkImport` in one write transaction: all of it is stored, or nothing.
    /// A database that already holds content and is not a demo's is refused: generated content
    /// never mixes with real cases.
    public func importing<T>(largeCache: Bool = false, _ body: (BulkImport) throws -> T) throws(StoreFailure) -> T {
        try write { db in
            let users = try Int.fetchOne(db, sql: "SELECT count(*) FROM app_user") ?? 0
            let isDemo = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.demoMarker]) == "1"
            guard users == 0 || isDemo else { throw StoreFailure.notADemoDatabase(path: path) }
            // Random subjects touch index pages all over the file: give the writer room to keep them.
            if largeCache { try db.execute(sql: "PRAGMA cache_size = -262144") }
            return try body(BulkImport(db))
        }
    }

    /// Whether this is a demo database (fictional content only).
    public func isDemo() throws(StoreFailure) -> Bool { try setting(Self.demoMarker) == "1" }

    /// Copies everything into the main file and closes it, so that the file can be moved whole
    /// (the journal files stay behind).
    public func checkpointAndClose() throws(StoreFailure) {
        do {
            _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try pool.close()
        } catch {
            throw StoreErrors.translate(error, path: path)
        }
    }

    /// The setting that marks a database as demo data.
    static let demoMarker = "demo"
}
