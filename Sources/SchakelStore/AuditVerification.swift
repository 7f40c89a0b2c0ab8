import GRDB
import SchakelCore

/// What checking the audit log found.
public struct AuditVerification: Equatable, Sendable {
    public struct Problem: Equatable, Sendable {
        /// The first entry concerned, when the problem lies at an entry.
        public let entry: Int64?
        public let reason: String
    }

    public let entries: Int
    public let lastHash: String
    public let problems: [Problem]

    public var isIntact: Bool { problems.isEmpty }
}

extension Store {
    /// Walks the whole chain: every entry's hash, its link to the entry before, the numbering,
    /// the seal at the end, and the triggers that keep the log append-only.
    public func verifyAuditLog() throws(StoreFailure) -> AuditVerification {
        try read { db in
            var problems: [AuditVerification.Problem] = []
            var expectedID: Int64 = 1
            var previousHash = AuditSchema.genesisHash
            var count = 0
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY id")
            while let row = try rows.next() {
                let entry = AuditRow(row: row)
                count += 1
                if entry.id != expectedID {
                    let missing = entry.id > expectedID ? "regel \(expectedID) tot \(entry.id) ontbreekt" : "regel \(entry.id) staat niet op zijn plaats"
                    problems.append(.init(entry: min(entry.id, expectedID), reason: "de nummering is onderbroken: \(missing)"))
                }
                if entry.previousHash != previousHash {
                    problems.append(.init(entry: entry.id, reason: "verwijst niet naar de regel ervoor (verwijderd of verplaatst)"))
                }
                if entry.expectedHash != entry.hash {
                    problems.append(.init(entry: entry.id, reason: "de inhoud klopt niet met de hash (gewijzigd)"))
                }
                expectedID = entry.id + 1
                previousHash = entry.hash
            }
            if let seal = try Row.fetchOne(db, sql: "SELECT last_id, last_hash FROM audit_seal WHERE id = 1") {
                let sealedID: Int64 = seal["last_id"]
                let sealedHash: String = seal["last_hash"]
                if sealedID > expectedID - 1 {
                    problems.append(.init(entry: expectedID, reason: "het log eindigt bij regel \(expectedID - 1) maar is verzegeld "
                                          + "tot regel \(sealedID): de laatste regels zijn verwijderd"))
                } else if sealedID != expectedID - 1 || sealedHash != previousHash {
                    problems.append(.init(entry: sealedID, reason: "het zegel past niet bij het einde van het log"))
                }
            } else {
                problems.append(.init(entry: nil, reason: "het zegel van het log ontbreekt"))
            }
            let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            for trigger in AuditSchema.protectiveTriggers where !present.contains(trigger) {
                problems.append(.init(entry: nil, reason: "de beveiliging '\(trigger)' ontbreekt"))
            }
            let ordered = problems.sorted { ($0.entry ?? .max) < ($1.entry ?? .max) }
            return AuditVerification(entries: count, lastHash: previousHash, problems: ordered)
        }
    }
}
