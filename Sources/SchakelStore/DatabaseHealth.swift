import GRDB
import SchakelCore

/// What a database says about its own health: used by `doctor` and to verify every backup.
public struct DatabaseHealth: Equatable, Sendable {
    /// SQLite's `integrity_check`: empty when the file is sound.
    public let integrityProblems: [String]
    public let audit: AuditVerification
    public let activeAdministrators: Int
    public let isDemo: Bool

    public var isSound: Bool { problems.isEmpty }

    /// What is wrong, in Dutch: the file's integrity, then the audit chain.
    public var problems: [String] {
        integrityProblems.map { "integriteit: \($0)" }
            + audit.problems.map { problem in "auditlog: " + (problem.entry.map { "regel \($0): " } ?? "") + problem.reason }
    }
}

extension Store {
    public func health() throws(StoreFailure) -> DatabaseHealth {
        let (integrity, administrators) = try read { db in
            let rows = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let administrators = try Int.fetchOne(db, sql: "SELECT count(*) FROM app_user WHERE role = ? AND active",
                                                  arguments: [Role.administrator.rawValue]) ?? 0
            return (rows == ["ok"] ? [] : rows, administrators)
        }
        return DatabaseHealth(integrityProblems: integrity, audit: try verifyAuditLog(), activeAdministrators: administrators,
                              isDemo: try isDemo())
    }
}
