import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// `NeedToKnowTable` tried cell by cell against the real store: for every role, every kind of record
/// in the AF's own municipality (Enschede) and another (Hengelo), whether it is in its list, opens,
/// is found by a search, referred, written to (a note), and — a signal — registered there; for a
/// meeting, whether its agenda can be made and its minutes exported — and every refusal is in the
/// audit log as `denied`.
@Suite struct NeedToKnowTableTests {
    typealias Table = NeedToKnowTable

    /// The records, made for the test with words no demo text has, so a search finds exactly them.
    struct Records {
        var ids: [Table.Record: [Table.Place: Int64]] = [:]
        var words: [Table.Record: [Table.Place: String]] = [:]
        /// The action item the procesmanager made about each signal and case.
        var actions: [Int64: Int64] = [:]
        /// The organisation every signal and case was referred to.
        var partner: Int64 = 0
    }

    let directory: TemporaryDirectory
    let store: Store
    let records: Records
    let users: [Role: User]

    init() throws {
        directory = try TemporaryDirectory()
        let workflows = try Shipped.workflows()
        let store = try DemoDatabase.open(path: directory.path("tabel.sqlite"), today: Shipped.today, calendar: WorkingDayCalendar(),
                                          workflows: workflows, directory: try Shipped.directory()).store
        self.store = store
        let pm = try store.user(login: "pm.kmt")
        var users: [Role: User] = [:]
        for login in ["af.enschede", "pm.kmt", "zc.kmt", "po.kmt", "beheer"] {
            let user = try store.user(login: login)
            users[user.role] = user
        }
        self.users = users
        var made = Records()
        made.partner = try #require(try store.read { db in try Int64.fetchOne(db, sql: "SELECT min(id) FROM partner") })
        for place in Table.Place.allCases {
            let municipality = Municipality.twente.first { $0.name == (place == .own ? "Enschede" : "Hengelo") }!
            func signal(_ word: String) throws -> Int64 {
                try store.registerSignal(NewSignal(source: .phone, reporterType: .anonymous, municipality: municipality, forms: [.labour],
                                                   description: "Proefsignaal \(word) voor de tabel."), by: pm).id
            }
            func note(_ word: String, on subject: TimelineSubject) throws {
                _ = try store.addNote("Notitie \(word) voor de tabel.", to: subject, by: pm)
            }
            let tag = place == .own ? "eigen" : "ander"
            let plain = try signal("zoekplain\(tag)")
            let origin = try signal("zoekbron\(tag)")
            let victim = try store.openCase(fromSignal: origin, perpetratorTrack: false, summary: "", caseProcess: workflows.caseProcess, by: pm)
            try note("zoekslachtoffer\(tag)", on: .kmtCase(victim.id))
            let perpetratorSignal = try signal("zoekdaderbron\(tag)")
            let perpetrator = try store.openCase(fromSignal: perpetratorSignal, perpetratorTrack: true, summary: "",
                                                 caseProcess: workflows.caseProcess, by: pm)
            try note("zoekdader\(tag)", on: .kmtCase(perpetrator.id))
            func meeting(_ kind: MeetingKind, _ word: String) throws -> Int64 {
                let id = try store.planMeeting(kind: kind, title: "Proefoverleg \(word)", startsAt: Shipped.today.adding(minutes: 60 * 24 * 14),
                                               location: "", municipality: kind.isMunicipal ? municipality : nil, by: pm)
                _ = try store.addAgendaItem(AgendaItemDraft(title: "Eigen punt", question: "Vraag \(word)."), about: nil, toMeeting: id,
                                            expectedVersion: try store.meetingVersion(id), by: pm)
                return id
            }
            // An activity in the municipality; the region's one counts as another place for an AF.
            made.ids[.activity, default: [:]][place] = try store.saveActivity(
                ActivityEntry(kind: "training", theme: .general, audience: "ketenpartners", municipality: place == .own ? municipality : nil,
                              date: Shipped.today.date, givenBy: .kmt, status: .held, participants: 20, note: "Proef \(tag)."),
                id: nil, version: nil, by: pm)
            // A consult asked in the municipality, answered.
            made.ids[.consult, default: [:]][place] = try store.registerConsult(
                NewConsult(askedAt: Shipped.today, askerKind: .school, askerOrganisation: "Proefschool \(tag)", municipality: municipality,
                           forms: [.sexual], question: "Proefvraag \(tag)."), engine: workflows.consult!, by: pm).id
            let municipal = try meeting(.localUnderminingMeeting, "zoekgemeente\(tag)")
            // The regional tables have no municipality: one of each serves both places.
            let regional = place == .own ? try meeting(.casustafel, "zoekregio") : made.ids[.regionalMeeting]![.own]!
            let perpetrators = place == .own ? try meeting(.dadertafel, "zoekdadertafel") : made.ids[.dadertafel]![.own]!
            for (record, id, word) in [(Table.Record.signal, plain, "zoekplain\(tag)"), (.victimCaseSignal, origin, "zoekbron\(tag)"),
                                       (.victimCase, victim.id, "zoekslachtoffer\(tag)"), (.perpetratorCase, perpetrator.id, "zoekdader\(tag)"),
                                       (.municipalMeeting, municipal, "zoekgemeente\(tag)"), (.regionalMeeting, regional, "zoekregio"),
                                       (.dadertafel, perpetrators, "zoekdadertafel")] {
                made.ids[record, default: [:]][place] = id
                made.words[record, default: [:]][place] = word
                // What hangs from a signal or case: a referral and an action item, by the procesmanager.
                guard let subject = Self.subject(record, id) else { continue }
                _ = try store.refer(subject, NewReferral(partnerID: made.partner, reason: "Verwezen \(word).", date: Shipped.today.date), by: pm)
                made.actions[id] = try store.addActionItem(about: subject, description: "Actie \(word)", owner: "KMT", due: Shipped.today.date,
                                                           by: pm)
            }
        }
        records = made
        // Periods confirmed, one month for a signal closed without follow-up: the demo's are due.
        let beheer = try store.user(login: "beheer")
        try store.confirmRetentionRules(Self.rules, by: beheer)
        // A second beheerder proposes the lists the approvals are tried on: the one tried leaves only its own lines.
        _ = try store.createUser(login: "beheer.twee", displayName: "Tweede beheerder", role: .administrator, municipality: nil, by: beheer)
    }

