import Foundation
import GRDB
import Meldroute
import SchakelCore

/// Destruction lists with four eyes: a beheerder proposes what is due, a procesmanager (never the
/// proposer's login) approves, and each record is then destroyed in a transaction of its own
/// (`RecordDestruction`), with a tombstone on its timeline and an entry in the audit log.
extension Store: RetentionKeeping {
    public func retentionOverview(under rules: RetentionRules, today: CivilDate, for user: User) throws(StoreFailure) -> RetentionOverview {
        guard AccessPolicy.canKeepRetention(user) else {
            try audit(AuditRecord(.list, "retention", result: .denied, detail: "vernietigingslijst"), by: user)
            throw .noAccess
        }
        let confirmed = try retentionRulesConfirmed(rules)
        return try audited(by: user) { db in
            let due = try Self.dueRecords(under: rules, today: today, in: db)
            let proposal = try Self.lists(where: "status = 'voorgesteld'", in: db).first
            let approved = try Self.lists(where: "status = 'goedgekeurd'", in: db).first
            return (RetentionOverview(rulesConfirmed: confirmed, due: due, proposal: proposal, lastApproved: approved),
                    AuditRecord(.list, "retention", detail: "vernietigingslijst, \(due.count) regels"))
        }
    }

    public func proposeDestruction(under rules: RetentionRules, today: CivilDate, by user: User) throws(StoreFailure) -> DestructionList {
        guard AccessPolicy.canProposeDestruction(user) else {
            try audit(AuditRecord(.create, "destruction_list", result: .denied, detail: "voorstel"), by: user)
            throw .refused("Alleen een beheerder stelt een vernietigingslijst voor; \(user.login) is \(user.role.label).")
        }
        try requireConfirmed(rules)
        let fingerprint = Self.fingerprint(of: rules)
        let id: Int64 = try audited(by: user) { db in
            let due = try Self.dueEntries(under: rules, today: today, in: db)
            guard !due.isEmpty else { throw StoreFailure.refused("Niets is over zijn bewaartermijn op \(today.dutch): er is geen lijst gemaakt.") }
            try db.execute(sql: "UPDATE destruction_list SET status = 'vervangen' WHERE status = 'voorgesteld'")
            try db.execute(sql: "INSERT INTO destruction_list (status, proposed_by, proposed_on, rules) VALUES ('voorgesteld', ?, ?, ?)",
                           arguments: [user.login, today.iso, fingerprint])
            let id = db.lastInsertedRowID
            for entry in due {
                let (type, subjectID) = Self.subject(of: entry.due.record)
                try db.execute(sql: """
                    INSERT INTO destruction_item (list_id, subject_type, subject_id, clock_id, code, closed_on, outcome, rule_label, months)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, type, subjectID, entry.clockID, entry.due.code, entry.due.closedOn.iso, entry.due.rule.outcome.rawValue,
                                     entry.due.rule.label, entry.due.rule.months])
            }
            return (id, AuditRecord(.create, "destruction_list", String(id), detail: "voorgesteld: \(due.count) records, termijnen \(fingerprint)"))
        }
        return try list(id)
    }

    public func approveDestruction(_ id: Int64, under rules: RetentionRules, today: CivilDate, by user: User) throws(StoreFailure) -> DestructionList {
        func refuse(_ refusal: String) throws(StoreFailure) -> Never {
            try audit(AuditRecord(.update, "destruction_list", String(id), result: .denied, detail: "goedkeuring geweigerd"), by: user)
            throw .refused(refusal)
        }
        if let refusal = AccessPolicy.destructionApprovalRefusal(for: user, proposedBy: nil) { try refuse(refusal) }
        let found = try read { db in try Self.lists(where: "id = \(id)", in: db).first }
        guard let proposal = found, proposal.status == .proposed else {
            throw .refused(found == nil ? "Er is geen vernietigingslijst \(id)."
                : "Lijst \(id) wacht niet op goedkeuring: zij is \(found?.status.rawValue ?? "").")
        }
        if let refusal = AccessPolicy.destructionApprovalRefusal(for: user, proposedBy: proposal.proposedBy) { try refuse(refusal) }
        try requireConfirmed(rules)
        try audited(by: user) { db in
            // Another procesmanager may have approved it, or the beheerder replaced it, since it was read.
            guard try String.fetchOne(db, sql: "SELECT status FROM destruction_list WHERE id = ?", arguments: [id]) == "voorgesteld" else {
                throw StoreFailure.refused("Lijst \(id) is zojuist goedgekeurd of vervangen; laad de vernietigingslijst opnieuw (Ctrl-R).")
            }
            // What was reopened since the proposal (or whose case was) is no longer due: it drops out.
            let stillDue = Set(try Self.dueEntries(under: rules, today: today, in: db).map { DueKey($0.due.record, $0.clockID) })
            var dropped = 0
            for row in try Row.fetchAll(db, sql: "SELECT subject_type, subject_id, clock_id FROM destruction_item WHERE list_id = ?",
                                        arguments: [id]) {
                let record = Self.record(type: row["subject_type"], id: row["subject_id"])
                let clockID: Int64? = row["clock_id"]
                guard !stillDue.contains(DueKey(record, clockID)) else { continue }
                dropped += 1
                try db.execute(sql: "UPDATE destruction_item SET dropped_reason = ? WHERE list_id = ? AND subject_type = ? AND subject_id = ?",
                               arguments: [try Self.dropReason(clockID: clockID, today: today, in: db), id, row["subject_type"] as String,
                                           row["subject_id"] as Int64])
            }
            try db.execute(sql: "UPDATE destruction_list SET status = 'goedgekeurd', approved_by = ?, approved_on = ? WHERE id = ?",
                           arguments: [user.login, today.iso, id])
            return ((), AuditRecord(.update, "destruction_list", String(id), detail: "goedgekeurd; \(dropped) vervallen"))
        }
        try carryOut(id, today: today, by: user)
        _ = try clearDestroyedBytes()
        return try list(id)
    }

    /// Destroys what an approved list still holds (after a crash or a full disk during approval),
    /// and clears the bytes. For a beheerder or a procesmanager.
    public func finishDestruction(today: CivilDate, by user: User) throws(StoreFailure) -> (lists: [DestructionList], bytesCleared: Bool) {
        guard AccessPolicy.canKeepRetention(user) else {
            try audit(AuditRecord(.update, "destruction_list", result: .denied, detail: "uitvoeren"), by: user)
            throw .noAccess
        }
        let unfinished = try read { db in try Self.lists(where: "status = 'goedgekeurd'", in: db) }.filter(\.isUnfinished)
        for list in unfinished { try carryOut(list.id, today: today, by: user) }
        let cleared = try clearDestroyedBytes()
        return (try unfinished.map { (list) throws(StoreFailure) in try self.list(list.id) }, cleared)
    }

    /// The approved lists with a record not yet destroyed (for `schakel doctor`; no content).
    public func unfinishedDestructionLists() throws(StoreFailure) -> [Int64] {
        try read { db in
            try Int64.fetchAll(db, sql: """
                SELECT DISTINCT l.id FROM destruction_list l JOIN destruction_item i ON i.list_id = l.id
                WHERE l.status = 'goedgekeurd' AND i.destroyed_on IS NULL AND i.dropped_reason IS NULL ORDER BY l.id
                """)
        }
    }

    /// One transaction per record: what one destroyed stays destroyed if the next fails.
    private func carryOut(_ id: Int64, today: CivilDate, by user: User) throws(StoreFailure) {
        guard let approved = try read({ db in try Self.lists(where: "id = \(id)", in: db).first }), approved.status == .approved else { return }
        let account = "lijst \(id), voorgesteld door \(approved.proposedBy), goedgekeurd door \(approved.approvedBy ?? user.login)"
        for item in approved.items where item.state == .waiting {
            let (type, subjectID) = Self.subject(of: item.due.record)
            let rule = "termijn ‘\(item.due.rule.label)’, \(item.due.rule.months) maanden"
            let key: StatementArguments = [id, type, subjectID]
            try write { db in
                // Another process (an approval and `uitvoeren` at once) may have done this one meanwhile.
                let waiting = "list_id = ? AND subject_type = ? AND subject_id = ? AND destroyed_on IS NULL AND dropped_reason IS NULL"
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM destruction_item WHERE \(waiting))", arguments: key) == true else { return }
                let approver = try Int64.fetchOne(db, sql: "SELECT id FROM app_user WHERE login = ?", arguments: [approved.approvedBy ?? user.login])
                try RecordDestruction(db: db, account: "\(rule); \(account)", approverID: approver, moment: now())
                    .destroy(item.due.record, code: item.due.code)
                try db.execute(sql: "UPDATE destruction_item SET destroyed_on = ? WHERE \(waiting)", arguments: StatementArguments([today.iso]) + key)
                try AuditLog.append(AuditRecord(.destroy, type, String(subjectID), detail: "\(item.due.code): \(rule); \(account)"),
                                    actor: user.login, origin: origin, at: now(), in: db)
            }
        }
    }

    /// Leaves no destroyed text in the search indexes' old segments or in the WAL: the three
    /// indexes are merged anew (their deleted entries dropped, the freed pages zeroed by
    /// `secure_delete`), and the WAL is copied in and cut to nothing. False when another session's
    /// read kept the WAL from being cut: `schakel bewaren uitvoeren` tries again.
    public func clearDestroyedBytes() throws(StoreFailure) -> Bool {
        try write { db in
            for index in ["signal_fts", "timeline_fts", "person_fts"] {
                try db.execute(sql: "INSERT INTO \(index)(\(index)) VALUES ('optimize')")
            }
        }
        do {
            return try pool.writeWithoutTransaction { db in
                let result = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                return (result?[0] as Int?) == 0
            }
        } catch {
            throw StoreErrors.translate(error, path: path)
        }
    }

    private func requireConfirmed(_ rules: RetentionRules) throws(StoreFailure) {
        guard try retentionRulesConfirmed(rules) else {
            throw .refused("De bewaartermijnen zijn nog niet bevestigd ('schakel bewaren bevestig'); zonder vastgestelde termijnen "
                + "wordt niets vernietigd.")
        }
    }

    private func list(_ id: Int64) throws(StoreFailure) -> DestructionList {
        guard let list = try read({ db in try Self.lists(where: "id = \(id)", in: db).first }) else { throw .noAccess }
        return list
    }

    /// Lists matching `condition` (built here, never from input), newest first, with their items.
    static func lists(where condition: String, in db: Database) throws -> [DestructionList] {
        try Row.fetchAll(db, sql: "SELECT * FROM destruction_list WHERE \(condition) ORDER BY id DESC").map { row in
            let id: Int64 = row["id"]
            let items = try Row.fetchAll(db, sql: "SELECT * FROM destruction_item WHERE list_id = ? ORDER BY closed_on, code", arguments: [id])
                .map { item -> DestructionItem in
                    let outcome = RetentionOutcome(rawValue: item["outcome"]) ?? .minutes
                    let rule = RetentionRule(outcome: outcome, label: item["rule_label"], workflow: nil, state: nil, months: item["months"])
                    let due = RetentionDue(record: record(type: item["subject_type"], id: item["subject_id"]), code: item["code"],
                                           closedOn: CivilDate(iso: item["closed_on"]) ?? CivilDate(daysSinceEpoch: 0), rule: rule)
                    let state: DestructionItem.State = if let day: String = item["destroyed_on"], let on = CivilDate(iso: day) {
                        .destroyed(on: on)
                    } else if let reason: String = item["dropped_reason"] {
                        .droppedOut(reason: reason)
                    } else {
                        .waiting
                    }
                    return DestructionItem(due: due, state: state)
                }
            return DestructionList(id: id, proposedBy: row["proposed_by"], proposedOn: CivilDate(iso: row["proposed_on"]) ?? CivilDate(daysSinceEpoch: 0),
                                   status: DestructionList.Status(rawValue: row["status"]) ?? .replaced, approvedBy: row["approved_by"],
                                   approvedOn: (row["approved_on"] as String?).flatMap(CivilDate.init(iso:)), items: items)
        }
    }

    private static func dropReason(clockID: Int64?, today: CivilDate, in db: Database) throws -> String {
        if let clockID, let stopped = try String.fetchOne(db, sql: "SELECT stopped_on FROM retention_clock WHERE id = ?", arguments: [clockID]),
           let day = CivilDate(iso: stopped) {
            return "heropend op \(day.dutch)"
        }
        return "niet meer over de termijn"
    }

    static func subject(of record: RetentionDue.Record) -> (type: String, id: Int64) {
        switch record {
        case .signal(let id): ("signal", id)
        case .kmtCase(let id): ("case", id)
        case .meeting(let id): ("meeting", id)
        }
    }

    static func record(type: String, id: Int64) -> RetentionDue.Record {
        switch type {
        case "case": .kmtCase(id)
        case "meeting": .meeting(id)
        default: .signal(id)
        }
    }
}

/// A record as due under one clock: a record reopened and closed again is due under a new one.
private struct DueKey: Hashable {
    let record: RetentionDue.Record
    let clockID: Int64?
    init(_ record: RetentionDue.Record, _ clockID: Int64?) {
        self.record = record
        self.clockID = clockID
    }
}
