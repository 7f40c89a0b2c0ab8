import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// Every public store method that acts for a user, and how it refuses: each refusal is in the
/// audit log as `denied` (or `not_found` for what does not exist), by who tried, with what they
/// tried on. The methods are read from the store's source, so a new one without a row here fails.
@Suite struct StoreRefusalTests {
    /// A demo with workflows, meetings and the sociale kaart; an AF of Hengelo tries what is not theirs.
    struct Fixture {
        let directory: TemporaryDirectory
        let store: Store
        let workflows: Workflows
        let hengelo: User
        let processManager: User
        let administrator: User
        /// Of Enschede, so outside Hengelo's need-to-know.
        let signal: Int64
        let kmtCase: Int64
        let dadertafel: Int64
        let casustafel: Int64
        let item: Int64
        let action: Int64
        let partner: Int64
        let contact: Int64
        /// A consult of Enschede.
        let consult: Int64

        /// One demo, made once; each fixture works on a copy of its own.
        nonisolated(unsafe) static let template = Result { () throws -> (TemporaryDirectory, Store) in
            let directory = try TemporaryDirectory()
            let store = try DemoDatabase.open(path: directory.path("sjabloon.sqlite"), today: Shipped.today, calendar: WorkingDayCalendar(),
                                              workflows: try Shipped.workflows(), meetingSeries: try Shipped.meetingSeries(),
                                              directory: try Shipped.directory()).store
            return (directory, store)
        }

