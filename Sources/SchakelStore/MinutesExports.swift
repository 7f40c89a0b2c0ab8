import Foundation
import GRDB
import Meldroute
import SchakelCore

/// A meeting's minutes for export, and exports written to the folder the administrator set.
extension Store: ExportFiling {
    /// The setting that names the folder exports from the screen go to.
    public static let exportFolderSetting = "exportmap"

    public func minutesForExport(meetingID: Int64, for user: User) throws(StoreFailure) -> MinutesExport {
        guard let meeting = try meeting(id: meetingID, for: user), meeting.visibility == .full else {
            try audit(AuditRecord(.export, "meeting", String(meetingID), result: try meetingRefusal(meetingID), detail: "verslag"),
                      by: user)
            throw .refused("Overleg \(meetingID) bestaat niet, of u ziet het niet in zijn geheel; alleen dan kunt u het verslag exporteren.")
        }
        let items = try agenda(ofMeeting: meetingID, for: user)
        let actions = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, a.agenda_item_id, a.description, a.owner, a.due_date, a.version, a.done_at, coalesce(s.code, c.code) AS code
                FROM action_item a
                LEFT JOIN signal s ON a.subject_type = 'signal' AND s.id = a.subject_id
                LEFT JOIN kmt_case c ON a.subject_type = 'case' AND c.id = a.subject_id
                WHERE a.meeting_id = ? ORDER BY a.id
                """, arguments: [meetingID]).map { row -> ActionItem in
                let dueText: String = row["due_date"]
                guard let due = CivilDate(iso: dueText) else { throw StoreFailure.other("ongeldige datum '\(dueText)'") }
                return ActionItem(id: row["id"], key: ListKey(sortValue: dueText, id: row["id"]), description: row["description"],
                                  owner: row["owner"], due: due, subjectCode: row["code"], version: row["version"],
                                  meetingID: meetingID, agendaItemID: row["agenda_item_id"], isDone: row["done_at"] as String? != nil)
            }
        }
        try audit(AuditRecord(.export, "meeting", String(meetingID), detail: "verslag, \(items.count) punten, \(actions.count) acties"),
                  by: user)
        return MinutesExport(meeting: meeting, items: items, actions: actions)
    }

    public func exportFolder() throws(StoreFailure) -> String? {
        try setting(Self.exportFolderSetting).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Sets the export folder (it must exist and be writable); only a beheerder may. Audited, the refusal too.
    public func setExportFolder(_ folder: String, by user: User) throws(StoreFailure) {
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
        guard AccessPolicy.canManageSettings(user) else {
            try audit(AuditRecord(.update, "setting", Self.exportFolderSetting, result: .denied, detail: absolute), by: user)
            throw AccessPolicy.settingsRefusal(for: user)
        }
        try ExportFile.checkDirectory(absolute)
        try audited(by: user) { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [Self.exportFolderSetting, absolute])
            return ((), AuditRecord(.update, "setting", Self.exportFolderSetting, detail: absolute))
        }
    }

    public func writeExport(_ text: String, named name: String, by user: User) throws(StoreFailure) -> String {
        guard let folder = try exportFolder() else {
            throw .refused("Er is geen exportmap ingesteld. De beheerder stelt die in met: schakel overleg exportmap MAP --db PAD.")
        }
        // A bare file name: nothing can be written outside the folder.
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else { throw .refused("Ongeldige bestandsnaam '\(name)'.") }
        let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
        try ExportFile.write(text, to: path)
        try audit(AuditRecord(.export, "bestand", name, detail: path), by: user)
        return path
    }
}
