import GRDB
import GRDBSQLite
import SchakelCore

/// For the benchmarks only: the same SQL the store runs for a page, through SQLite's C API
/// directly — a statement prepared once, bound, stepped, every column read as its type and
/// nothing decoded. The floor the store's own page is measured against.
@_spi(Benchmarks) extension Store {
    /// The rows of the inbox page `request` for `user`, read raw.
    public func rawInboxPage(_ request: PageRequest, limit: Int, for user: User) throws -> Int {
        guard let query = InboxQuery.make(request, limit: limit, scope: AccessPolicy.signalScope(for: user), userID: user.id)
        else { return 0 }
        return try rawRows(query)
    }

    /// The rows of a timeline page, read raw.
    public func rawTimelinePage(of subject: TimelineSubject, _ request: PageRequest, limit: Int) throws -> Int {
        try rawRows(TimelineQuery.make(subject, kinds: [], request, limit: limit))
    }

    /// The inbox page as the store reads and decodes it, without the audit entry that every page a
    /// person asks for also writes (timed on its own).
    public func inboxPageRead(_ request: PageRequest, limit: Int, for user: User) throws -> Page<SignalSummary> {
        guard let query = InboxQuery.make(request, limit: limit, scope: AccessPolicy.signalScope(for: user), userID: user.id)
        else { return Page(rows: [], hasMore: false) }
        return try read { db in try query.page(in: db, limit: limit, Self.listedSummary(from:)) }
    }

    /// A timeline page as the store reads and decodes it, without the audit entry every page writes.
    public func timelinePageRead(of subject: TimelineSubject, _ request: PageRequest, limit: Int) throws -> Page<TimelineEntry> {
        let query = TimelineQuery.make(subject, kinds: [], request, limit: limit)
        return try read { db in try query.page(in: db, limit: limit) { row in try Self.timelineEntry(from: row, visibility: .full) } }
    }

    /// `count` notes on a signal's timeline in one transaction, a second apart from now on: a long
    /// timeline without ten thousand synced commits.
    public func addNotes(_ count: Int, toSignal id: Int64, by user: User) throws {
        let start = Int64(now().timeIntervalSince1970)
        try write { db in
            let insert = try db.makeStatement(sql: """
                INSERT INTO timeline_event (subject_type, subject_id, kind, text, author_id, occurred_at)
                VALUES ('signal', ?, 'note', ?, ?, ?)
                """)
            for index in 0..<count {
                try insert.execute(arguments: [id, "Regel \(index) van een lange tijdlijn.", user.id,
                                                AmsterdamTime.utcText(epochSeconds: start + Int64(index))])
            }
        }
    }

    private func rawRows(_ query: KeysetQuery) throws -> Int {
        try pool.unsafeRead { db in
            let statement = try db.cachedStatement(sql: query.sql)
            statement.setUncheckedArguments(query.arguments)
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            let columns = sqlite3_column_count(handle)
            var rows = 0
            var bytes = 0
            while sqlite3_step(handle) == SQLITE_ROW {
                rows += 1
                for column in 0..<columns {
                    switch sqlite3_column_type(handle, column) {
                    case SQLITE_INTEGER: bytes &+= Int(truncatingIfNeeded: sqlite3_column_int64(handle, column))
                    case SQLITE_TEXT:
                        _ = sqlite3_column_text(handle, column)
                        bytes &+= Int(sqlite3_column_bytes(handle, column))
                    default: break
                    }
                }
            }
            // Keeps the reads from being optimised away.
            return bytes == Int.min ? 0 : rows
        }
    }
}
