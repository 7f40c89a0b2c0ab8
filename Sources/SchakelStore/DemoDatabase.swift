import Foundation
import GRDB
import SchakelCore
import Meldroute

extension Store {
    /// The setting that marks a database as demo data.
    static let demoMarker = "demo"
    /// The AF the demo opens as unless another login is asked for.
    public static let demoLogin = DemoDataset.demoLogin

    private static func openExistingDemo(path: String, origin: SessionOrigin,
                                         now: @escaping @Sendable () -> Date) throws(StoreFailure) -> Store {
        let store = try open(path: path, origin: origin, now: now)
        guard try store.setting(demoMarker) == "1" else { throw .notADemoDatabase(path: path) }
        return store
    }

    /// Opens the demo database at `path`, creating and filling it first when it does not exist.
    /// An existing file that is not a demo database is refused, never overwritten.
    /// With `workflows`, every signal gets the route history that leads to its state, and the demo
    /// has KMT cases, partners, meetings and agreements too. `now` is the moment the store dates
    /// what it writes from then on (a demo on a fixed day passes that day's clock).
    public static func openDemo(path: String, today: LocalDateTime, calendar: WorkingDayCalendar,
                                workflows: Workflows? = nil, origin: SessionOrigin = .local,
                                now: @escaping @Sendable () -> Date = { Date() }) throws(StoreFailure) -> (store: Store, created: Bool) {
        if FileManager.default.fileExists(atPath: path) { return (try openExistingDemo(path: path, origin: origin, now: now), false) }
        // Built aside and moved into place in one step, so that a second process starting the demo
        // at the same moment never sees it half-filled: it finds either no file or a whole demo.
        let building = path + ".wordt-gemaakt-\(getpid())"
        defer {
            for suffix in ["", "-wal", "-shm", "-migratie.lock", "-schrijven.lock"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        }
        do {
            let draft = try create(path: building, origin: origin)
            let dataset = DemoDataset.make(today: today, calendar: calendar)
            try draft.write { db in
                try dataset.insert(into: db)
                if let workflows {
                    var history = DemoHistory(workflows: workflows, today: today, calendar: calendar)
                    try history.add(into: db)
                }
            }
            // Everything into the main file before it moves: the journal files stay behind.
            try draft.pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try draft.pool.close()
        } catch let failure as StoreFailure {
            throw failure
        } catch {
            throw StoreErrors.translate(error, path: path)
        }
        // link() refuses to replace: whoever links first made the demo; the other opens it.
        if link(building, path) != 0 {
            guard errno == EEXIST else { throw .other("\(path) kan niet worden gemaakt: \(String(cString: strerror(errno)))") }
            return (try openExistingDemo(path: path, origin: origin, now: now), false)
        }
        return (try open(path: path, origin: origin, now: now), true)
    }
}

extension DemoDataset {
    /// Inserts everything in one transaction, and marks the database as a demo.
    func insert(into db: Database) throws {
        for user in users {
            try db.execute(sql: """
                INSERT INTO app_user (login, display_name, role, municipality_id) VALUES (?, ?, ?, ?)
                """, arguments: [user.login, user.displayName, user.role.rawValue, user.municipality?.id])
        }
        var inserter = try SignalInserter(db: db)
        for signal in signals { try inserter.insert(signal) }
        try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, '1')", arguments: [Store.demoMarker])
    }
}
