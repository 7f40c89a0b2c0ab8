import Foundation
import GRDB
import Testing

/// Several real processes on one database file, as a dozen SSH logins would be.
@Suite(.serialized) struct MultiProcessStoreTests {
    func demoDatabase() throws -> String {
        let path = try Binary.temporaryDirectory().appendingPathComponent("gedeeld.sqlite").path
        let made = try Spawn.run([Binary.path, "demo", "--db", path, "--vandaag", "2026-11-24", "--alleen-aanmaken"])
        #expect(made.status == 0, "\(made.errors)")
        return path
    }

    func acknowledgedNotes(_ output: String) -> [Int64] {
        output.split(separator: "\n").compactMap { line in line.hasPrefix("ok ") ? Int64(line.dropFirst(3)) : nil }
    }

    @Test func eightProcessesWritingAtOnceLoseNothing() throws {
        let path = try demoDatabase()
        let logins = ["af.enschede", "af.enschede", "af.hengelo", "af.almelo", "pm.kmt", "pm.kmt", "zc.kmt", "af.borne"]
        let children = try logins.enumerated().map { index, login in
            try Spawn.start([Binary.workerPath, "schrijven", path, login, "500", String(index + 1)])
        }
        let results = children.map { $0.wait() }
        for result in results { #expect(result.status == 0, "\(result.errors)") }
        let acknowledged = results.flatMap { acknowledgedNotes($0.output) }
        #expect(acknowledged.count > 8 * 200)

        let queue = try DatabaseQueue(path: path)
        try queue.read { (db: Database) throws -> Void in
            let stored = try Int64.fetchAll(db, sql: "SELECT id FROM timeline_event WHERE kind = 'note' ORDER BY id")
            #expect(Set(stored) == Set(acknowledged))
            #expect(stored.count == acknowledged.count)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            // Logins, reads and notes of all eight chained into one unbroken audit log.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log")! >= 8 + acknowledged.count)
        }
        let check = try Spawn.run([Binary.path, "audit", "controleer", "--db", path])
        #expect(check.status == 0, "\(check.errors)")
    }

    @Test func tenProcessesOpeningANewFileApplyEachMigrationOnce() throws {
        let path = try Binary.temporaryDirectory().appendingPathComponent("nieuw.sqlite").path
        let children = try (0..<10).map { _ in try Spawn.start([Binary.workerPath, "openen", path]) }
        let results = children.map { $0.wait() }
        for result in results {
            #expect(result.status == 0, "\(result.errors)")
            #expect(result.output == "geopend v1-municipalities-users-signals,v2-route-cases-meetings-partners-audit,v3-code-number-indexes,v4-meeting-series-agenda-minutes,v5-agenda-change-marks,v6-social-map,v7-referral-contacts,v8-figure-indexes,v9-case-origins,v10-timeline-person-lines,v11-persons-over-time,v12-retention-clocks,v13-destruction,v14-activities,v15-consults\n")
        }
        let queue = try DatabaseQueue(path: path)
        try queue.read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") == 15)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM municipality") == 14)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
        }
    }

    @Test func aWriterKilledMidWriteLeavesEveryAcknowledgedWrite() throws {
        let path = try demoDatabase()
        let writer = try Spawn.start([Binary.workerPath, "doorschrijven", path, "af.enschede"])
        // Let it acknowledge a good number of writes, then kill it without warning.
        let deadline = Date().addingTimeInterval(60)
        while acknowledgedNotes(writer.outputSoFar).count < 200 && Date() < deadline { usleep(20_000) }
        kill(writer.pid, SIGKILL)
        let result = writer.wait()
        #expect(result.status == 128 + SIGKILL)
        let acknowledged = acknowledgedNotes(result.output)
        #expect(acknowledged.count >= 200)

        let queue = try DatabaseQueue(path: path)
        try queue.read { (db: Database) throws -> Void in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            let stored = Set(try Int64.fetchAll(db, sql: "SELECT id FROM timeline_event WHERE kind = 'note'"))
            #expect(Set(acknowledged).isSubset(of: stored))
            // At most the one write in flight when it died may have committed unacknowledged.
            #expect(stored.count - acknowledged.count <= 1)
        }
        let check = try Spawn.run([Binary.path, "audit", "controleer", "--db", path])
        #expect(check.status == 0, "\(check.errors)")
    }

    @Test func severalDemoStartsAtOnceMakeOneWholeDemo() throws {
        let path = try Binary.temporaryDirectory().appendingPathComponent("samen.sqlite").path
        let children = try (0..<4).map { _ in
            try Spawn.start([Binary.path, "demo", "--db", path, "--vandaag", "2026-11-24", "--alleen-aanmaken"])
        }
        let results = children.map { $0.wait() }
        for result in results { #expect(result.status == 0, "\(result.errors)") }
        #expect(results.filter { $0.output.contains("nieuw aangemaakt") }.count == 1)
        #expect(results.filter { $0.output.contains("hergebruikt") }.count == 3)
        try DatabaseQueue(path: path).read { (db: Database) throws -> Void in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM signal")! > 200)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
            .filter { $0.contains("wordt-gemaakt") }
        #expect(leftovers.isEmpty)
    }

    /// POSIX locks belong to the process: closing any descriptor of the file drops them all. A
    /// second opening in the same process must therefore never open the file outside SQLite, or
    /// another process closing its connection thinks it is the last, checkpoints and deletes the
    /// WAL under the first one's feet (seen as "disk image is malformed" under load).
    @Test func openingTheFileASecondTimeInOneProcessKeepsTheFirstOnesLocks() throws {
        let path = try demoDatabase()
        let holder = try Spawn.start([Binary.workerPath, "tweemaal-openen", path])
        defer { kill(holder.pid, SIGKILL); _ = holder.wait() }
        let deadline = Date().addingTimeInterval(30)
        while !holder.outputSoFar.contains("open") && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(holder.outputSoFar.contains("open"))
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        // Another process opens and closes: it is not the last, so the WAL stays.
        let other = try Spawn.run([Binary.workerPath, "openen", path])
        #expect(other.status == 0, "\(other.errors)")
        #expect(FileManager.default.fileExists(atPath: path + "-wal"), "the WAL was deleted while a process still had it open")
    }

    /// Twenty writers (intakes that open the file anew, and route steps) on a few thousand
    /// signals: nobody gets "busy", and the file and the audit log stay whole.
    @Test func twentyWritersAtOnceGetNoBusyError() throws {
        let path = try Binary.temporaryDirectory().appendingPathComponent("druk.sqlite").path
        let filled = try Spawn.run([Binary.path, "genereer", "--db", path, "--signalen", "3000"])
        #expect(filled.status == 0, "\(filled.errors)")
        let workflows = URL(fileURLWithPath: Binary.resourcePath("workflows")).path
        let writers = try (1...20).map { seed in
            try Spawn.start([Binary.workerPath, "belasten", path, workflows, "3", String(seed)])
        }
        let results = writers.map { $0.wait() }
        let lines = results.flatMap { $0.output.split(separator: "\n") }
        for result in results { #expect(result.status == 0, "\(result.errors)") }
        #expect(lines.filter { $0.hasPrefix("fout") }.isEmpty, "\(lines.filter { $0.hasPrefix("fout") }.prefix(5))")
        #expect(lines.filter { $0.hasPrefix("commit") }.count >= 20)
        let queue = try DatabaseQueue(path: path)
        try queue.read { (db: Database) throws -> Void in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
        }
        let check = try Spawn.run([Binary.path, "audit", "controleer", "--db", path])
        #expect(check.status == 0, "\(check.errors)")
    }
}