    static let rules = RetentionRules(rules: [
        RetentionRule(outcome: .signalClosed, label: "Signaal afgesloten zonder vervolg", workflow: "gemeentelijke-meldroute",
                      state: "afgesloten", months: 1),
    ], isProvisional: false)

    /// Full when the attempt goes through, none when it is refused.
    func allowed(_ attempt: () throws(StoreFailure) -> Void) throws -> Visibility {
        do {
            try attempt()
            return .full
        } catch let failure {
            switch failure {
            case .noAccess, .refused: return .none
            default: throw failure
            }
        }
    }

    static func isCase(_ record: Table.Record) -> Bool { record == .victimCase || record == .perpetratorCase }

    static func subject(_ record: Table.Record, _ id: Int64) -> TimelineSubject? {
        record.isMeeting ? nil : isCase(record) ? .kmtCase(id) : .signal(id)
    }

    /// What the store does for the records that are neither case content nor a meeting.
    func other(_ record: Table.Record, _ place: Table.Place, _ operation: Table.Operation, for user: User) throws -> Visibility {
        let area: FiguresArea = record == .regionalFigures ? .region
            : .municipality(Municipality.twente.first { $0.name == (place == .own ? "Enschede" : "Hengelo") }!)
        let year = FiguresPeriod.parse("2026")!
        switch (record, operation) {
        case (.socialMap, .list):
            return try store.partnerPage(.first, limit: 5, today: Shipped.today.date, for: user).rows.isEmpty ? .none : .full
        case (.socialMap, .change):
            let detail = try #require(try store.partner(id: records.partner, for: user))
            return try allowed { () throws(StoreFailure) in _ = try store.savePartner(detail.partner, by: user) }
        case (.socialMap, .download):
            return try allowed { () throws(StoreFailure) in _ = try store.partnersForExport(format: "csv", for: user) }
        case (.municipalFigures, .open), (.regionalFigures, .open):
            return try allowed { () throws(StoreFailure) in _ = try store.signalFigures(year, in: area, outcomes: nil, timing: nil, for: user) }
        case (.municipalFigures, .download), (.regionalFigures, .download):
            return try allowed { () throws(StoreFailure) in try store.recordFiguresExport(year, in: area, format: "csv", for: user) }
        case (.users, .list):
            return try allowed { () throws(StoreFailure) in _ = try store.users(by: user) }
        case (.users, .change):
            return try allowed { () throws(StoreFailure) in try store.setUserActive(login: "af.hengelo", active: true, by: user) }
        case (.settings, .change):
            return try allowed { () throws(StoreFailure) in try store.setIdleLockMinutes(15, by: user) }
        case (.retention, .list):
            return try allowed { () throws(StoreFailure) in _ = try store.retentionOverview(under: Self.rules, today: Shipped.today.date, for: user) }
        case (.retention, .propose):
            return try allowed { () throws(StoreFailure) in _ = try store.proposeDestruction(under: Self.rules, today: Shipped.today.date, by: user) }
        case (.retention, .approve):
            // A list proposed by another beheerder, approved (or not) by the user.
            let list = try store.proposeDestruction(under: Self.rules, today: Shipped.today.date, by: try store.user(login: "beheer.twee"))
            return try allowed { () throws(StoreFailure) in _ = try store.approveDestruction(list.id, under: Self.rules, today: Shipped.today.date, by: user) }
        case (.persons, .merge):
            return try allowed { () throws(StoreFailure) in _ = try store.mergePersons("P-00001", into: "P-00002", reason: "Dubbel.", by: user) }
        case (.persons, .inzage):
            return try allowed { () throws(StoreFailure) in _ = try store.inzage(ofPerson: "P-00003", workflows: [], by: user) }
        case (.activity, .list):
            let id = records.ids[.activity]![place]!
            return try store.activities(today: Shipped.today.date, for: user, .asked).all.contains { $0.id == id } ? .full : .none
        case (.activity, .change):
            let id = records.ids[.activity]![place]!
            let pm = try store.user(login: "pm.kmt")
            let activity = try #require(try store.activities(today: Shipped.today.date, for: pm, .refresh).all.first { $0.id == id })
            return try allowed { () throws(StoreFailure) in
                _ = try store.saveActivity(activity.entry, id: activity.id, version: activity.version, by: user)
            }
        case (.consult, .list):
            let id = records.ids[.consult]![place]!
            return try store.consults(today: Shipped.today.date, for: user, .asked).all.contains { $0.id == id } ? .full : .none
        case (.consult, .open):
            return try allowed { () throws(StoreFailure) in _ = try store.consult(id: records.ids[.consult]![place]!, for: user) }
        case (.consult, .write):
            let id = records.ids[.consult]![place]!
            let version = try store.read { db in try Int.fetchOne(db, sql: "SELECT version FROM consult WHERE id = ?", arguments: [id])! }
            return try allowed { () throws(StoreFailure) in
                try store.recordConsultEvent(ConsultStates.adviceGiven, fields: ["advies": .text("Advies van \(user.login).")], onConsult: id,
                                             expectedVersion: version, engine: try! Shipped.workflows().consult!, by: user)
            }
        case (.consult, .register):
            let municipality = Municipality.twente.first { $0.name == (place == .own ? "Enschede" : "Hengelo") }!
            return try allowed { () throws(StoreFailure) in
                _ = try store.registerConsult(NewConsult(askedAt: Shipped.today, askerKind: .police, askerOrganisation: "Basisteam",
                                                         municipality: municipality, forms: [], question: "Vraag van \(user.login)."),
                                              engine: try! Shipped.workflows().consult!, by: user)
            }
        default:
            Issue.record("no trial for \(record.rawValue), \(operation.rawValue)")
            return .pseudonymised
        }
    }

