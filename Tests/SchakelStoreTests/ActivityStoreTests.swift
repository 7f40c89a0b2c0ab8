import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore

/// The register of activities in the real store: registered and changed with a version and an
/// audit line, an AF only in their own municipality, held ones counted in the year of their day
/// (a year end between two of them), planned ones listed ahead.
@Suite struct ActivityStoreTests {
    let directory: TemporaryDirectory
    let store: Store
    let hengelo: User
    let pm: User
    static let today = CivilDate(iso: "2026-11-24")!
    static let municipalityHengelo = Municipality.twente.first { $0.name == "Hengelo" }!
    static let almelo = Municipality.twente.first { $0.name == "Almelo" }!

    init() throws {
        directory = try TemporaryDirectory()
        let noon = AmsterdamTime.instant(of: LocalDateTime(date: Self.today, hour: 12, minute: 0))
        store = try Store.initialise(path: directory.path("schakel.sqlite"), administrator: "beheer", displayName: "Beheer",
                                     directory: ShippedDirectory(version: 1, organisations: []), now: { noon })
        let beheer = try store.user(login: "beheer")
        try store.createUser(login: "af.hengelo", displayName: "AF Hengelo", role: .designatedOfficer, municipality: Self.municipalityHengelo,
                             by: beheer)
        try store.createUser(login: "pm.kmt", displayName: "PM", role: .processManager, municipality: nil, by: beheer)
        hengelo = try store.user(login: "af.hengelo")
        pm = try store.user(login: "pm.kmt")
    }

    static func entry(_ kind: String = "voorlichting", in municipality: Municipality?, on day: String, _ status: ActivityStatus = .held,
                      participants: Int? = 25) -> ActivityEntry {
        ActivityEntry(kind: kind, theme: .general, audience: "gemeente", municipality: municipality, date: CivilDate(iso: day)!,
                      givenBy: .designatedOfficer, status: status, participants: status == .held ? participants : nil, note: "")
    }

    func auditLines() throws -> [String] {
        try store.read { db in
            try String.fetchAll(db, sql: """
                SELECT actor || ' ' || action || ' ' || object_id || ' ' || result FROM audit_log WHERE object_type = 'activity' ORDER BY id
                """)
        }
    }