        init() throws {
            directory = try TemporaryDirectory()
            let path = directory.path("weigeren.sqlite")
            let (_, template) = try Self.template.get()
            try template.pool.unsafeRead { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
            workflows = try Shipped.workflows()
            let store = try Store.open(path: path)
            self.store = store
            hengelo = try store.user(login: "af.hengelo")
            processManager = try store.user(login: "pm.kmt")
            administrator = try store.user(login: "beheer")
            func id(_ sql: String) throws -> Int64 { try store.read { db in try #require(try Int64.fetchOne(db, sql: sql)) } }
            signal = try id("SELECT s.id FROM signal s JOIN municipality m ON m.id = s.municipality_id WHERE m.name = 'Enschede' LIMIT 1")
            let signalMunicipality = try id("SELECT municipality_id FROM signal WHERE id = \(signal)")
            kmtCase = try id("SELECT id FROM kmt_case WHERE municipality_id = \(signalMunicipality) ORDER BY id LIMIT 1")
            dadertafel = try id("SELECT id FROM meeting WHERE kind = 'dadertafel' ORDER BY id LIMIT 1")
            casustafel = try id("SELECT meeting_id FROM agenda_item a JOIN meeting g ON g.id = a.meeting_id WHERE g.kind = 'casustafel' LIMIT 1")
            item = try id("SELECT id FROM agenda_item WHERE meeting_id = \(casustafel) LIMIT 1")
            action = try id("SELECT a.id FROM action_item a JOIN signal s ON a.subject_type = 'signal' AND s.id = a.subject_id "
                            + "WHERE s.municipality_id = \(signalMunicipality) AND a.done_at IS NULL LIMIT 1")
            partner = try id("SELECT id FROM partner ORDER BY id LIMIT 1")
            contact = try id("SELECT id FROM partner_contact ORDER BY id LIMIT 1")
            consult = try id("SELECT k.id FROM consult k JOIN municipality m ON m.id = k.municipality_id WHERE m.name = 'Enschede' "
                             + "ORDER BY k.id LIMIT 1")
        }

        func version(ofConsult id: Int64) throws -> Int {
            try store.read { db in try Int.fetchOne(db, sql: "SELECT version FROM consult WHERE id = ?", arguments: [id])! }
        }

        /// A person on the Enschede signal (only there, as every demo person is on one signal).
        func personOfSignal() throws -> Int64 {
            try store.read { db in try Int64.fetchOne(db, sql: "SELECT min(person_id) FROM signal_person WHERE signal_id = ?", arguments: [signal])! }
        }

        func version(ofMeeting id: Int64) throws -> Int {
            try store.read { db in try Int.fetchOne(db, sql: "SELECT version FROM meeting WHERE id = ?", arguments: [id])! }
        }
    }

    /// One refused attempt and the line it must leave.
    struct Attempt: Sendable {
        let action: String
        let objectType: String
        var result = "denied"
        var actor = "af.hengelo"
        let attempt: @Sendable (Fixture) throws -> Void
    }

    enum Refusal: Sendable {
        case refuses([Attempt])
        /// It has no one to refuse; why.
        case refusesNobody(String)
    }

    static func refused(_ action: String, _ objectType: String, result: String = "denied", actor: String = "af.hengelo",
                        _ attempt: @escaping @Sendable (Fixture) throws -> Void) -> Refusal {
        .refuses([Attempt(action: action, objectType: objectType, result: result, actor: actor, attempt: attempt)])
    }

    static let ownDrafts = "de eigen concepten van de gebruiker: die van een ander zijn niet te noemen"
    static let partnersForEveryone = "de sociale kaart is voor elke rol (AccessPolicy.canReadPartners)"

    static let table: [String: Refusal] = [
        "addActionItem": refused("create", "action") { f in
            _ = try f.store.addActionItem(about: .signal(f.signal), description: "Bellen", owner: "AF", due: Shipped.today.date, by: f.hengelo)
        },
        "openActionItems": refused("list", "action", actor: "beheer") { f in _ = try f.store.openActionItems(.first, limit: 5, for: f.administrator) },
        "addAgendaItem": refused("update", "meeting") { f in
            _ = try f.store.addAgendaItem(AgendaItemDraft(title: "Punt"), about: nil, toMeeting: f.dadertafel,
                                          expectedVersion: try f.version(ofMeeting: f.dadertafel), by: f.hengelo)
        },
        "addStandingItems": refused("update", "meeting") { f in
            _ = try f.store.addStandingItems(["Rondvraag"], toMeeting: f.dadertafel, expectedVersion: try f.version(ofMeeting: f.dadertafel),
                                             by: f.hengelo)
        },
        "updateAgendaItem": refused("update", "meeting") { f in
            _ = try f.store.updateAgendaItem(f.item, AgendaItemDraft(title: "Anders"), expectedVersion: try f.version(ofMeeting: f.casustafel),
                                             by: f.hengelo)
        },
        "moveAgendaItem": refused("update", "meeting") { f in
            _ = try f.store.moveAgendaItem(f.item, by: 1, expectedVersion: try f.version(ofMeeting: f.casustafel), by: f.hengelo)
        },
        "removeAgendaItem": refused("update", "meeting") { f in
            _ = try f.store.removeAgendaItem(f.item, expectedVersion: try f.version(ofMeeting: f.casustafel), by: f.hengelo)
        },
        "agendaForExport": .refuses([
            Attempt(action: "export", objectType: "meeting") { f in
                _ = try f.store.agendaForExport(meetingID: f.dadertafel, partner: nil, format: "markdown", for: f.hengelo)
            },
            Attempt(action: "export", objectType: "meeting", result: "not_found") { f in
                _ = try f.store.agendaForExport(meetingID: 999_999, partner: nil, format: "markdown", for: f.hengelo)
            },
        ]),
        "backUp": refused("export", "database", actor: "pm.kmt") { f in
            _ = try f.store.backUp(into: f.directory.path(""), keep: 1, by: f.processManager)
        },
        "rawInboxPage": .refusesNobody("meetprobe voor de benchmarks: dezelfde SQL zonder auditregel, door geen sessie gebruikt"),
        "inboxPageRead": .refusesNobody("meetprobe voor de benchmarks: dezelfde SQL zonder auditregel, door geen sessie gebruikt"),
        "addNotes": .refusesNobody("vulprobe voor de benchmarks, op een demodatabase"),
        "addUser": .refusesNobody("vult een nieuwe demodatabase voordat iemand die kan openen"),
        "openCase": refused("create", "case") { f in
            _ = try f.store.openCase(fromSignal: f.signal, perpetratorTrack: false, summary: "", caseProcess: f.workflows.caseProcess,
                                     by: f.hengelo)
        },
        "casePage": refused("list", "case", actor: "beheer") { f in _ = try f.store.casePage(.first, limit: 5, for: f.administrator) },
        "saveContact": refused("create", "partner_contact") { f in
            _ = try f.store.saveContact(PartnerContact(partnerID: f.partner, name: "Iemand"), by: f.hengelo)
        },
        "archiveContact": refused("update", "partner_contact") { f in
            try f.store.archiveContact(f.contact, expectedVersion: 1, by: f.hengelo)
        },
        "updateUser": refused("update", "user") { f in
            try f.store.updateUser(login: "af.hengelo", displayName: "Ik", role: .administrator, municipality: nil, by: f.hengelo)
        },
        "users": refused("list", "user") { f in _ = try f.store.users(by: f.hengelo) },
        "managedUsers": refused("list", "user") { f in _ = try f.store.managedUsers(by: f.hengelo) },
        "createUser": refused("create", "user") { f in
            try f.store.createUser(login: "nieuw.iemand", displayName: "Iemand", role: .designatedOfficer,
                                   municipality: f.hengelo.municipality, by: f.hengelo)
        },
        "setUserActive": refused("update", "user") { f in try f.store.setUserActive(login: "af.enschede", active: false, by: f.hengelo) },
        "waitingForDiscussion": refused("list", "discussion_request", actor: "beheer") { f in
            _ = try f.store.waitingForDiscussion(limit: 5, for: f.administrator)
        },
        "signalFigures": refused("read", "figures") { f in
            _ = try f.store.signalFigures(FiguresPeriod.parse("2026")!, in: .municipality(Municipality.twente.first { $0.name == "Enschede" }!),
                                          outcomes: nil, timing: nil, for: f.hengelo)
        },
        "recordFiguresExport": refused("export", "figures") { f in
            try f.store.recordFiguresExport(FiguresPeriod.parse("2026")!, in: .municipality(Municipality.twente.first { $0.name == "Enschede" }!),
                                            format: "csv", for: f.hengelo)
        },
        "setFiguresThreshold": refused("update", "setting") { f in try f.store.setFiguresThreshold(2, by: f.hengelo) },
        "setIdleLockMinutes": refused("update", "setting") { f in try f.store.setIdleLockMinutes(60, by: f.hengelo) },
        "setExportFolder": refused("update", "setting") { f in try f.store.setExportFolder(f.directory.path(""), by: f.hengelo) },
        "planMeeting": refused("create", "meeting") { f in
            _ = try f.store.planMeeting(kind: .dadertafel, title: "Dadertafel", startsAt: Shipped.today, location: "",
                                        municipality: nil, by: f.hengelo)
        },
        "meetingPage": refused("list", "meeting", actor: "beheer") { f in _ = try f.store.meetingPage(.first, limit: 5, for: f.administrator) },
        "meeting": .refusesNobody("een opzoeking binnen agenda(ofMeeting:) en de exports, die zelf hun weigering loggen"),
        "agenda": .refuses([
            Attempt(action: "read", objectType: "meeting") { f in _ = try f.store.agenda(ofMeeting: f.dadertafel, for: f.hengelo) },
            Attempt(action: "read", objectType: "meeting", result: "not_found") { f in _ = try f.store.agenda(ofMeeting: 999_999, for: f.hengelo) },
        ]),
        "recordMeetingEvent": refused("update", "meeting") { f in
            _ = try f.store.recordMeetingEvent("agenda_vaststellen", fields: [:], onMeeting: f.dadertafel,
                                               expectedVersion: try f.version(ofMeeting: f.dadertafel),
                                               engine: WorkflowEngine(try Shipped.meetingWorkflow()), by: f.hengelo)
        },
        "minutesForExport": .refuses([
            Attempt(action: "export", objectType: "meeting") { f in _ = try f.store.minutesForExport(meetingID: f.dadertafel, for: f.hengelo) },
            Attempt(action: "export", objectType: "meeting", result: "not_found") { f in
                _ = try f.store.minutesForExport(meetingID: 999_999, for: f.hengelo)
            },
        ]),
        "writeExport": .refusesNobody("schrijft een tekst die de gebruiker al kreeg uit een gelogde export; alleen de naam wordt getoetst"),
        "recordMinutes": refused("update", "meeting") { f in
            _ = try f.store.recordMinutes(MinutesEntry(summary: "Besproken."), onItem: f.item,
                                          expectedVersion: try f.version(ofMeeting: f.casustafel), by: f.hengelo)
        },
        "completeActionItem": refused("update", "action") { f in try f.store.completeActionItem(f.action, expectedVersion: 1, by: f.hengelo) },
        "addNote": .refuses([
            Attempt(action: "create", objectType: "note") { f in _ = try f.store.addNote("Notitie", to: .signal(f.signal), by: f.hengelo) },
            Attempt(action: "create", objectType: "note") { f in _ = try f.store.addNote("Notitie", toSignal: f.signal, by: f.hengelo) },
        ]),
        "addPerson": .refuses([
            Attempt(action: "create", objectType: "person") { f in
                _ = try f.store.addPerson(NewPerson(initials: "A.B.", birthYear: 1990, role: .victim), to: .signal(f.signal), by: f.hengelo)
            },
            Attempt(action: "create", objectType: "person") { f in
                _ = try f.store.addPerson(NewPerson(initials: "A.B.", birthYear: 1990, role: .victim), to: .kmtCase(f.kmtCase), by: f.hengelo)
            },
        ]),
        "persons": refused("read", "signal") { f in _ = try f.store.persons(of: .signal(f.signal), for: f.hengelo) },
        "possibleMatches": .refusesNobody("biedt alleen personen aan uit wat de gebruiker ziet; een ander wordt niet genoemd (PersonsOverTimeTests)"),
        "linkPerson": refused("create", "person") { f in
            _ = try f.store.linkPerson(try f.personOfSignal(), role: .victim, to: .signal(f.signal), by: f.hengelo)
        },
        "changeRole": refused("create", "person") { f in
            let person = try f.store.persons(of: .signal(f.signal), for: f.processManager)[0]
            try f.store.changeRole(of: person.id, on: .signal(f.signal), from: person.role, to: .environment, reason: "x", by: f.hengelo)
        },
        "correctPerson": refused("create", "person") { f in
            try f.store.correctPerson(try f.personOfSignal(), on: .signal(f.signal),
                                      to: PersonCorrection(initials: "X.", birthYear: nil, givenName: "", familyName: ""), reason: "x", by: f.hengelo)
        },
        "personRecord": refused("read", "person") { f in _ = try f.store.personRecord(id: try f.personOfSignal(), for: f.hengelo) },
        "mergePersons": refused("update", "person") { f in _ = try f.store.mergePersons("P-00001", into: "P-00002", reason: "x", by: f.hengelo) },
        "undoMerge": refused("update", "person") { f in _ = try f.store.undoMerge(of: "P-00001", reason: "x", by: f.hengelo) },
        "retentionDue": refused("list", "retention") { f in
            _ = try f.store.retentionDue(under: RetentionRules(rules: [], isProvisional: true), today: Shipped.today.date, for: f.hengelo)
        },
        "confirmRetentionRules": refused("update", "setting") { f in
            try f.store.confirmRetentionRules(RetentionRules(rules: [], isProvisional: false), by: f.hengelo)
        },
        "retentionOverview": refused("list", "retention") { f in
            _ = try f.store.retentionOverview(under: RetentionRules(rules: [], isProvisional: true), today: Shipped.today.date, for: f.hengelo)
        },
        "proposeDestruction": refused("create", "destruction_list") { f in
            _ = try f.store.proposeDestruction(under: RetentionRules(rules: [], isProvisional: false), today: Shipped.today.date, by: f.hengelo)
        },
        "approveDestruction": refused("update", "destruction_list") { f in
            _ = try f.store.approveDestruction(1, under: RetentionRules(rules: [], isProvisional: false), today: Shipped.today.date, by: f.hengelo)
        },
        "finishDestruction": refused("update", "destruction_list") { f in _ = try f.store.finishDestruction(today: Shipped.today.date, by: f.hengelo) },
        "activities": refused("list", "activity", actor: "beheer") { f in
            _ = try f.store.activities(today: Shipped.today.date, for: f.administrator, .asked)
        },
        "saveActivity": refused("create", "activity") { f in
            let enschede = Municipality.twente.first { $0.name == "Enschede" }
            _ = try f.store.saveActivity(ActivityEntry(kind: "voorlichting", theme: .general, audience: "gemeente", municipality: enschede,
                                                       date: Shipped.today.date, givenBy: .designatedOfficer, status: .held, participants: 12,
                                                       note: ""), id: nil, version: nil, by: f.hengelo)
        },
        "consults": refused("list", "consult", actor: "beheer") { f in
            _ = try f.store.consults(today: Shipped.today.date, for: f.administrator, .asked)
        },
        "consult": refused("read", "consult") { f in _ = try f.store.consult(id: f.consult, for: f.hengelo) },
        "registerConsult": refused("create", "consult") { f in
            let enschede = Municipality.twente.first { $0.name == "Enschede" }!
            _ = try f.store.registerConsult(NewConsult(askedAt: Shipped.today, askerKind: .school, askerOrganisation: "School",
                                                       municipality: enschede, forms: [], question: "Vraag."),
                                            engine: f.workflows.consult!, by: f.hengelo)
        },
        "recordConsultEvent": refused("transition", "consult") { f in
            try f.store.recordConsultEvent(ConsultStates.adviceGiven, fields: ["advies": .text("Advies.")], onConsult: f.consult,
                                           expectedVersion: try f.version(ofConsult: f.consult), engine: f.workflows.consult!, by: f.hengelo)
        },
        "inzage": refused("export", "person") { f in _ = try f.store.inzage(ofPerson: "P-00001", workflows: [], by: f.hengelo) },
        "saveDraft": .refusesNobody(ownDrafts),
        "draft": .refusesNobody(ownDrafts),
        "drafts": .refusesNobody(ownDrafts),
        "discardDraft": .refusesNobody(ownDrafts),
        "partnerPage": .refusesNobody(partnersForEveryone),
        "partner": .refusesNobody(partnersForEveryone),
        "shippedPartners": .refusesNobody(partnersForEveryone),
        "partnersForExport": .refusesNobody(partnersForEveryone + "; elke export staat in het log"),
        "contactsForExport": .refusesNobody(partnersForEveryone + "; elke export staat in het log"),
        "savePartner": refused("create", "partner") { f in _ = try f.store.savePartner(Partner(name: "Nieuw"), by: f.hengelo) },
        "archivePartner": refused("update", "partner") { f in try f.store.archivePartner(f.partner, expectedVersion: 1, by: f.hengelo) },
        "refer": refused("create", "referral") { f in
            _ = try f.store.refer(.signal(f.signal), NewReferral(partnerID: f.partner, reason: "Opvang", date: Shipped.today.date), by: f.hengelo)
        },
        "restore": .refusesNobody("alleen de eigenaar van het bestand of root komt zo ver (op de opdrachtregel getoetst); ieder ander kan "
                                  + "de database niet schrijven"),
        "saveFilter": .refusesNobody("de eigen filters van de gebruiker, en de gedeelde van het eigen team"),
        "savedFilters": .refusesNobody("de eigen filters van de gebruiker, en de gedeelde van het eigen team"),
        "search": refused("search", "signal", actor: "beheer") { f in _ = try f.store.search("mensenhandel", in: .signal, limit: 5, for: f.administrator) },
        "bringInShippedDirectory": refused("update", "partner") { f in
            _ = try f.store.bringInShippedDirectory(try Shipped.directory(), dryRun: false, by: f.hengelo)
        },
        "inboxPage": refused("list", "signal", actor: "beheer") { f in _ = try f.store.inboxPage(.first, limit: 5, for: f.administrator) },
        "signalDetail": .refuses([
            Attempt(action: "read", objectType: "signal") { f in _ = try f.store.signalDetail(id: f.signal, for: f.hengelo) },
            Attempt(action: "read", objectType: "signal", result: "not_found") { f in _ = try f.store.signalDetail(id: 999_999, for: f.hengelo) },
        ]),
        "registerSignal": .refuses([
            Attempt(action: "create", objectType: "signal") { f in
                _ = try f.store.registerSignal(NewSignal(source: .phone, reporterType: .anonymous,
                                                         municipality: Municipality.twente.first { $0.name == "Enschede" }!,
                                                         forms: [.labour], description: "Niet van Hengelo."), by: f.hengelo)
            },
            // A Hengelo signal, from an Enschede consult: the consult is not Hengelo's to close.
            Attempt(action: "transition", objectType: "consult") { f in
                _ = try f.store.registerSignal(NewSignal(source: .phone, reporterType: .anonymous,
                                                         municipality: Municipality.twente.first { $0.name == "Hengelo" }!,
                                                         forms: [.labour], description: "Uit een consult van Enschede."),
                                               from: ConsultOrigin(consultID: f.consult, code: "A", version: try f.version(ofConsult: f.consult)),
                                               engine: f.workflows.consult!, by: f.hengelo)
            },
        ]),
        "signalRouteState": refused("read", "signal") { f in _ = try f.store.signalRouteState(id: f.signal, for: f.hengelo) },
        "caseRouteState": refused("read", "case") { f in _ = try f.store.caseRouteState(id: f.kmtCase, for: f.hengelo) },
        "recordRouteEvent": refused("transition", "signal") { f in
            _ = try f.store.recordRouteEvent("contact_opgenomen", fields: [:], onSignal: f.signal, expectedVersion: 1,
                                             workflows: f.workflows, by: f.hengelo)
        },
        "recordCaseEvent": refused("transition", "case") { f in
            _ = try f.store.recordCaseEvent("x", fields: [:], onCase: f.kmtCase, expectedVersion: 1, engine: f.workflows.caseProcess,
                                            by: f.hengelo)
        },
        "importPartners": refused("create", "partner") { f in _ = try f.store.importPartners([Partner(name: "Nieuw")], dryRun: false, by: f.hengelo) },
        "timelinePage": .refuses([
            Attempt(action: "read", objectType: "signal") { f in _ = try f.store.timelinePage(of: .signal(f.signal), .first, limit: 5, for: f.hengelo) },
            Attempt(action: "read", objectType: "case") { f in _ = try f.store.timelinePage(of: .kmtCase(f.kmtCase), .first, limit: 5, for: f.hengelo) },
        ]),
        "logIn": .refuses([
            Attempt(action: "login", objectType: "user", actor: "niemand") { f in _ = try f.store.logIn(login: "niemand") },
            Attempt(action: "login", objectType: "user", actor: "de.echte") { f in
                try f.store.write { db in try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [Store.demoMarker]) }
                _ = try f.store.logIn(as: "pm.kmt", by: "de.echte")
            },
        ]),
    ]

    /// The public methods of the store that act for a user (a `User` among their parameters), and
    /// `logIn`, from the source of SchakelStore.
    static func methodsActingForAUser() throws -> Set<String> {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SchakelStore")
        var names: Set<String> = ["logIn"]
        for file in try FileManager.default.contentsOfDirectory(atPath: sources.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /public (?:static )?func (\w+)(?:<[^>]*>)?\(/) {
                // The parameter list, up to its closing parenthesis.
                var depth = 0
                var parameters = ""
                for character in text[match.range.upperBound...] {
                    if character == "(" { depth += 1 }
                    if character == ")" { if depth == 0 { break }; depth -= 1 }
                    parameters.append(character)
                }
                if parameters.contains(/:\s*User\b/) { names.insert(String(match.output.1)) }
            }
        }
        return names
    }

    @Test func everyMethodThatActsForAUserHasARow() throws {
        let methods = try Self.methodsActingForAUser()
        #expect(methods.count > 50)
        let missing = methods.subtracting(Self.table.keys).sorted(), extra = Set(Self.table.keys).subtracting(methods).sorted()
        #expect(missing.isEmpty && extra.isEmpty, "without a row: \(missing); a row without a method: \(extra)")
    }

    @Test(arguments: table.keys.sorted())
    func everyRefusalIsWritten(method: String) throws {
        guard case .refuses(let attempts) = Self.table[method]! else { return }
        for attempt in attempts {
            let fixture = try Fixture()
            let last = { try fixture.store.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM audit_log")! } }
            let before = try last()
            var thrown: (any Error)?
            do {
                try attempt.attempt(fixture)
            } catch {
                // Refused by throwing, or (a list) by coming back empty: the log says which.
                thrown = error
            }
            let lines = try fixture.store.read { db in
                try Row.fetchAll(db, sql: "SELECT actor, action, object_type, result FROM audit_log WHERE id > ? ORDER BY id", arguments: [before])
            }
            let refusals = lines.filter { $0["result"] as String != "ok" }
            #expect(refusals.count == 1, "\(method): \(lines); thrown: \(thrown.map { "\($0)" } ?? "nothing")")
            guard let line = refusals.first else { continue }
            #expect(line["actor"] as String == attempt.actor, "\(method): \(line)")
            #expect(line["action"] as String == attempt.action && line["object_type"] as String == attempt.objectType, "\(method): \(line)")
            #expect(line["result"] as String == attempt.result, "\(method): \(line)")
        }
    }
}
