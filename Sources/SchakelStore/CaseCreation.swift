import Foundation
import GRDB
import Meldroute
import SchakelCore

/// The one way a KMT case comes into being from a signal: opened by hand (`c`), by a decision
/// for the KMT, or by the demo. Runs in the caller's transaction; the line on the signal's
/// timeline and the audit entry are the caller's, as their words differ.
enum CaseCreation {
    /// A case just made, and where it stands in the KMT process.
    struct Created {
        let id: Int64
        let code: String
        let instance: WorkflowInstance
    }

    /// A new case at the start of the KMT process, numbered C<year>-NNNN within the year of
    /// `moment`, with the signal's persons and `receivedLine` as the first line of its timeline.
    /// A case from an acute signal starts in crisis: `caseProcess`'s "crisis gemeld" is recorded
    /// with it (to be picked up the same working day), with its own timeline line.
    static func insert(fromSignal signal: Row, at moment: Date, caseProcess: WorkflowEngine, receivedLine: String,
                       authorID: Int64?, summary: String = "", perpetratorTrack: Bool = false, processManagerID: Int64? = nil,
                       in db: Database) throws -> Created {
        let utc = AmsterdamTime.utcText(of: moment)
        let local = AmsterdamTime.localTime(of: moment)
        var codes = CodeSeries(letter: CodeSeries.cases, continuingIn: "kmt_case", db)
        let code = try codes.next(in: local.date.year)
        let signalID: Int64 = signal["id"]
        let start = caseProcess.workflow.initialState
        try db.execute(sql: """
            INSERT INTO kmt_case (code, signal_id, municipality_id, received_at, forms, summary, perpetrator_track,
                                  workflow, state, process_manager_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [code, signalID, signal["municipality_id"], utc, signal["forms"], summary, perpetratorTrack,
                             caseProcess.workflow.name, start, processManagerID, utc])
        let caseID = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO case_person (case_id, person_id, role) SELECT ?, person_id, role FROM signal_person WHERE signal_id = ?",
                       arguments: [caseID, signalID])
        try line(on: caseID, kind: TimelineKind.received.rawValue, event: nil, from: nil, to: start, receivedLine, authorID, utc, db)

        var instance = WorkflowInstance(state: start, facts: CaseFacts(), receivedAt: local)
        if signal["acute"] as Bool? == true {
            instance = try startInCrisis(caseID, instance, signal: signal, at: local, caseProcess: caseProcess, authorID: authorID,
                                         utc: utc, db)
        }
        return Created(id: caseID, code: code, instance: instance)
    }

    private static func startInCrisis(_ caseID: Int64, _ instance: WorkflowInstance, signal: Row, at local: LocalDateTime,
                                      caseProcess: WorkflowEngine, authorID: Int64?, utc: String, _ db: Database) throws -> WorkflowInstance {
        let minor = signal["minor_involved"] as Bool? == true
        let situation = "acuut signaal \(signal["code"] as String)" + (minor ? ", minderjarige betrokken" : "")
            + "; overgenomen bij het aanmaken van de casus."
        let fired: FiredTransition
        switch caseProcess.fire(crisisEvent, fields: ["sinds": .dateTime(local), "situatie": .text(situation)], on: instance, now: local) {
        case .success(let transition): fired = transition
        case .failure(let rejection):
            throw StoreFailure.other("de casus kan niet als crisis worden gemarkeerd: \(rejection.message)")
        }
        try db.execute(sql: "UPDATE kmt_case SET crisis = ?, state = ?, state_data = ? WHERE id = ?",
                       arguments: [fired.instance.facts.crisis, fired.to, try StateDataCoding.encode(fired.instance.recorded), caseID])
        try line(on: caseID, kind: fired.event.timelineKind.rawValue, event: fired.event.id, from: fired.from, to: fired.to,
                 fired.timelineText, authorID, utc, db)
        return fired.instance
    }

    /// The KMT process's event that marks a crisis.
    static let crisisEvent = "crisis_gemeld"

    private static func line(on caseID: Int64, kind: String, event: String?, from: String?, to: String?, _ text: String,
                             _ authorID: Int64?, _ utc: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO timeline_event (subject_type, subject_id, kind, workflow_event, from_state, to_state, text, author_id, occurred_at)
            VALUES ('case', ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [caseID, kind, event, from, to, text, authorID, utc])
    }
}