    @Test func anAFRegistersInTheirMunicipalityAndChangesWithTheVersionLoaded() throws {
        let id = try store.saveActivity(Self.entry(in: Self.municipalityHengelo, on: "2026-11-20"), id: nil, version: nil, by: hengelo)
        let ahead = try store.saveActivity(Self.entry("les", in: Self.almelo, on: "2026-12-10", .planned), id: nil, version: nil, by: pm)
        let overdue = try store.saveActivity(Self.entry(in: Self.municipalityHengelo, on: "2026-11-02", .planned), id: nil, version: nil, by: hengelo)
        let list = try store.activities(today: Self.today, for: hengelo, .asked)
        #expect(list.upcoming.map(\.id) == [ahead])
        #expect(list.past.map(\.id) == [id, overdue])
        #expect(list.past.last?.isOverdue(today: Self.today) == true && list.past.first?.registeredBy == "af.hengelo")
        // A change at the version loaded goes through; one at an older version is a conflict and writes nothing.
        let loaded = try #require(list.past.first)
        var changed = loaded.entry
        changed.participants = 27
        try store.saveActivity(changed, id: id, version: loaded.version, by: hengelo)
        changed.participants = 99
        #expect(throws: StoreFailure.self) { try store.saveActivity(changed, id: id, version: loaded.version, by: pm) }
        let again = try store.activities(today: Self.today, for: pm, .asked).all.first { $0.id == id }
        #expect(again?.entry.participants == 27 && again?.version == 2)
        #expect(try auditLines() == ["af.hengelo create \(id) ok", "pm.kmt create \(ahead) ok", "af.hengelo create \(overdue) ok",
                                     "af.hengelo update \(id) ok"])
    }

    @Test func anAFTouchesNoOtherMunicipalitysOrTheRegionsAndEachRefusalIsLogged() throws {
        let almelos = try store.saveActivity(Self.entry(in: Self.almelo, on: "2026-11-20"), id: nil, version: nil, by: pm)
        let regions = try store.saveActivity(Self.entry("campagne", in: nil, on: "2026-10-05", participants: 4000), id: nil, version: nil, by: pm)
        let own = try store.saveActivity(Self.entry(in: Self.municipalityHengelo, on: "2026-11-20"), id: nil, version: nil, by: hengelo)
        // Registering for Almelo, changing Almelo's (even if made Hengelo's), changing the region's.
        #expect(throws: StoreFailure.noAccess) { try store.saveActivity(Self.entry(in: Self.almelo, on: "2026-11-20"), id: nil, version: nil, by: hengelo) }
        #expect(throws: StoreFailure.noAccess) {
            try store.saveActivity(Self.entry(in: Self.municipalityHengelo, on: "2026-11-20"), id: almelos, version: 1, by: hengelo)
        }
        #expect(throws: StoreFailure.noAccess) { try store.saveActivity(Self.entry(in: nil, on: "2026-10-05"), id: regions, version: 1, by: hengelo) }
        // Moving their own to Almelo.
        #expect(throws: StoreFailure.noAccess) { try store.saveActivity(Self.entry(in: Self.almelo, on: "2026-11-20"), id: own, version: 1, by: hengelo) }
        let denied = try auditLines().filter { $0.hasSuffix("denied") }
        #expect(denied == ["af.hengelo create  denied", "af.hengelo update \(almelos) denied", "af.hengelo update \(regions) denied",
                           "af.hengelo update \(own) denied"])
        let rows = try store.read { db in try Row.fetchAll(db, sql: "SELECT municipality_id, version FROM activity ORDER BY id") }
        #expect(rows.map { $0["version"] as Int } == [1, 1, 1])
        // The AF still sees the region's work.
        #expect(Set(try store.activities(today: Self.today, for: hengelo, .asked).all.map(\.id)) == [almelos, regions, own])
        // What the rules refuse is refused in the store too, with the reason.
        #expect(throws: StoreFailure.refused("De activiteit is niet opgeslagen: Een activiteit in de toekomst is nog niet gehouden; zet haar op gepland.")) {
            try store.saveActivity(Self.entry(in: Self.municipalityHengelo, on: "2026-12-01"), id: nil, version: nil, by: hengelo)
        }
    }

    /// Two held on either side of new year, one planned and one called off (neither counted).
    @Test func heldActivitiesCountInTheYearOfTheirDay() throws {
        try store.saveActivity(Self.entry(in: Self.municipalityHengelo, on: "2025-12-31", participants: 12), id: nil, version: nil, by: pm)
        try store.saveActivity(Self.entry("training", in: Self.municipalityHengelo, on: "2026-01-02", participants: 20), id: nil, version: nil, by: pm)
        try store.saveActivity(Self.entry("training", in: nil, on: "2026-01-15", participants: 300), id: nil, version: nil, by: pm)
        try store.saveActivity(Self.entry(in: Self.municipalityHengelo, on: "2026-12-15", .planned), id: nil, version: nil, by: pm)
        try store.saveActivity(Self.entry(in: Self.municipalityHengelo, on: "2026-02-03", .cancelled), id: nil, version: nil, by: pm)
        func counts(_ period: FiguresPeriod, _ area: FiguresArea, _ id: String) throws -> [String: Int]? {
            let figures = try store.signalFigures(period, in: area, for: pm)
            return figures.breakdown(id).map { breakdown in
                Dictionary(uniqueKeysWithValues: breakdown.rows.map { ($0.label, $0.count) } + [("totaal", breakdown.total)])
            }
        }
        #expect(try counts(.year(2026), .region, ActivityLeaves.kindID) == ["training": 2, "totaal": 2])
        #expect(try counts(.year(2026), .region, ActivityLeaves.reachID) == ["training": 320, "totaal": 320])
        #expect(try counts(.year(2026), .municipality(Self.municipalityHengelo), ActivityLeaves.kindID) == ["training": 1, "totaal": 1])
        #expect(try counts(.year(2025), .region, ActivityLeaves.kindID) == ["voorlichting": 1, "totaal": 1])
        #expect(try counts(.month(2026, 2), .region, ActivityLeaves.kindID) == ["totaal": 0])
        // Published, nothing from 1 to 4 leaves (the reach of 320 may: it protects no count).
        let published = try store.signalFigures(.year(2026), in: .region, for: pm)
        #expect(published.publishedBreakdown(ActivityLeaves.kindID)?.total == .small)
        #expect(published.publishedBreakdown(ActivityLeaves.reachID)?.total.value.map { $0 >= 5 } ?? true)
        // A year without any activity held says nothing of them.
        #expect(try store.signalFigures(.year(2024), in: .region, for: pm).breakdown(ActivityLeaves.kindID) == nil)
    }
}
