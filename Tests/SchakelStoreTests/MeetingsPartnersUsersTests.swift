import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

@Suite struct MeetingsPartnersUsersTests {
    let directory: TemporaryDirectory
    let store: Store
    let users: [String: User]
    let enschedeSignal: Int64, hengeloSignal: Int64

    init() throws {
        directory = try TemporaryDirectory()
        let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        store = try DemoDatabase.open(path: directory.path("meet.sqlite"), today: today, calendar: WorkingDayCalendar()).store
        var users: [String: User] = [:]
        for login in ["af.enschede", "af.hengelo", "pm.kmt", "zc.kmt", "po.kmt", "beheer"] { users[login] = try store.user(login: login) }
        self.users = users
        (enschedeSignal, hengeloSignal) = try store.read { db in
            (try Int64.fetchOne(db, sql: "SELECT min(id) FROM signal WHERE municipality_id = 4")!,
             try Int64.fetchOne(db, sql: "SELECT min(id) FROM signal WHERE municipality_id = 7")!)
        }
    }

    func user(_ login: String) -> User { users[login]! }
    func at(_ day: String) -> LocalDateTime { LocalDateTime(date: CivilDate(iso: day)!, hour: 14, minute: 0) }

    @Test func meetingsAndAgendasFollowNeedToKnow() throws {
        let enschede = Municipality.twente[3]
        let local = try store.planMeeting(kind: .localUnderminingMeeting, title: "Lokaal ondermijningsoverleg december",
                                          startsAt: at("2026-12-08"), location: "Stadhuis", municipality: enschede, by: user("af.enschede"))
        let table = try store.planMeeting(kind: .casustafel, title: "Casustafel Q4", startsAt: at("2026-12-10"), location: "RIEC",
                                          municipality: nil, by: user("pm.kmt"))
        let perpetrators = try store.planMeeting(kind: .dadertafel, title: "Dadertafel", startsAt: at("2026-12-15"), location: "ZVHT",
                                                 municipality: nil, by: user("pm.kmt"))
        // The dadertafel is for procesmanagers only: its supporter does not plan it either.
        #expect(throws: StoreFailure.noAccess) {
            try store.planMeeting(kind: .dadertafel, title: "x", startsAt: at("2026-12-01"), location: "", municipality: nil, by: user("po.kmt"))
        }
        #expect(throws: StoreFailure.noAccess) {
            try store.planMeeting(kind: .dadertafel, title: "x", startsAt: at("2026-12-01"), location: "", municipality: nil, by: user("zc.kmt"))
        }
        #expect(throws: StoreFailure.noAccess) {
            try store.planMeeting(kind: .localUnderminingMeeting, title: "x", startsAt: at("2026-12-01"), location: "",
                                  municipality: enschede, by: user("af.hengelo"))
        }
        try store.addAgendaItem(toMeeting: table, title: "Signaal uitbuiting Enschede", about: .signal(enschedeSignal), by: user("pm.kmt"))
        try store.addAgendaItem(toMeeting: table, title: "Signaal Hengelo", about: .signal(hengeloSignal), by: user("pm.kmt"))
        try store.addAgendaItem(toMeeting: table, title: "Trends", about: nil, by: user("pm.kmt"))
        try store.addAgendaItem(toMeeting: perpetrators, title: "Daderaanpak Hengelo", about: .signal(hengeloSignal), by: user("pm.kmt"))

        func titles(_ login: String) throws -> [String] { try store.meetingPage(.first, limit: 10, for: user(login)).rows.map(\.title) }
        #expect(try titles("pm.kmt") == ["Lokaal ondermijningsoverleg december", "Casustafel Q4", "Dadertafel"])
        #expect(try titles("zc.kmt") == ["Casustafel Q4"])
        #expect(try titles("af.enschede") == ["Lokaal ondermijningsoverleg december", "Casustafel Q4"])
        #expect(try titles("af.hengelo") == ["Casustafel Q4"])
        #expect(try titles("beheer") == [])

        // The casustafel's agenda: Enschede's AF sees its own signal by code only (a regional table) and the general item.
        let code = try store.read { db in try String.fetchOne(db, sql: "SELECT code FROM signal WHERE id = ?", arguments: [enschedeSignal])! }
        #expect(try store.agenda(ofMeeting: table, for: user("af.enschede")).map(\.title) == ["Bespreking \(code)", "Trends"])
        #expect(try store.agenda(ofMeeting: table, for: user("pm.kmt")).map(\.title)
                == ["Signaal uitbuiting Enschede", "Signaal Hengelo", "Trends"])
        #expect(try store.agenda(ofMeeting: table, for: user("po.kmt")).allSatisfy { $0.notes.isEmpty && $0.question.isEmpty })
        #expect(throws: StoreFailure.noAccess) { try store.agenda(ofMeeting: perpetrators, for: user("po.kmt")) }
        #expect(throws: StoreFailure.noAccess) { try store.agenda(ofMeeting: perpetrators, for: user("zc.kmt")) }
        // Putting a signal on the agenda shows on its timeline.
        let lines = try store.timelinePage(of: .signal(enschedeSignal), kinds: [.meeting], .first, limit: 5, for: user("af.enschede"))
        #expect(lines.rows.map(\.text) == ["Geagendeerd voor de casustafel mensenhandel van 10-12-2026."])
    }

    @Test func theDirectoryIsKeptByTheKMTAndReadByAll() throws {
        let saved = try store.savePartner(Partner(name: "Humanitas Onder Dak (Humod)", kind: "opvang",
                                                  offer: "Opvang voor slachtoffers"), by: user("zc.kmt"))
        try store.savePartner(Partner(name: "CoMensha", kind: "coördinatiecentrum"), by: user("po.kmt"))
        try store.savePartner(Partner(name: "Arbeidsinspectie (NLA)", kind: "toezicht"), by: user("pm.kmt"))
        #expect(throws: StoreFailure.noAccess) { try store.savePartner(Partner(name: "X"), by: user("af.enschede")) }
        #expect(throws: StoreFailure.self) { try store.savePartner(Partner(name: "CoMensha"), by: user("zc.kmt")) }

        let names = try store.partnerPage(.first, limit: 2, today: Shipped.today.date, for: user("af.hengelo"))
        #expect(names.rows.map(\.name) == ["Arbeidsinspectie (NLA)", "CoMensha"] && names.hasMore)
        let next = try store.partnerPage(.after(ListKey(sortValue: "CoMensha", id: names.rows[1].id!)), limit: 2, today: Shipped.today.date, for: user("af.hengelo"))
        #expect(next.rows.map(\.name) == ["Humanitas Onder Dak (Humod)"])
        #expect(try store.partnerPage(.first, limit: 5, today: Shipped.today.date, for: user("beheer")).rows.count == 3)
        #expect(try store.search("humod opvang", in: .partner, limit: 5, for: user("af.enschede")).rows.map(\.id) == [saved.id])

        // Two editors loaded the same version: the second save is refused, nothing overwritten.
        var first = try #require(next.rows.first), second = first
        first.phone = "053-0000001"
        second.phone = "053-0000002"
        try store.savePartner(first, by: user("zc.kmt"))
        #expect {
            try store.savePartner(second, by: user("po.kmt"))
        } throws: { error in
            guard case StoreFailure.conflict(let change) = error else { return false }
            return change.by == "zc.kmt"
        }
        #expect(try store.partnerPage(.after(ListKey(sortValue: "CoMensha", id: names.rows[1].id!)), limit: 1,
                                      today: Shipped.today.date, for: user("zc.kmt")).rows.first?.phone == "053-0000001")
    }

    @Test func onlyTheBeheerderManagesUsers() throws {
        try store.createUser(login: "af.losser.nieuw", displayName: "Nieuwe AF Losser", role: .designatedOfficer,
                             municipality: Municipality.twente[8], by: user("beheer"))
        #expect(try store.logIn(login: "af.losser.nieuw").municipality?.name == "Losser")
        #expect(throws: StoreFailure.noAccess) {
            try store.createUser(login: "x.y", displayName: "X", role: .processManager, municipality: nil, by: user("pm.kmt"))
        }
        #expect(throws: StoreFailure.self) {
            try store.createUser(login: "Bad Login!", displayName: "X", role: .processManager, municipality: nil, by: user("beheer"))
        }
        #expect(throws: StoreFailure.self) {
            try store.createUser(login: "pm.twee", displayName: "PM", role: .processManager, municipality: Municipality.twente[0],
                                 by: user("beheer"))
        }
        #expect(throws: StoreFailure.self) {
            try store.createUser(login: "af.losser.nieuw", displayName: "Dubbel", role: .designatedOfficer,
                                 municipality: Municipality.twente[8], by: user("beheer"))
        }
        try store.setUserActive(login: "af.losser.nieuw", active: false, by: user("beheer"))
        #expect(throws: StoreFailure.inactiveUser(login: "af.losser.nieuw")) { try store.logIn(login: "af.losser.nieuw") }
        #expect(throws: StoreFailure.noAccess) { try store.setUserActive(login: "af.losser.nieuw", active: true, by: user("af.enschede")) }
        #expect(throws: StoreFailure.unknownUser(login: "niemand")) { try store.setUserActive(login: "niemand", active: true, by: user("beheer")) }
    }
}
