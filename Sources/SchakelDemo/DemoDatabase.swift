import Foundation
import Glibc
import Meldroute
import SchakelCore
import SchakelStore

/// The demo database: fictional content made here and stored through `Store.importing`.
public enum DemoDatabase {
    /// The AF the demo opens as unless another login is asked for.
    public static let demoLogin = DemoDataset.demoLogin

    private static func openExisting(path: String, origin: SessionOrigin, now: @escaping @Sendable () -> Date) throws(StoreFailure) -> Store {
        let store = try Store.open(path: path, origin: origin, now: now)
        guard try store.isDemo() else { throw .notADemoDatabase(path: path) }
        return store
    }

    /// Opens the demo database at `path`, creating and filling it first when it does not exist.
    /// An existing file that is not a demo database is refused, never overwritten. With
    /// `workflows`, every signal gets the route history that leads to its state, and the demo has
    /// KMT cases, meetings (from `meetingSeries`) and agreements too; `directory` is the shipped sociale kaart,
    /// to which the demo adds fictional contact persons. `now` is the moment the store dates what
    /// it writes from then on (a demo on a fixed day passes that day's clock).
    public static func open(path: String, today: LocalDateTime, calendar: WorkingDayCalendar, workflows: Workflows? = nil,
                            meetingSeries: [MeetingSeriesDefinition] = [], directory: ShippedDirectory? = nil,
                            origin: SessionOrigin = .local,
                            now: @escaping @Sendable () -> Date = { Date() }) throws(StoreFailure) -> (store: Store, created: Bool) {
        if FileManager.default.fileExists(atPath: path) { return (try openExisting(path: path, origin: origin, now: now), false) }
        // Built aside and moved into place in one step, so that a second process starting the demo
        // at the same moment never sees it half-filled: it finds either no file or a whole demo.
        let building = path + ".wordt-gemaakt-\(getpid())"
        defer {
            for suffix in ["", "-wal", "-shm", "-migratie.lock", "-schrijven.lock"] {
                try? FileManager.default.removeItem(atPath: building + suffix)
            }
        }
        let draft = try Store.create(path: building, origin: origin)
        let dataset = DemoDataset.make(today: today, calendar: calendar)
        // Exports from the screen go beside the demo database, into a folder only its owner reads.
        let exportFolder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().appendingPathComponent("export").path
        do {
            try FileManager.default.createDirectory(atPath: exportFolder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .other("de exportmap \(exportFolder) kan niet worden gemaakt: \(error.localizedDescription)")
        }
        try draft.importing { importer in
            try dataset.insert(into: importer)
            try importer.setExportFolder(exportFolder)
            if let directory { try importer.addShippedDirectory(directory) }
            if let workflows {
                var history = DemoHistory(workflows: workflows, today: today, calendar: calendar, meetingSeries: meetingSeries)
                try history.add(into: importer)
                if let consult = workflows.consult {
                    try DemoConsults(engine: consult, today: today, calendar: calendar).add(into: importer)
                }
            }
        }
        try draft.checkpointAndClose()
        // link() refuses to replace: whoever links first made the demo; the other opens it.
        if link(building, path) != 0 {
            guard errno == EEXIST else { throw .other("\(path) kan niet worden gemaakt: \(String(cString: strerror(errno)))") }
            return (try openExisting(path: path, origin: origin, now: now), false)
        }
        return (try Store.open(path: path, origin: origin, now: now), true)
    }
}

extension DemoDataset {
    /// Everything, and the mark that makes the database a demo.
    func insert(into importer: BulkImport) throws {
        for user in users { try importer.addUser(user) }
        for signal in signals { try importer.addSignal(signal.signal, state: signal.state) }
        for activity in activities {
            let day = min(activity.entry.date, today.date)
            try importer.addActivity(activity.entry, registeredBy: activity.registeredBy, at: LocalDateTime(date: day, hour: 16, minute: 30))
        }
        try importer.markAsDemo()
    }
}
