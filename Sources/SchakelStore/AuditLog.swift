import Crypto
import Foundation
import GRDB
import SchakelCore

/// One access, as the store records it.
struct AuditRecord {
    let action: AuditAction
    let objectType: String
    let objectID: String
    let result: AuditResult
    /// Never personal content: counts, a state, a filter's name.
    let detail: String

    init(_ action: AuditAction, _ objectType: String = "", _ objectID: String = "", result: AuditResult = .ok,
         detail: String = "") {
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.result = result
        self.detail = detail
    }
}

/// A stored audit row, with the fields its hash covers.
struct AuditRow: Equatable {
    let id: Int64
    let at: String
    let actor: String
    let onBehalfOf: String
    let action: String
    let objectType: String
    let objectID: String
    let result: String
    let origin: String
    let detail: String
    let previousHash: String
    let hash: String

    init(row: Row) {
        id = row["id"]
        at = row["at"]
        actor = row["actor"]
        onBehalfOf = row["on_behalf_of"]
        action = row["action"]
        objectType = row["object_type"]
        objectID = row["object_id"]
        result = row["result"]
        origin = row["origin"]
        detail = row["detail"]
        previousHash = row["prev_hash"]
        hash = row["hash"]
    }

    /// What the hash should be for this content chained to `previousHash`.
    var expectedHash: String {
        AuditLog.hash(id: id, at: at, actor: actor, onBehalfOf: onBehalfOf, action: action, objectType: objectType,
                      objectID: objectID, result: result, origin: origin, detail: detail, previousHash: previousHash)
    }
}

enum AuditLog {
    /// SHA-256 over every field and the previous hash, separated by a byte no field contains
    /// unescaped, as lowercase hex.
    static func hash(id: Int64, at: String, actor: String, onBehalfOf: String, action: String, objectType: String,
                     objectID: String, result: String, origin: String, detail: String, previousHash: String) -> String {
        let fields = [String(id), at, actor, onBehalfOf, action, objectType, objectID, result, origin, detail, previousHash]
        let text = fields.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\u{1F}", with: "\\u") }
            .joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Appends one entry in the caller's write transaction, chained to the last one.
    static func append(_ record: AuditRecord, actor: String, origin: SessionOrigin, at: Date, in db: Database) throws {
        guard let seal = try Row.fetchOne(db, sql: "SELECT last_id, last_hash FROM audit_seal WHERE id = 1") else {
            throw StoreFailure.other("het zegel van het auditlog ontbreekt")
        }
        let id: Int64 = seal["last_id"] + 1
        let previous: String = seal["last_hash"]
        let time = AmsterdamTime.utcTextWithMilliseconds(of: at)
        let onBehalfOf = origin.onBehalfOf ?? ""
        let hash = hash(id: id, at: time, actor: actor, onBehalfOf: onBehalfOf, action: record.action.rawValue,
                        objectType: record.objectType, objectID: record.objectID, result: record.result.rawValue,
                        origin: origin.address, detail: record.detail, previousHash: previous)
        try db.execute(sql: """
            INSERT INTO audit_log (id, at, actor, on_behalf_of, action, object_type, object_id, result, origin, detail,
                                   prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, time, actor, onBehalfOf, record.action.rawValue, record.objectType, record.objectID,
                             record.result.rawValue, origin.address, record.detail, previous, hash])
    }
}

extension PageRequest {
    /// Where in a list a page lies, for an audit entry's detail: the start says nothing.
    var auditNote: String {
        switch self {
        case .first: return ""
        case .last: return ", einde"
        case .after, .before: return ", verder"
        }
    }
}