    /// Whether the user may refer it to an organisation.
    func referred(_ record: Table.Record, id: Int64, for user: User) throws -> Visibility {
        let referral = NewReferral(partnerID: records.partner, reason: "Door \(user.login).", date: Shipped.today.date)
        let result = Result { () throws(StoreFailure) in try store.refer(Self.subject(record, id)!, referral, by: user) }
        if case .failure(.noAccess) = result { return .none }
        _ = try result.get()
        return .full
    }

    /// Whether its referral shows under the organisation and its action item among the user's
    /// actions: both (full), neither (none) — one without the other would be a leak or a gap.
    func related(_ record: Table.Record, id: Int64, for user: User) throws -> Visibility {
        let subject = Self.subject(record, id)!
        let referrals = try store.partner(id: records.partner, for: user, .refresh)?.referrals.contains { $0.subject == subject } == true
        var actions = false
        var page = try store.openActionItems(.first, limit: 100, filter: .all, for: user, .refresh)
        while !actions {
            actions = page.rows.contains { $0.id == records.actions[id] }
            guard page.hasMore, let key = page.rows.last?.key else { break }
            page = try store.openActionItems(.after(key), limit: 100, filter: .all, for: user, .refresh)
        }
        return referrals && actions ? .full : !referrals && !actions ? .none : .pseudonymised
    }

