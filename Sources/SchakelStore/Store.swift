import Foundation
import GRDB
import SchakelCore
import Synchronization

/// The one owner of a Schakel database. Each method is one transaction and applies the access
/// policy for the acting user itself. Many processes (one per SSH login) share one file: WAL,
/// a busy timeout, immediate write transactions.
public final class Store: Sendable {
    let pool: DatabasePool
    public let path: String
    /// Where this process's session comes from, recorded with every audit entry.
    public let origin: SessionOrigin
    /// The moment of an audit entry or a write; injected by tests.
    let now: @Sendable () -> Date
    /// Opened read-only (the file may not be written by this user): nothing can be saved, and
    /// nothing that must be audited can be shown.
    public let isReadOnly: Bool
    /// Writers of all processes take turns, in the order they came.
    private let writeTurn: WriteTurn
    /// Writes by this Store, for checkpointing now and then.
    private let writes = Atomic<Int>(0)
    /// The last year's figures protected, with what they were protected from: moving between the
    /// periods and areas of one year does not search again while nothing has changed.
    let lastPublisher = Mutex<(key: FigurePublisherKey, publisher: FigurePublisher)?>(nil)
    /// The same for the activities' grid, keyed by their counts and the threshold.
    let lastActivityPublisher = Mutex<(leaves: ActivityLeaves, threshold: Int, publisher: FigurePublisher)?>(nil)
    let lastConsultPublisher = Mutex<(leaves: ConsultLeaves, threshold: Int, publisher: FigurePublisher)?>(nil)

    private init(pool: DatabasePool, path: String, origin: SessionOrigin, now: @escaping @Sendable () -> Date, isReadOnly: Bool) {
        writeTurn = WriteTurn(databasePath: path, timeout: .milliseconds(Self.busyTimeoutMilliseconds))
        self.pool = pool
        self.path = path
        self.origin = origin
        self.now = now
        self.isReadOnly = isReadOnly
    }

    /// Opens an existing Schakel database, bringing an older schema up to date.
    /// Refuses, with a Dutch reason, a missing, unreadable, non-SQLite, foreign or newer file.
    /// A file this user may not write is opened read-only (see `isReadOnly`).
    public static func open(path: String, origin: SessionOrigin = .local, readOnly: Bool? = nil,
                            now: @escaping @Sendable () -> Date = { Date() }) throws(StoreFailure) -> Store {
        try FileCheck.requireReadableDatabaseFile(at: path)
        let readOnly = readOnly ?? !FileCheck.isWritable(path)
        if readOnly {
            let store = try connect(path: path, origin: origin, now: now, readOnly: true)
            try store.requireCurrentSchema()
            return store
        }
        return try connectAndMigrate(path: path, origin: origin, now: now, allowEmpty: false)
    }

    /// A read-only database cannot be brought up to date, so it must already be.
    private func requireCurrentSchema() throws(StoreFailure) {
        try requireSchakelSchema(allowEmpty: false)
        let current = try read { db in try Schema.migrator.hasCompletedMigrations(db) }
        if !current {
            throw .other("De database \(path) is alleen-lezen en moet eerst door een beheerder worden bijgewerkt.")
        }
    }

