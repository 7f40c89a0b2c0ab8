import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore

/// A real database put into service: owner-only, a first beheerder, the shipped sociale kaart, and
/// users changed only by a beheerder, each change in the audit log.
@Suite struct DatabaseInitialisationTests {
    let directory: TemporaryDirectory
    let store: Store
    let path: String

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("schakel.sqlite")
        store = try Store.initialise(path: path, administrator: "beheer.twente", displayName: "Beheerder Twente",
                                     directory: try Shipped.directory())
    }

    @Test func theFirstBeheerderAndTheSocialMapAreThereAndNoDemoMark() throws {
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        let beheerder = try store.logIn(login: "beheer.twente")
        let isDemo = try store.isDemo(), version = try store.shippedDirectoryVersion(), shipped = try Shipped.directory().version
        #expect(beheerder.role == .administrator && !isDemo && version == shipped)
        #expect(throws: StoreFailure.refused("Een login is 2 tot 32 tekens: kleine letters, cijfers, punt, streepje of liggend streepje.")) {
            try Store.initialise(path: directory.path("b.sqlite"), administrator: "Root User", displayName: "X",
                                 directory: try Shipped.directory())
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path("b.sqlite")))
    }

    @Test func usersAreChangedOnlyByABeheerderAndAudited() throws {
        let beheerder = try store.logIn(login: "beheer.twente")
        try store.createUser(login: "af.almelo", displayName: "AF Almelo", role: .designatedOfficer, municipality: Municipality.twente[0],
                             by: beheerder)
        let af = try store.logIn(login: "af.almelo")
        #expect(throws: StoreFailure.noAccess) { try store.users(by: af) }
        #expect(throws: StoreFailure.noAccess) {
            try store.updateUser(login: "af.almelo", displayName: "X", role: .processManager, municipality: nil, by: af)
        }
        try store.updateUser(login: "af.almelo", displayName: "Procesmanager Twee", role: .processManager, municipality: nil, by: beheerder)
        #expect(try store.logIn(login: "af.almelo").role == .processManager)
        #expect(throws: StoreFailure.unknownUser(login: "niemand")) {
            try store.updateUser(login: "niemand", displayName: "X", role: .processManager, municipality: nil, by: beheerder)
        }
        #expect(try store.users(by: beheerder).map(\.user.login) == ["af.almelo", "beheer.twente"])
        let changes = try store.read { db in
            try String.fetchAll(db, sql: "SELECT action || ' ' || object_type || ' ' || result FROM audit_log WHERE object_type IN ('user', 'database') ORDER BY id")
        }
        #expect(changes.contains("create database ok") && changes.contains("update user ok") && changes.contains("update user denied"))
    }
}

/// What a session shows about itself: the previous login and the idle lock's setting.
@Suite struct SessionSettingsTests {
    @Test func thePreviousLoginIsTheOneBeforeThisSessionsAndTheLockIsABeheerdersSetting() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("schakel.sqlite")
        let clock = Date(timeIntervalSince1970: 1_795_957_320)  // 2026-11-29T13:02:00Z; a day later is ma 30-11, 14:02 in Amsterdam
        var store = try Store.initialise(path: path, administrator: "beheer.twente", displayName: "B", directory: try Shipped.directory(),
                                         now: { clock })
        let beheerder = try store.logIn(login: "beheer.twente")
        #expect(try store.previousLogin(of: "beheer.twente") == nil)
        store = try Store.open(path: path, origin: SessionOrigin(address: "10.1.2.3"), now: { clock.addingTimeInterval(86_400) })
        _ = try store.logIn(login: "beheer.twente")
        store = try Store.open(path: path, now: { clock.addingTimeInterval(2 * 86_400) })
        _ = try store.logIn(login: "beheer.twente")
        let previous = try store.previousLogin(of: "beheer.twente")
        #expect(previous?.dutch == "vorige keer: ma 30-11 14:02 vanaf 10.1.2.3", "\(String(describing: previous))")

        #expect(try store.idleLockMinutes() == 10)
        try store.setIdleLockMinutes(5, by: beheerder)
        #expect(try store.idleLockMinutes() == 5)
        #expect(throws: StoreFailure.refused("Kies tussen 1 en 240 minuten.")) { try store.setIdleLockMinutes(0, by: beheerder) }
    }
}
