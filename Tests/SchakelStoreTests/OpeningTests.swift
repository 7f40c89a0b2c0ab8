import Foundation
import GRDB
import Testing
import TestSupport
import SchakelCore
@testable import SchakelStore
import SchakelDemo
import Meldroute

@Suite struct OpeningTests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    func failure(opening path: String) -> StoreFailure? {
        do {
            _ = try Store.open(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func aMissingFileIsRefused() {
        let path = directory.path("nergens.sqlite")
        #expect(failure(opening: path) == .missing(path: path))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aDirectoryIsRefusedAsUnreadable() {
        #expect(failure(opening: directory.url.path) == .unreadable(path: directory.url.path))
    }

    @Test func aTextFileIsRefusedAsNotSQLite() throws {
        let path = directory.path("notities.txt")
        try "geen database".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(failure(opening: path) == .notADatabase(path: path))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "geen database")
    }

    @Test func anEmptyFileIsRefusedAsNotSchakel() throws {
        let path = directory.path("leeg.sqlite")
        FileManager.default.createFile(atPath: path, contents: Data())
        #expect(failure(opening: path) == .notASchakelDatabase(path: path))
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndLeftAlone() throws {
        let path = directory.path("ander.sqlite")
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        #expect(failure(opening: path) == .notASchakelDatabase(path: path))
        let tables = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master") }
        #expect(tables == ["t"])
    }

    @Test func aDatabaseFromANewerSchakelIsRefused() throws {
        let path = directory.path("nieuw.sqlite")
        _ = try Store.create(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        #expect(failure(opening: path) == .newerSchema(path: path))
    }

    @Test func aCreatedDatabaseOpensAgainWithItsMunicipalities() throws {
        let path = directory.path("schakel.sqlite")
        _ = try Store.create(path: path)
        let store = try Store.open(path: path)
        let count = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM municipality") }
        #expect(count == 14)
    }

    @Test func anUnknownLoginIsRefusedWithItsName() throws {
        let store = try Store.create(path: directory.path("schakel.sqlite"))
        #expect(throws: StoreFailure.unknownUser(login: "onbekend")) { try store.user(login: "onbekend") }
    }

    @Test func aRealDatabaseIsNotTakenForADemo() throws {
        let path = directory.path("echt.sqlite")
        _ = try Store.create(path: path)
        #expect(throws: StoreFailure.notADemoDatabase(path: path)) {
            try DemoDatabase.open(path: path, today: LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 9, minute: 0),
                               calendar: WorkingDayCalendar())
        }
    }

    @Test func everyFailureHasADutchMessageNamingTheFile() {
        let path = "/pad/naar/db.sqlite"
        for failure in [StoreFailure.missing(path: path), .unreadable(path: path), .notADatabase(path: path),
                        .notASchakelDatabase(path: path), .newerSchema(path: path)] {
            #expect(failure.description.contains(path))
        }
    }
}
