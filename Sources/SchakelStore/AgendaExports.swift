import Foundation
import GRDB
import Meldroute
import SchakelCore

extension Store {
    public func agendaForExport(meetingID: Int64, partner: String?, format: String, for user: User) throws(StoreFailure) -> AgendaExport {
        guard let meeting = try meeting(id: meetingID, for: user) else {
            try audit(AuditRecord(.export, "meeting", String(meetingID), result: try meetingRefusal(meetingID),
                                  detail: "agenda \(format)"), by: user)
            throw .refused("Overleg \(meetingID) bestaat niet, of u heeft er geen toegang toe.")
        }
        var forPartner: String?
        if let partner {
            // The name as the meeting has it, whatever the capitals typed.
            guard let invited = meeting.invited.first(where: { $0.lowercased() == partner.lowercased() }) else {
                let names = meeting.invited.isEmpty ? "niemand" : meeting.invited.joined(separator: "; ")
                throw .refused("'\(partner)' is niet uitgenodigd voor dit overleg. Uitgenodigd: \(names).")
            }
            forPartner = invited
        }
        let items = try agenda(ofMeeting: meetingID, for: user)
        let document = AgendaDocument(meeting: meeting, items: items, partner: forPartner, statusLabel: "")
        try audit(AuditRecord(.export, "meeting", String(meetingID),
                              detail: "agenda \(format) voor \(forPartner ?? "alle genodigden"), \(document.items.count) punten"), by: user)
        let stamp = AmsterdamTime.utcText(of: now()).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        return AgendaExport(meeting: meeting, items: document.items, partner: forPartner, stamp: stamp)
    }
}

extension Store {
    /// What a refused meeting was, for the log (the user is told the same vague thing either way):
    /// `denied` when it exists, `not_found` when it does not.
    func meetingRefusal(_ meetingID: Int64) throws(StoreFailure) -> AuditResult {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM meeting WHERE id = ?)", arguments: [meetingID])! ? .denied : .notFound
        }
    }
}
