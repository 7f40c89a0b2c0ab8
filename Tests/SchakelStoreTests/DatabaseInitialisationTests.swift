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