    /// Creates a new, empty Schakel database at `path`, which must not exist yet.
    public static func create(path: String, origin: SessionOrigin = .local,
                              now: @escaping @Sendable () -> Date = { Date() }) throws(StoreFailure) -> Store {
        guard !FileManager.default.fileExists(atPath: path) else { throw .other("\(path) bestaat al") }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .other("map \(directory) kan niet worden gemaakt: \(error.localizedDescription)")
            }
        }
        return try connectAndMigrate(path: path, origin: origin, now: now, allowEmpty: true)
    }

    private static func connect(path: String, origin: SessionOrigin, now: @escaping @Sendable () -> Date,
                                readOnly: Bool = false) throws(StoreFailure) -> Store {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .callback(Self.waitForTheLock)
        // GRDB 7 opens every write of a DatabasePool with BEGIN IMMEDIATE.
        do {
            let pool = try DatabasePool(path: readOnly ? FileCheck.readOnlyLocation(path) : path, configuration: configuration)
            // An acknowledged write survives a power loss: every commit syncs the WAL. Set on the
            // writer after the pool is open, because GRDB's WAL set-up puts NORMAL there after
            // `prepareDatabase` has run.
            // Checkpoints are run by `write` after its turn, not inside a commit (see there).
            // What is deleted or overwritten is overwritten with zeros, not left in free space: a
            // draft thrown away, a destroyed record (see `RecordDestruction`).
            if !readOnly {
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0; PRAGMA secure_delete = ON")
                }
            }
            return Store(pool: pool, path: path, origin: origin, now: now, isReadOnly: readOnly)
        } catch {
            throw StoreErrors.translate(error, path: path)
        }
    }

    /// How long a write waits for other processes' writes before giving up with "busy".
    static let busyTimeoutMilliseconds = 10_000

    /// Behind a lock other than the turn (another program writing, a checkpoint, a recovery):
    /// try again every millisecond, where SQLite's own timeout backs off to sleeps of 100 ms.
    @Sendable private static func waitForTheLock(tries: Int) -> Bool {
        guard tries < busyTimeoutMilliseconds else { return false }
        usleep(1000)
        return true
    }

    private func requireSchakelSchema(allowEmpty: Bool) throws(StoreFailure) {
        let migrator = Schema.migrator
        let verdict: StoreFailure? = try read { db in
            let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            if applicationID != Schema.applicationID {
                // GRDB makes its bookkeeping table before the first migration: that alone is still empty.
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name <> 'grdb_migrations'") ?? 0
                return allowEmpty && tables == 0 ? nil : .notASchakelDatabase(path: path)
            }
            return try migrator.hasBeenSuperseded(db) ? .newerSchema(path: path) : nil
        }
        if let verdict { throw verdict }
    }

    /// Opens the database at `path`, creating it (or filling an empty file) when needed. Safe when
    /// several processes start on a new file at once: each migration is applied exactly once.
    public static func openOrCreate(path: String, origin: SessionOrigin = .local,
                                    now: @escaping @Sendable () -> Date = { Date() }) throws(StoreFailure) -> Store {
        if FileManager.default.fileExists(atPath: path) {
            try FileCheck.requireReadableDatabaseFile(at: path, allowEmpty: true)
        }
        return try connectAndMigrate(path: path, origin: origin, now: now, allowEmpty: true)
    }

    /// Connects, checks that the file is Schakel's (or empty, when allowed) and applies the
    /// migrations not yet applied. An existing, up-to-date file (nearly always) is only read: no
    /// lock, no write, so opening never waits for another process. A new or outdated file is
    /// connected and migrated while holding a lock file beside the database, so that processes
    /// starting together take turns: SQLite may answer "busy" without waiting while another
    /// connection turns a new file to WAL, and GRDB decides what to migrate before it takes the
    /// write lock.
    private static func connectAndMigrate(path: String, origin: SessionOrigin, now: @escaping @Sendable () -> Date,
                                          allowEmpty: Bool) throws(StoreFailure) -> Store {
        if isNonEmptyFile(path) {
            // Not SQLite at all: said at once, without leaving a lock file beside someone's file.
            let store = try connect(path: path, origin: origin, now: now)
            // Anything else not in order (another process may be creating it right now) is looked
            // at again under the lock.
            if (try? store.requireSchakelSchema(allowEmpty: allowEmpty)) != nil,
               (try? store.read({ db in try Schema.migrator.hasCompletedMigrations(db) })) == true {
                return store
            }
        }
        let lock = MigrationLock(databasePath: path)
        do {
            try lock.acquire()
        } catch {
            throw StoreErrors.translate(error, path: path)
        }
        defer { lock.release() }
        let store = try connect(path: path, origin: origin, now: now)
        try store.requireSchakelSchema(allowEmpty: allowEmpty)
        do {
            try Schema.migrator.migrate(store.pool)
        } catch {
            throw StoreErrors.translate(error, path: path)
        }
        return store
    }

    private static func isNonEmptyFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_size > 0
    }

    /// The names of the migrations applied, in order.
    public func appliedMigrations() throws(StoreFailure) -> [String] {
        try read { db in try Schema.migrator.appliedMigrations(db) }
    }

    /// Runs a read, translating database errors into `StoreFailure`.
    func read<T>(_ body: (Database) throws -> T) throws(StoreFailure) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreErrors.translate(error, path: path)
        }
    }

    /// Runs one immediate write transaction, translating database errors into `StoreFailure`.
    /// Waits for this process's turn first (see `WriteTurn`), and holds it only for the transaction.
    func write<T>(_ body: (Database) throws -> T) throws(StoreFailure) -> T {
        if isReadOnly { throw .readOnly(path: path) }
        let result = try writeTurn.run { () throws(StoreFailure) -> T in
            do {
                return try pool.write(body)
            } catch {
                throw StoreErrors.translate(error, path: path)
            }
        }
        checkpointNowAndThen()
        return result
    }

    /// Writes between checkpoints by one Store.
    static let writesPerCheckpoint = 32

    /// Copies the WAL into the database now and then, after the turn is given back: a checkpoint
    /// inside a commit (SQLite's automatic one) keeps every other writer waiting while it syncs.
    /// Passive: it never waits for, nor holds up, anyone. Failing is harmless: the next one does it.
    private func checkpointNowAndThen() {
        guard writes.add(1, ordering: .relaxed).newValue % Self.writesPerCheckpoint == 0 else { return }
        try? pool.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
    }

    /// Runs one write transaction that also records its audit entry. The audit entry the body
    /// returns is committed together with the body's writes, or not at all.
    func audited<T>(by user: User, _ body: (Database) throws -> (T, AuditRecord)) throws(StoreFailure) -> T {
        try audited(byLogin: user.login, body)
    }

    /// The same, for an actor that is not a user of the database (the intake service).
    func audited<T>(byLogin actor: String, _ body: (Database) throws -> (T, AuditRecord)) throws(StoreFailure) -> T {
        try write { db in
            let (value, record) = try body(db)
            try AuditLog.append(record, actor: actor, origin: origin, at: now(), in: db)
            return value
        }
    }

    /// Records an access that changed nothing else (a denial, a list).
    func audit(_ record: AuditRecord, by user: User) throws(StoreFailure) {
        try audited(by: user) { _ in ((), record) }
    }

    /// A read, audited by the rule of the audit log:
    /// - What a person asked for is logged (`.asked`): opening a list or a further page of it, a
    ///   detail, an agenda, a timeline, a search, figures, an export — and so is every refusal of it,
    ///   as `denied` when it exists but is not theirs to see, `not_found` only when it does not exist.
    /// - What is shown again without anyone asking (`.refresh`: a colleague's process committed, the
    ///   day changed, the screen was redrawn) is not a new access: it shows what the person already
    ///   opened, whose opening was logged. It writes nothing at all, not even a refusal, so an idle
    ///   session never commits, and never wakes the other sessions (which poll for commits).
    func readAudited<T>(_ occasion: ReadOccasion, by user: User,
                        _ body: (Database) throws -> (T, AuditRecord)) throws(StoreFailure) -> T {
        switch occasion {
        case .asked: return try audited(by: user, body)
        case .refresh: return try read { db in try body(db).0 }
        }
    }

    /// A refusal of a read, logged by the same rule: only when a person asked.
    func auditRefusal(_ record: AuditRecord, _ occasion: ReadOccasion, by user: User) throws(StoreFailure) {
        if occasion == .asked { try audit(record, by: user) }
    }

    /// A value stored in the settings table.
    func setting(_ key: String) throws(StoreFailure) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }
}

