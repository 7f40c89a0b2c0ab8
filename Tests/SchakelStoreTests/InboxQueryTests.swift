import Foundation
import Testing
import TestSupport
import SchakelCore
@testable import SchakelStore
import SchakelDemo
import Meldroute

@Suite struct InboxQueryTests {
    let directory: TemporaryDirectory
    let store: Store
    let calendar = WorkingDayCalendar()
    static let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)

    init() throws {
        directory = try TemporaryDirectory()
        store = try DemoDatabase.open(path: directory.path("demo.sqlite"), today: Self.today, calendar: calendar).store
    }

    func user(_ login: String) throws -> User { try store.user(login: login) }

    /// Every row the user can see, walked page by page by key.
    func walkForward(_ user: User, pageSize: Int) throws -> [SignalSummary] {
        var rows: [SignalSummary] = []
        var page = try store.inboxPage(.first, limit: pageSize, for: user)
        rows += page.rows
        while page.hasMore, let last = rows.last {
            page = try store.inboxPage(.after(last.key), limit: pageSize, for: user)
            rows += page.rows
        }
        return rows
    }

    @Test func anAFSeesOnlyTheirOwnMunicipalityNewestFirst() throws {
        let rows = try walkForward(try user("af.enschede"), pageSize: 7)
        #expect(!rows.isEmpty)
        #expect(Set(rows.map(\.municipality)) == ["Enschede"])
        for (newer, older) in zip(rows, rows.dropFirst()) {
            #expect((newer.key.sortValue, newer.key.id) > (older.key.sortValue, older.key.id))
        }
    }

    @Test func pagingForwardVisitsEveryRowOnceWhateverThePageSize() throws {
        let pm = try user("pm.kmt")
        let everything = try walkForward(pm, pageSize: 1000)
        #expect(Set(everything.map(\.municipality)).count == 14)
        for pageSize in [1, 13, 100] {
            #expect(try walkForward(pm, pageSize: pageSize).map(\.id) == everything.map(\.id))
        }
    }

    @Test func pagingBackwardFromTheLastPageGivesTheSameOrder() throws {
        let af = try user("af.hengelo")
        let forward = try walkForward(af, pageSize: 1000)
        var page = try store.inboxPage(.last, limit: 5, for: af)
        var rows = page.rows
        while page.hasMore, let first = rows.first {
            page = try store.inboxPage(.before(first.key), limit: 5, for: af)
            rows = page.rows + rows
        }
        #expect(rows.map(\.id) == forward.map(\.id))
        #expect(try store.inboxPage(.last, limit: 5, for: af).rows.last?.id == forward.last?.id)
    }

    @Test func rolesWithoutSignalAccessGetAnEmptyInbox() throws {
        #expect(try store.inboxPage(.first, limit: 10, for: try user("beheer")).rows.isEmpty)
        #expect(try store.inboxPage(.first, limit: 10, for: try user("po.kmt")).rows.isEmpty)
    }

    @Test func theDemoHasEveryRouteStateOverdueSignalsAndNonASCIINames() throws {
        let rows = try walkForward(try user("af.enschede"), pageSize: 100)
        #expect(Set(rows.map(\.state)) == ["gemeld", "contact", "onderzoek", "beslismoment", "doorgezet", "afgesloten"])
        let overdue = rows.filter {
            $0.state == "gemeld" && calendar.workingDays(from: Self.today.date, to: calendar.addWorkingDays(3, to: $0.receivedAt.date)) < 0
        }
        #expect(overdue.count >= 2)
        let all = try walkForward(try user("pm.kmt"), pageSize: 500)
        for form in ExploitationForm.allCases { #expect(all.contains { $0.forms.includes(form) }, "\(form)") }
        let names = try all.prefix(60).compactMap { try store.signalDetail(id: $0.id, for: try user("pm.kmt")) }
            .flatMap(\.persons).map(\.fullName)
        #expect(names.contains { !$0.unicodeScalars.allSatisfy(\.isASCII) })
    }

    @Test func theDemoIsTheSameEveryTimeForTheSameDay() throws {
        let other = try TemporaryDirectory()
        let second = try DemoDatabase.open(path: other.path("demo.sqlite"), today: Self.today, calendar: calendar).store
        let pm = try user("pm.kmt")
        let first = try store.inboxPage(.first, limit: 1000, for: pm).rows
        #expect(try second.inboxPage(.first, limit: 1000, for: pm).rows == first)
    }

    @Test func anAFCannotOpenASignalOfAnotherMunicipality() throws {
        let hengeloSignal = try store.inboxPage(.first, limit: 1, for: try user("af.hengelo")).rows[0]
        #expect(try store.signalDetail(id: hengeloSignal.id, for: try user("af.enschede")) == nil)
        #expect(try store.signalDetail(id: hengeloSignal.id, for: try user("af.hengelo"))?.summary == hengeloSignal)
        #expect(try store.signalDetail(id: 999_999, for: try user("pm.kmt")) == nil)
    }

    @Test func reopeningTheDemoReusesIt() throws {
        let again = try DemoDatabase.open(path: directory.path("demo.sqlite"), today: Self.today, calendar: calendar)
        #expect(again.created == false)
    }
}
