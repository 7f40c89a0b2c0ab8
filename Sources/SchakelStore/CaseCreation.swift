import GRDB
import SchakelCore

/// Zero-padded running numbers, as in S2026-0042 and P-00042.
enum Numbering {
    static func padded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// The one way a KMT case comes into being from a signal: opened by hand (`c`), by a decision
/// for the KMT, or by the demo. Runs in the caller's transaction; timeline lines and audit are the
/// caller's, as their words differ.
enum CaseCreation {
    /// A new case at the start of the KMT process, numbered C<year>-NNNN within `year`, with the
    /// signal's persons.
    static func insert(fromSignal signal: Row, receivedUTC: String, year: Int, summary: String = "",
                       perpetratorTrack: Bool = false, processManagerID: Int64? = nil, in db: Database) throws -> (id: Int64, code: String) {
        let last = try Int.fetchOne(db, sql: "SELECT max(CAST(substr(code, 7) AS INTEGER)) FROM kmt_case WHERE code GLOB ?",
                                    arguments: ["C\(year)-*"]) ?? 0
        let code = "C\(year)-" + Numbering.padded(last + 1, width: 4)
        let signalID: Int64 = signal["id"]
        try db.execute(sql: """
            INSERT INTO kmt_case (code, signal_id, municipality_id, received_at, forms, summary, perpetrator_track,
                                  workflow, state, process_manager_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [code, signalID, signal["municipality_id"], receivedUTC, signal["forms"], summary, perpetratorTrack,
                             Store.caseWorkflow.name, Store.caseWorkflow.initialState, processManagerID, receivedUTC])
        let caseID = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO case_person (case_id, person_id, role) SELECT ?, person_id, role FROM signal_person WHERE signal_id = ?",
                       arguments: [caseID, signalID])
        return (caseID, code)
    }
}
