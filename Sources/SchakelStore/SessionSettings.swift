import GRDB
import Meldroute
import SchakelCore

extension Store {
    static let idleLockSetting = "idle_lock_minutes"

    /// After how many minutes without a key a session locks itself (default 10).
    public func idleLockMinutes() throws(StoreFailure) -> Int {
        try setting(Self.idleLockSetting).flatMap(Int.init) ?? IdleLock.defaultMinutes
    }

    /// Sets it; only a beheerder may. Audited, the refusal too.
    public func setIdleLockMinutes(_ minutes: Int, by user: User) throws(StoreFailure) {
        guard IdleLock.allowedMinutes.contains(minutes) else {
            throw .refused("Kies tussen \(IdleLock.allowedMinutes.lowerBound) en \(IdleLock.allowedMinutes.upperBound) minuten.")
        }
        try setNumber(minutes, for: Self.idleLockSetting, by: user)
    }

    /// A number kept in the settings table, audited with its new value.
    func setNumber(_ value: Int, for key: String, by user: User) throws(StoreFailure) {
        guard AccessPolicy.canManageSettings(user) else {
            try audit(AuditRecord(.update, "setting", key, result: .denied, detail: String(value)), by: user)
            throw AccessPolicy.settingsRefusal(for: user)
        }
        try audited(by: user) { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, String(value)])
            return ((), AuditRecord(.update, "setting", key, detail: String(value)))
        }
    }

    /// The login before this session's: when (Amsterdam time) and from where. Call it after
    /// `logIn`, which records the current one.
    public func previousLogin(of login: String) throws(StoreFailure) -> PreviousLogin? {
        let row = try read { db in
            try Row.fetchOne(db, sql: """
                SELECT at, origin FROM audit_log WHERE action = 'login' AND actor = ? AND result = 'ok'
                ORDER BY id DESC LIMIT 1 OFFSET 1
                """, arguments: [login])
        }
        guard let row, let at = AmsterdamTime.localTime(fromUTC: row["at"]) else { return nil }
        return PreviousLogin(at: at, origin: row["origin"])
    }
}
