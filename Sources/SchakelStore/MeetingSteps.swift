import Foundation
import GRDB
import Meldroute
import SchakelCore

/// A meeting's status moves through the `overleg` workflow: the engine decides, the store records.
extension Store: MeetingStepping {
    public func recordMeetingEvent(_ eventID: String, fields: FieldValues, onMeeting meetingID: Int64, expectedVersion: Int,
                                   engine: WorkflowEngine, by user: User) throws(StoreFailure) -> Int {
        let label = engine.workflow.event(eventID)?.label.lowercased() ?? eventID
        return try changingAgenda(of: meetingID, expectedVersion: expectedVersion, by: user, change: label,
                                  requiringOpenAgenda: false) { edit in
            let row = edit.meeting
            guard (row["workflow"] as String) == engine.workflow.name else {
                throw StoreFailure.refused("Dit overleg volgt workflow '\(row["workflow"] as String)'.")
            }
            let recorded = try StateDataCoding.decode(row["state_data"])
            let starts = AmsterdamTime.localTime(fromUTC: row["starts_at"]) ?? AmsterdamTime.localTime(of: edit.moment)
            let instance = WorkflowInstance(state: row["status"], facts: CaseFacts(), receivedAt: starts, recorded: recorded)
            switch engine.fire(eventID, fields: fields, on: instance, now: AmsterdamTime.localTime(of: edit.moment)) {
            case .success(let fired):
                try edit.db.execute(sql: "UPDATE meeting SET status = ?, state_data = ? WHERE id = ?",
                                    arguments: [fired.to, try StateDataCoding.encode(fired.instance.recorded), meetingID])
            case .failure(let rejection):
                throw StoreFailure.rejected(rejection)
            }
        }
    }
}
