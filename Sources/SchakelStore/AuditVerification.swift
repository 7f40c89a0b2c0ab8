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
    /// the seal at the end, and the triggers that keep the log append-only. Each anchor (taken
    /// earlier and kept outside the file) must still be in the chain with its hash: that catches
    /// what the file alone cannot show, a tail cut off with the seal moved back, or the whole file
    /// rolled back to an older copy.
    public func verifyAuditLog(anchors: [AuditAnchor] = []) throws(StoreFailure) -> AuditVerification {
        try read { db in
            var problems: [AuditVerification.Problem] = []
            var expectedID: Int64 = 1
            var previousHash = AuditSchema.genesisHash
            var count = 0
            var anchored = Dictionary(anchors.map { ($0.entry, $0) }, uniquingKeysWith: { first, _ in first })
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY id")
            while let row = try rows.next() {
                let entry = AuditRow(row: row)
                count += 1
                if let anchor = anchored.removeValue(forKey: entry.id), anchor.hash != entry.hash {
                    problems.append(.init(entry: entry.id, reason: "anker \(anchor) klopt niet: deze regel heeft nu hash \(entry.hash) "
                                          + "(het log is herschreven of teruggezet)"))
                }
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
            for anchor in anchored.values.sorted(by: { $0.entry < $1.entry }) {
                problems.append(.init(entry: anchor.entry, reason: "anker \(anchor) klopt niet: regel \(anchor.entry) ontbreekt, het log "
                                      + "houdt op bij regel \(expectedID - 1) (ingekort of teruggezet naar een oudere kopie)"))
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

extension Store {
    /// Takes an anchor: the chain is verified first (a broken one is not anchored), the taking is
    /// written to the log as its own entry, and that entry's number and hash are the anchor — to
    /// be kept outside the file (the system log). On a file this process may not write, the last
    /// entry as it is.
    public func takeAuditAnchor(byLogin actor: String) throws(StoreFailure) -> (AuditAnchor, AuditVerification) {
        let verification = try verifyAuditLog()
        guard verification.isIntact else { return (AuditAnchor(entry: Int64(verification.entries), hash: verification.lastHash), verification) }
        if isReadOnly { return (AuditAnchor(entry: Int64(verification.entries), hash: verification.lastHash), verification) }
        let anchor = try write { db -> AuditAnchor in
            try AuditLog.append(AuditRecord(.anchor, "audit_log", detail: "anker genomen voor het systeemlog"), actor: actor,
                                origin: origin, at: now(), in: db)
            let seal = try Row.fetchOne(db, sql: "SELECT last_id, last_hash FROM audit_seal WHERE id = 1")!
            return AuditAnchor(entry: seal["last_id"], hash: seal["last_hash"])
        }
        return (anchor, verification)
    }

    /// Hours since the last anchor was taken; nil when none ever was.
    public func hoursSinceAuditAnchor() throws(StoreFailure) -> Double? {
        let at = try read { db in
            try String.fetchOne(db, sql: "SELECT at FROM audit_log WHERE action = 'anchor' ORDER BY id DESC LIMIT 1")
        }
        return at.flatMap(AmsterdamTime.date(fromUTC:)).map { now().timeIntervalSince($0) / 3600 }
    }
}
