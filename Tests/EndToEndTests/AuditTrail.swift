import Foundation
import GRDB

/// The audit log of a database file as the tests read it: straight from SQLite, read-only.
struct AuditTrail {
    struct Entry: Equatable, CustomStringConvertible {
        let id: Int64
        let actor: String
        let onBehalfOf: String
        let action: String
        let objectType: String
        let objectID: String
        let result: String
        let detail: String

        var description: String { "#\(id) \(actor) \(action) \(objectType) \(objectID) \(result) (\(detail))" }
    }

    let path: String

    /// The number of the last entry (0 for none).
    func last() throws -> Int64 {
        try queue().read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM audit_log")! }
    }

    /// The entries after entry `id`, oldest first.
    func entries(after id: Int64) throws -> [Entry] {
        try queue().read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log WHERE id > ? ORDER BY id", arguments: [id]).map { row in
                Entry(id: row["id"], actor: row["actor"], onBehalfOf: row["on_behalf_of"], action: row["action"],
                      objectType: row["object_type"], objectID: row["object_id"], result: row["result"], detail: row["detail"])
            }
        }
    }

    private func queue() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}