    /// What the store does for `operation` on a meeting: how it lists and opens it, and whether its
    /// agenda can be made and its minutes exported.
    func meeting(_ operation: Table.Operation, id: Int64, word: String, for user: User) throws -> Visibility {
        switch operation {
        case .list:
            var page = try store.meetingPage(.first, limit: 100, for: user, .refresh)
            while true {
                if let row = page.rows.first(where: { $0.id == id }) { return row.visibility }
                guard page.hasMore, let key = page.rows.last?.key else { return .none }
                page = try store.meetingPage(.after(key), limit: 100, for: user, .refresh)
            }
        case .open:
            let result = Result { () throws(StoreFailure) in try store.agenda(ofMeeting: id, for: user) }
            if case .failure(.noAccess) = result { return .none }
            return try result.get().contains { $0.question.contains(word) } ? .full : .pseudonymised
        case .edit:
            let version = try store.meetingVersion(id)
            return try allowed { () throws(StoreFailure) in
                _ = try store.addAgendaItem(AgendaItemDraft(title: "Punt van \(user.login)"), about: nil, toMeeting: id, expectedVersion: version,
                                            by: user)
            }
        case .export:
            return try allowed { () throws(StoreFailure) in _ = try store.minutesForExport(meetingID: id, for: user) }
        case .search, .refer, .related, .write, .register, .change, .download, .propose, .approve, .merge, .inzage:
            Issue.record("no trial for a meeting's \(operation.rawValue)")
            return .pseudonymised
        }
    }

    /// Whether the record is in its list for the user, and how it shows there.
    func listed(_ record: Table.Record, id: Int64, for user: User) throws -> Visibility {
        if Self.isCase(record) {
            var page = try store.casePage(.first, limit: 100, for: user)
            while true {
                if let row = page.rows.first(where: { $0.id == id }) { return row.visibility }
                guard page.hasMore, let key = page.rows.last?.key else { return .none }
                page = try store.casePage(.after(key), limit: 100, for: user)
            }
        }
        var page = try store.inboxPage(.first, limit: 100, filter: SignalFilter(), overdue: [], for: user, .refresh)
        while true {
            if page.rows.contains(where: { $0.id == id }) { return .full }
            guard page.hasMore, let key = page.rows.last?.key else { return .none }
            page = try store.inboxPage(.after(key), limit: 100, filter: SignalFilter(), overdue: [], for: user, .refresh)
        }
    }

    /// What opening it gives: the signal's detail, or the case's timeline with or without its text.
    func opened(_ record: Table.Record, id: Int64, word: String, for user: User) throws -> Visibility {
        if Self.isCase(record) {
            let result = Result { () throws(StoreFailure) in try store.timelinePage(of: .kmtCase(id), .first, limit: 100, for: user) }
            if case .failure(.noAccess) = result { return .none }
            return try result.get().rows.contains { $0.text.contains(word) } ? .full : .pseudonymised
        }
        return try store.signalDetail(id: id, for: user)?.description.contains(word) == true ? .full : .none
    }

    /// Whether a search for its word finds it.
    func found(_ record: Table.Record, id: Int64, word: String, for user: User) throws -> Visibility {
        if Self.isCase(record) {
            return try store.search(word, in: .timeline, limit: 20, for: user).rows.contains { $0.subject == .kmtCase(id) } ? .full : .none
        }
        return try store.search(word, in: .signal, limit: 20, for: user).rows.contains { $0.id == id } ? .full : .none
    }