/// Checks made on the file before SQLite sees it, so the message names the real problem.
enum FileCheck {
    /// Where SQLite should open a file read-only. When the journal files cannot be made beside it,
    /// the file is opened as immutable: read as it is, which is right for a copy nobody writes.
    static func readOnlyLocation(_ path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        guard access(directory.isEmpty ? "." : directory, W_OK) != 0,
              !FileManager.default.fileExists(atPath: path + "-shm") else { return path }
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))
        let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return "file:\(escaped)?immutable=1"
    }

    /// Whether this process may write the file and create the journal files beside it.
    static func isWritable(_ path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) == 0 && access(directory.isEmpty ? "." : directory, W_OK) == 0
    }

    /// Without opening the file: POSIX locks belong to the process, and closing any descriptor of
    /// the file drops all of them, including those of a Store this process already has open on it
    /// (another process would then take itself for the last one and delete the WAL in use).
    /// Whether the content is SQLite at all, SQLite says on its first read (`notADatabase`).
    static func requireReadableDatabaseFile(at path: String, allowEmpty: Bool = false) throws(StoreFailure) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw errno == ENOENT ? .missing(path: path) : .unreadable(path: path) }
        guard info.st_mode & S_IFMT == S_IFREG, access(path, R_OK) == 0 else { throw .unreadable(path: path) }
        if info.st_size == 0 {
            if allowEmpty { return }
            throw .notASchakelDatabase(path: path)
        }
    }
}

enum StoreErrors {
    static func translate(_ error: any Error, path: String) -> StoreFailure {
        if let failure = error as? StoreFailure { return failure }
        guard let dbError = error as? DatabaseError else { return .other(String(describing: error)) }
        switch dbError.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy
        case .SQLITE_FULL: return .diskFull
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM: return .unreadable(path: path)
        default: return .other(dbError.message ?? dbError.description)
        }
    }
}

extension Store {
    /// The `detail` lines of SQLite's `EXPLAIN QUERY PLAN` for a query: how it will find its rows.
    func queryPlan(sql: String, arguments: StatementArguments) throws(StoreFailure) -> [String] {
        try read { db in
            // EXPLAIN reads no table, so it would plan against a schema the connection cached before a
            // change; reading the schema table first brings it up to date.
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] }
        }
    }
}