    @Test(arguments: Role.allCases)
    func everyCellHoldsInTheStore(role: Role) throws {
        let user = try #require(users[role])
        for record in Table.Record.allCases where record.isMeeting {
            for place in Table.Place.allCases {
                let id = records.ids[record]![place]!, word = records.words[record]![place]!
                for operation in record.operations {
                    let before = try store.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM audit_log")! }
                    let expected = Table.access(role, record, place, operation)
                    let cell = "\(role.rawValue), \(record.rawValue), \(place.rawValue), \(operation.rawValue)"
                    #expect(try meeting(operation, id: id, word: word, for: user) == expected, "\(cell)")
                    if expected == .none && operation != .list {
                        let results = try store.read { db in
                            try String.fetchAll(db, sql: "SELECT result FROM audit_log WHERE id > ? AND actor = ? AND object_id = ?",
                                                arguments: [before, user.login, String(id)])
                        }
                        #expect(results == ["denied"], "\(cell): de weigering staat in het log")
                    }
                }
            }
        }
        for record in Table.Record.allCases where !record.isMeeting && !record.isCaseContent {
            for place in record.hasPlace ? Table.Place.allCases : [.own] {
                for operation in record.operations {
                    let before = try store.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM audit_log")! }
                    let expected = Table.access(role, record, place, operation)
                    let cell = "\(role.rawValue), \(record.rawValue), \(place.rawValue), \(operation.rawValue)"
                    #expect(try other(record, place, operation, for: user) == expected, "\(cell)")
                    // Another municipality's consult is left out of a list the user has (no refusal: the list is theirs).
                    let listIsTheirs = record == .consult && operation == .list && AccessPolicy.seesConsults(user)
                    if expected == .none && !listIsTheirs {
                        let results = try store.read { db in
                            try String.fetchAll(db, sql: "SELECT result FROM audit_log WHERE id > ? AND actor = ?", arguments: [before, user.login])
                        }
                        #expect(results == ["denied"], "\(cell): de weigering staat in het log")
                    }
                }
            }
        }
        for record in Table.Record.allCases where record.isCaseContent {
            for place in Table.Place.allCases {
                let id = records.ids[record]![place]!, word = records.words[record]![place]!
                let cell = "\(role.rawValue), \(record.rawValue), \(place.rawValue)"
                #expect(try listed(record, id: id, for: user) == Table.access(role, record, place, .list), "\(cell): lijst")
                let before = try store.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM audit_log")! }
                let open = Table.access(role, record, place, .open)
                #expect(try opened(record, id: id, word: word, for: user) == open, "\(cell): openen")
                if open == .none {
                    let results = try store.read { db in
                        try String.fetchAll(db, sql: "SELECT result FROM audit_log WHERE id > ? AND actor = ? AND object_id = ?",
                                            arguments: [before, user.login, String(id)])
                    }
                    #expect(results == ["denied"], "\(cell): de weigering staat in het log")
                }
                #expect(try found(record, id: id, word: word, for: user) == Table.access(role, record, place, .search), "\(cell): zoeken")
                #expect(try related(record, id: id, for: user) == Table.access(role, record, place, .related), "\(cell): verwijzingen en acties")
                let beforeReferring = try store.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM audit_log")! }
                let refer = Table.access(role, record, place, .refer)
                #expect(try referred(record, id: id, for: user) == refer, "\(cell): verwijzen")
                if refer == .none {
                    let results = try store.read { db in
                        try String.fetchAll(db, sql: "SELECT result FROM audit_log WHERE id > ? AND actor = ? AND object_type = 'referral'",
                                            arguments: [beforeReferring, user.login])
                    }
                    #expect(results == ["denied"], "\(cell): de geweigerde verwijzing staat in het log")
                }
                for operation in [Table.Operation.write, .register] where record.operations.contains(operation) {
                    let beforeWriting = try store.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM audit_log")! }
                    let expected = Table.access(role, record, place, operation)
                    #expect(try written(operation, record, place, id: id, for: user) == expected, "\(cell): \(operation.rawValue)")
                    if expected == .none {
                        let results = try store.read { db in
                            try String.fetchAll(db, sql: "SELECT result FROM audit_log WHERE id > ? AND actor = ? AND object_type = ?",
                                                arguments: [beforeWriting, user.login, operation == .write ? "note" : "signal"])
                        }
                        #expect(results == ["denied"], "\(cell): de weigering van \(operation.rawValue) staat in het log")
                    }
                }
            }
        }
    }

    /// Whether a note goes on its timeline, or a new signal is registered in its municipality.
    func written(_ operation: Table.Operation, _ record: Table.Record, _ place: Table.Place, id: Int64, for user: User) throws -> Visibility {
        let municipality = Municipality.twente.first { $0.name == (place == .own ? "Enschede" : "Hengelo") }!
        return try allowed { () throws(StoreFailure) in
            if operation == .write {
                _ = try store.addNote("Notitie van \(user.login).", to: Self.subject(record, id)!, by: user)
            } else {
                _ = try store.registerSignal(NewSignal(source: .phone, reporterType: .anonymous, municipality: municipality, forms: [.labour],
                                                       description: "Geregistreerd door \(user.login)."), by: user)
            }
        }
    }

    @Test func theTableCoversEveryRoleAndRecordAndIsPrintedInSecurityMd() throws {
        #expect(Set(Table.cells.keys) == Set(Role.allCases))
        for role in Role.allCases { #expect(Set(Table.cells[role]!.keys) == Set(Table.Record.allCases)) }
        for role in Role.allCases {
            for (record, cell) in Table.cells[role]! {
                for letters in [cell.own, cell.other] {
                    #expect(letters.count == record.operations.count && letters.allSatisfy { "FP-".contains($0) }, "\(role) \(record)")
                }
            }
        }
        let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/SECURITY.md")
        let text = try String(contentsOf: document, encoding: .utf8)
        #expect(text.contains(Table.markdown), "docs/SECURITY.md should print NeedToKnowTable.markdown:\n\(Table.markdown)")
    }
}
