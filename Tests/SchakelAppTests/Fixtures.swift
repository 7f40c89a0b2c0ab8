import Foundation
import Meldroute
import SchakelCore
import TerminalKit
@testable import SchakelApp

/// Fixed data for screen and reducer tests.
enum Fixtures {
    static let today = CivilDate(iso: "2026-11-24")!
    static let clock = FixedClock(LocalDateTime(date: today, hour: 10, minute: 30))
    static let enschede = Municipality.twente.first { $0.name == "Enschede" }!

    /// The shipped municipal route, read from `Resources/workflows/`.
    static let workflow = shippedWorkflow("gemeentelijke-meldroute")
    static let caseWorkflow = shippedWorkflow("kmt-werkproces")
    static let meetingWorkflow = shippedWorkflow("overleg")

    /// Two rules of "wie bel ik voor…": a minor, and always.
    static let callRules = [
        CallRule(name: "Minderjarige", minor: true, calls: [.init(organisation: "vtt", reason: "Melden bij Veilig Thuis (meldcode).")]),
        CallRule(name: "Altijd", calls: [.init(organisation: "jbov", reason: "Jeugdbescherming als het thuis tekortschiet."),
                                         .init(organisation: "skillz", reason: "Jongerenwerk in Hengelo.")]),
    ]

    /// The dadertafel's series, for its standing items.
    static let meetingSeries = [
        MeetingSeriesDefinition(id: "dadertafel", kind: "dadertafel", title: "Dadertafel", rhythm: .onDemand, weekday: 4,
                                startHour: 10, startMinute: 0, lengthMinutes: 90, location: "ZVHT", chair: "KMT", organiser: "KMT",
                                invited: [], standingItems: ["Opening", "Mededelingen", "Rondvraag"], perMunicipality: false, line: nil),
    ]

    /// A workflow from `Resources/workflows/`.
    static func shippedWorkflow(_ name: String) -> WorkflowDefinition {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/workflows/\(name).yaml")
        return try! WorkflowLoader.load(yaml: String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
    }

    static let af = User(id: 1, login: "af.enschede", displayName: "Anouk Veldkamp (demo)", role: .designatedOfficer,
                         municipality: enschede)

    static let processManager = User(id: 2, login: "pm.kmt", displayName: "Procesmanager KMT (demo)", role: .processManager,
                                     municipality: nil)

    static let careCoordinator = User(id: 3, login: "zc.kmt", displayName: "Zorgcoördinator KMT (demo)", role: .careCoordinator,
                                      municipality: nil)

    static func context(user: User = af) -> AppContext {
        AppContext(user: user, today: today, calendar: WorkingDayCalendar(), workflow: workflow, caseWorkflow: caseWorkflow,
                   meetingWorkflow: meetingWorkflow, meetingSeries: meetingSeries, callRules: callRules,
                   shippedDirectory: ShippedDirectory(version: 2, organisations: [ShippedOrganisation(key: "halt", name: "Halt")]), helpLines: ["Overal", "  ?   deze hulp", "  q   stoppen"], isDemo: true)
    }

    static func state(_ size: Size = Size(width: 80, height: 24)) -> AppState {
        AppState(context: context(), size: size)
    }

    /// `count` signals, newest first, one received every calendar day back from today.
    static func signals(_ count: Int, startingAt first: Int = 0) -> [SignalSummary] {
        let states = ["gemeld", "contact", "onderzoek", "beslismoment", "doorgezet", "afgesloten", "gemeld"]
        let forms: [ExploitationForms] = [[.sexual], [.labour], [.criminal, .labour], [.organRemoval], [.sexual, .criminal]]
        let places = ["Enschede", "Hof van Twente", "Rijssen-Holten", "Hengelo"]
        return (first..<(first + count)).map { index in
            let date = today.adding(days: -index)
            let id = Int64(10_000 - index)
            return SignalSummary(
                id: id, key: ListKey(sortValue: date.iso + "T09:00:00Z", id: id),
                code: "S2026-" + String(9000 - index), receivedAt: LocalDateTime(date: date, hour: 10, minute: 0),
                municipality: places[index % places.count], forms: forms[index % forms.count],
                state: states[index % states.count], acute: index % 5 == 0, minorInvolved: index % 7 == 3)
        }
    }

    /// `count` meetings, one every third day from `first` days from today (negative: earlier),
    /// keyed like the store's list (the sort value is the day, so `meetingListKey` finds today).
    static func meetings(_ count: Int, from first: Int = -3) -> [Meeting] {
        let kinds: [(MeetingKind, String, String?)] = [
            (.casustafel, "Casustafel mensenhandel", nil), (.localUnderminingMeeting, "Lokaal ondermijningsoverleg Enschede", "Enschede"),
            (.dadertafel, "Dadertafel", nil),
        ]
        let statuses = ["gepland", "agenda_vastgesteld", "gehouden"]
        return (0..<count).map { index in
            let date = today.adding(days: first + 3 * index)
            let (kind, title, municipality) = kinds[index % kinds.count]
            let id = Int64(500 + index)
            return Meeting(id: id, key: ListKey(sortValue: date.iso + "T12:30:00Z", id: id), kind: kind, title: title,
                           startsAt: LocalDateTime(date: date, hour: 13, minute: 30), location: "Zorg- en Veiligheidshuis Twente",
                           municipality: municipality, status: date < today ? "gehouden" : statuses[index % 2],
                           visibility: .full, lengthMinutes: 150, itemCount: index % 4, series: kind.rawValue,
                           invited: ["Politie / AVIM", "Veilig Thuis Twente (VTT)"])
        }
    }

    static func detail() -> SignalDetail {
        SignalDetail(
            summary: signals(1)[0], source: .email, reporterType: .municipalEmployee,
            reporterName: "J. de Boer (fictief)", reporterOrganisation: "Wijkteam gemeente Enschede",
            location: "nagelstudio, Enschede",
            description: "Een inwoner meldt dat een kennis in een nagelstudio werkt voor kost en inwoning.\r\nVan:\tmelder",
            persons: [
                InvolvedPerson(initials: "Z.Ç.", birthYear: 2009, role: .presumedVictim, fullName: "Zoë Çelik"),
                InvolvedPerson(initials: "伟.李.", birthYear: 1980, role: .suspect, fullName: "伟 李"),
            ])
    }
}

/// An in-memory inbox over fixed rows, paging by key like the store.
final class FakeSignals: SignalReading, SignalWriting, SignalRouting, DraftKeeping, CaseListing, CaseOpening, TimelineKeeping,
                         ChangeWatching, Searching, FilterKeeping, MeetingBrowsing, AgendaEditing, MeetingStepping, MinutesKeeping,
                         ExportFiling, PartnerDirectory, ReferralKeeping, UserAdministering, FigureCounting,
                         @unchecked Sendable {
    /// What `signalFigures` answers, per area; counted as asked.
    var figures: [FiguresArea: SignalFigures] = [:]
    var figureRequests: [(FiguresPeriod, FiguresArea)] = []

    func recordFiguresExport(_ period: FiguresPeriod, in area: FiguresArea, format: String, for user: User) throws(StoreFailure) {}
    func figuresThreshold() throws(StoreFailure) -> Int { JointSuppression.defaultThreshold }

    func signalFigures(_ period: FiguresPeriod, in area: FiguresArea, outcomes: RouteOutcomes?, timing: RouteTiming?, for user: User)
        throws(StoreFailure) -> SignalFigures {
        figureRequests.append((period, area))
        guard AccessPolicy.figureAreas(for: user).contains(area) else { throw .noAccess }
        let found = figures[area] ?? SignalFigures(period: period, area: area, signals: 0, breakdowns: [])
        return SignalFigures(period: period, area: area, signals: found.signals, breakdowns: found.breakdowns)
    }

    /// The users the Beheer tab keeps, in login order.
    var managed = [ManagedUser(user: Fixtures.af, isActive: true), ManagedUser(user: Fixtures.processManager, isActive: true)]

    func managedUsers(by administrator: User) throws(StoreFailure) -> [ManagedUser] {
        guard AccessPolicy.canManageUsers(administrator) else { throw .noAccess }
        return managed.sorted { $0.user.login < $1.user.login }
    }

    func createUser(login: String, displayName: String, role: Role, municipality: Municipality?, by administrator: User) throws(StoreFailure)
        -> Int64 {
        if let problem = UserRules.problem(login: login, displayName: displayName, role: role, municipality: municipality) {
            throw .refused(problem)
        }
        guard !managed.contains(where: { $0.user.login == login }) else { throw .refused("De login '\(login)' bestaat al.") }
        let id = Int64(managed.count + 100)
        managed.append(ManagedUser(user: User(id: id, login: login, displayName: displayName, role: role, municipality: municipality),
                                   isActive: true))
        return id
    }

    func updateUser(login: String, displayName: String, role: Role, municipality: Municipality?, by administrator: User) throws(StoreFailure) {
        guard let index = managed.firstIndex(where: { $0.user.login == login }) else { throw .unknownUser(login: login) }
        let old = managed[index]
        managed[index] = ManagedUser(user: User(id: old.user.id, login: login, displayName: displayName, role: role, municipality: municipality),
                                     isActive: old.isActive)
    }

    func setUserActive(login: String, active: Bool, by administrator: User) throws(StoreFailure) {
        guard let index = managed.firstIndex(where: { $0.user.login == login }) else { throw .unknownUser(login: login) }
        managed[index] = ManagedUser(user: managed[index].user, isActive: active)
    }

    var filters: [SavedFilter] = []

    /// Meetings earliest first, and their agendas by meeting id.
    var meetings: [Meeting] = []
    var agendas: [Int64: [AgendaItem]] = [:]

    func meetingPage(_ request: PageRequest, limit: Int, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> Page<Meeting> {
        reads.append(ReadRecord(what: "meetings", occasion: occasion))
        return Self.page(meetings, request, limit: limit, newestFirst: false, key: \.key)
    }

    func meetingListKey(atStartOf day: CivilDate) -> ListKey { ListKey(sortValue: day.iso, id: 0) }

    func agenda(ofMeeting meetingID: Int64, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> [AgendaItem] {
        reads.append(ReadRecord(what: "agenda", occasion: occasion))
        guard let items = agendas[meetingID] else { throw .noAccess }
        return items
    }

    var waiting: [WaitingDiscussion] = []

    func meeting(id: Int64, for user: User) throws(StoreFailure) -> Meeting? { meetings.first { $0.id == id } }

    func agendaForExport(meetingID: Int64, partner: String?, format: String, for user: User) throws(StoreFailure) -> AgendaExport {
        guard let meeting = meetings.first(where: { $0.id == meetingID }) else { throw .noAccess }
        let document = AgendaDocument(meeting: meeting, items: agendas[meetingID] ?? [], partner: partner, statusLabel: "")
        return AgendaExport(meeting: meeting, items: document.items, partner: partner, stamp: "20261124T093000Z")
    }

    /// Agenda changes asked for, in order, and an answer to give the next one instead of making it.
    var agendaChanges: [AgendaChange] = []
    var nextAgendaFailure: StoreFailure?

    /// Makes the change on the fake agenda and raises the meeting's version, as the store does.
    private func changeAgenda(_ change: AgendaChange, of meetingID: Int64, expectedVersion: Int) throws(StoreFailure) -> Int {
        if let failure = nextAgendaFailure {
            nextAgendaFailure = nil
            throw failure
        }
        guard let index = meetings.firstIndex(where: { $0.id == meetingID }) else { throw .noAccess }
        let meeting = meetings[index]
        guard meeting.version == expectedVersion else {
            throw .conflict(ConcurrentChange(by: "Collega (demo)", at: Fixtures.clock.now(), what: "agendapunt toegevoegd."))
        }
        agendaChanges.append(change)
        var items = agendas[meetingID] ?? []
        func item(_ id: Int64, _ draft: AgendaItemDraft, code: String?) -> AgendaItem {
            AgendaItem(id: id, position: 0, title: draft.title, subjectCode: code, notes: "", question: draft.question,
                       broughtBy: draft.broughtBy, minutesAllotted: draft.minutesAllotted, invited: draft.invited)
        }
        switch change {
        case .add(let draft, let subject):
            items.append(item(Int64(900 + items.count), draft, code: subject.map { "C2026-\($0.id)" }))
        case .standing(let titles):
            for title in titles { items.append(item(Int64(900 + items.count), AgendaItemDraft(title: title, minutesAllotted: 5), code: nil)) }
        case .update(let itemID, let draft):
            if let at = items.firstIndex(where: { $0.id == itemID }) { items[at] = item(itemID, draft, code: items[at].subjectCode) }
        case .move(let itemID, let offset):
            if let at = items.firstIndex(where: { $0.id == itemID }) { items.insert(items.remove(at: at), at: at + offset) }
        case .remove(let itemID):
            items.removeAll { $0.id == itemID }
        }
        agendas[meetingID] = items.enumerated().map { index, old in
            AgendaItem(id: old.id, position: index + 1, title: old.title, subjectCode: old.subjectCode, notes: old.notes,
                       question: old.question, broughtBy: old.broughtBy, minutesAllotted: old.minutesAllotted, invited: old.invited)
        }
        meetings[index] = Meeting(id: meeting.id, key: meeting.key, kind: meeting.kind, title: meeting.title, startsAt: meeting.startsAt,
                                  location: meeting.location, municipality: meeting.municipality, status: meeting.status,
                                  visibility: meeting.visibility, lengthMinutes: meeting.lengthMinutes, itemCount: items.count,
                                  series: meeting.series, version: meeting.version + 1, chair: meeting.chair, invited: meeting.invited)
        return meeting.version + 1
    }

    /// Minutes recorded, by item id, and the open action items the Acties view pages through.
    var minutes: [(itemID: Int64, entry: MinutesEntry)] = []
    var actions: [ActionItem] = []
    var actionFilters: [ActionFilter] = []

    func recordMinutes(_ entry: MinutesEntry, onItem itemID: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) -> Int {
        if let failure = nextAgendaFailure {
            nextAgendaFailure = nil
            throw failure
        }
        guard let meetingID = agendas.first(where: { $0.value.contains { $0.id == itemID } })?.key,
              let index = meetings.firstIndex(where: { $0.id == meetingID }) else { throw .noAccess }
        let meeting = meetings[index]
        guard meeting.version == expectedVersion else {
            throw .conflict(ConcurrentChange(by: "Collega (demo)", at: Fixtures.clock.now(), what: "verslag bijgewerkt."))
        }
        minutes.append((itemID, entry))
        agendas[meetingID] = agendas[meetingID]?.map { old in
            guard old.id == itemID else { return old }
            return AgendaItem(id: old.id, position: old.position, title: old.title, subjectCode: old.subjectCode, notes: old.notes,
                              question: old.question, broughtBy: old.broughtBy, minutesAllotted: old.minutesAllotted,
                              persons: old.persons, forms: old.forms, municipality: old.municipality, invited: old.invited,
                              summary: entry.summary, decisions: old.decisions + (entry.decision.isEmpty ? [] : [entry.decision]))
        }
        meetings[index] = Meeting(id: meeting.id, key: meeting.key, kind: meeting.kind, title: meeting.title, startsAt: meeting.startsAt,
                                  location: meeting.location, municipality: meeting.municipality, status: meeting.status,
                                  visibility: meeting.visibility, lengthMinutes: meeting.lengthMinutes, itemCount: meeting.itemCount,
                                  series: meeting.series, version: meeting.version + 1, chair: meeting.chair, invited: meeting.invited)
        return meeting.version + 1
    }

    func openActionItems(_ request: PageRequest, limit: Int, filter: ActionFilter, for user: User,
                         _ occasion: ReadOccasion) throws(StoreFailure) -> Page<ActionItem> {
        reads.append(ReadRecord(what: "actions", occasion: occasion))
        actionFilters.append(filter)
        let matching = actions.filter { action in
            (filter.owner.isEmpty || action.owner.localizedCaseInsensitiveContains(filter.owner))
                && (filter.meetingID == nil || action.meetingID == filter.meetingID)
        }
        return Self.page(matching, request, limit: limit, newestFirst: false, key: \.key)
    }

    func minutesForExport(meetingID: Int64, for user: User) throws(StoreFailure) -> MinutesExport {
        guard let meeting = meetings.first(where: { $0.id == meetingID }), meeting.visibility == .full else { throw .noAccess }
        return MinutesExport(meeting: meeting, items: agendas[meetingID] ?? [], actions: actions.filter { $0.meetingID == meetingID })
    }

    /// The export folder, and what was written to it by file name.
    var exportFolderPath: String?
    var exportedFiles: [String: String] = [:]

    func exportFolder() throws(StoreFailure) -> String? { exportFolderPath }

    func writeExport(_ text: String, named name: String, by user: User) throws(StoreFailure) -> String {
        guard let folder = exportFolderPath else { throw .refused("Er is geen exportmap ingesteld.") }
        exportedFiles[name] = text
        return folder + "/" + name
    }

    func completeActionItem(_ id: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) {
        guard let index = actions.firstIndex(where: { $0.id == id }), actions[index].version == expectedVersion else {
            throw .refused("Deze actie is intussen gewijzigd of al afgerond; de lijst wordt opnieuw geladen.")
        }
        actions.remove(at: index)
    }

    /// The sociale kaart in name order, and the filters it was asked for.
    var partners: [PartnerDetail] = []
    var partnerFilters: [PartnerFilter] = []

    func partnerPage(_ request: PageRequest, limit: Int, filter: PartnerFilter, today: CivilDate,
                     for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> Page<Partner> {
        reads.append(ReadRecord(what: "partners", occasion: occasion))
        partnerFilters.append(filter)
        let matching = partners.map(\.partner).filter { partner in
            (filter.text.isEmpty || [partner.name, partner.shortName, partner.offer].contains { $0.localizedCaseInsensitiveContains(filter.text) })
                && (filter.targetGroups.isEmpty || filter.targetGroups.rawValue & partner.targetGroups.rawValue != 0)
                && (filter.municipality.map(partner.area.covers) ?? true)
                && (!filter.alwaysReachableOnly || partner.crisisAlwaysReachable)
        }
        return Self.page(matching, request, limit: limit, newestFirst: false, key: \.listKey)
    }

    func partner(id: Int64, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> PartnerDetail? {
        reads.append(ReadRecord(what: "partner", occasion: occasion))
        return partners.first { $0.partner.id == id }
    }

    func shippedPartners(for user: User) throws(StoreFailure) -> [String: Partner] {
        Dictionary(partners.compactMap { detail in detail.partner.shippedKey.map { ($0, detail.partner) } }, uniquingKeysWith: { a, _ in a })
    }

    /// Saves over the loaded version, stamped as the store does; a colleague's change first is a conflict.
    func savePartner(_ partner: Partner, by user: User) throws(StoreFailure) -> (id: Int64, version: Int) {
        var saved = partner
        saved.verified = Verification(on: Fixtures.today, by: user.displayName)
        guard let id = partner.id else {
            saved.id = Int64(100 + partners.count)
            saved.version = 1
            partners.append(PartnerDetail(partner: saved, contacts: []))
            partners.sort { $0.partner.name < $1.partner.name }
            return (saved.id!, 1)
        }
        guard let index = partners.firstIndex(where: { $0.partner.id == id }), partners[index].partner.version == partner.version else {
            throw .conflict(ConcurrentChange(by: "po.kmt", at: Fixtures.clock.now(), what: "de gegevens van \(partner.name) zijn gewijzigd."))
        }
        saved.version = (partner.version ?? 0) + 1
        partners[index] = PartnerDetail(partner: saved, contacts: partners[index].contacts)
        return (id, saved.version!)
    }

    /// Saves a contact person on the fake organisation, stamped as the store does.
    func saveContact(_ contact: PartnerContact, by user: User) throws(StoreFailure) -> (id: Int64, version: Int) {
        guard let index = partners.firstIndex(where: { $0.partner.id == contact.partnerID }) else { throw .noAccess }
        var saved = contact
        saved.verified = Verification(on: Fixtures.today, by: user.displayName)
        saved.version = (contact.version ?? 0) + 1
        var contacts = partners[index].contacts
        if let at = contacts.firstIndex(where: { $0.id != nil && $0.id == contact.id }) {
            contacts[at] = saved
        } else {
            saved.id = Int64(200 + contacts.count)
            contacts.append(saved)
        }
        partners[index] = PartnerDetail(partner: partners[index].partner, contacts: contacts, referrals: partners[index].referrals)
        return (saved.id!, saved.version!)
    }

    func archiveContact(_ id: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) {
        for (index, detail) in partners.enumerated() where detail.contacts.contains(where: { $0.id == id }) {
            partners[index] = PartnerDetail(partner: detail.partner, contacts: detail.contacts.filter { $0.id != id }, referrals: detail.referrals)
        }
    }

    /// The shipped directory's version the fake database has, and what bringing one in did.
    var directoryVersion = 2
    var broughtIn: [Int] = []

    func shippedDirectoryVersion() throws(StoreFailure) -> Int { directoryVersion }

    func bringInShippedDirectory(_ directory: ShippedDirectory, dryRun: Bool, by user: User) throws(StoreFailure) -> DirectoryUpdate {
        if !dryRun {
            broughtIn.append(directory.version)
            directoryVersion = directory.version
        }
        var update = DirectoryUpdate()
        update.added = directory.organisations.map(\.name)
        return update
    }

    /// Referrals made, in order.
    var referrals: [(subject: TimelineSubject, referral: NewReferral)] = []

    func refer(_ subject: TimelineSubject, _ referral: NewReferral, by user: User) throws(StoreFailure) -> Int64 {
        if let problem = referral.problem(today: Fixtures.today) { throw .refused(problem) }
        referrals.append((subject, referral))
        return Int64(referrals.count)
    }

    func archivePartner(_ id: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) {
        guard let index = partners.firstIndex(where: { $0.partner.id == id && $0.partner.version == expectedVersion }) else {
            throw .refused("Deze organisatie is intussen gewijzigd of al gearchiveerd; er is niets gearchiveerd.")
        }
        partners.remove(at: index)
    }

    /// Meeting steps recorded, as event ids.
    var meetingEvents: [String] = []

    func recordMeetingEvent(_ eventID: String, fields: FieldValues, onMeeting meetingID: Int64, expectedVersion: Int,
                            engine: WorkflowEngine, by user: User) throws(StoreFailure) -> Int {
        guard let index = meetings.firstIndex(where: { $0.id == meetingID }) else { throw .noAccess }
        let meeting = meetings[index]
        guard meeting.version == expectedVersion else {
            throw .conflict(ConcurrentChange(by: "Collega (demo)", at: Fixtures.clock.now(), what: "agenda vaststellen."))
        }
        let instance = WorkflowInstance(state: meeting.status, facts: CaseFacts(), receivedAt: meeting.startsAt)
        switch engine.fire(eventID, fields: fields, on: instance, now: Fixtures.clock.now()) {
        case .failure(let rejection): throw .rejected(rejection)
        case .success(let fired):
            meetingEvents.append(eventID)
            meetings[index] = Meeting(id: meeting.id, key: meeting.key, kind: meeting.kind, title: meeting.title, startsAt: meeting.startsAt,
                                      location: meeting.location, municipality: meeting.municipality, status: fired.to,
                                      visibility: meeting.visibility, lengthMinutes: meeting.lengthMinutes, itemCount: meeting.itemCount,
                                      series: meeting.series, version: meeting.version + 1, chair: meeting.chair, invited: meeting.invited)
            return meeting.version + 1
        }
    }

    func addAgendaItem(_ item: AgendaItemDraft, about subject: TimelineSubject?, toMeeting meetingID: Int64, expectedVersion: Int,
                       by user: User) throws(StoreFailure) -> Int {
        try changeAgenda(.add(item, about: subject), of: meetingID, expectedVersion: expectedVersion)
    }
    func addStandingItems(_ titles: [String], toMeeting meetingID: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) -> Int {
        try changeAgenda(.standing(titles), of: meetingID, expectedVersion: expectedVersion)
    }
    func updateAgendaItem(_ itemID: Int64, _ item: AgendaItemDraft, expectedVersion: Int, by user: User) throws(StoreFailure) -> Int {
        guard let meetingID = agendas.first(where: { $0.value.contains { $0.id == itemID } })?.key else { throw .noAccess }
        return try changeAgenda(.update(itemID: itemID, item), of: meetingID, expectedVersion: expectedVersion)
    }
    func moveAgendaItem(_ itemID: Int64, by offset: Int, expectedVersion: Int, by user: User) throws(StoreFailure) -> Int {
        guard let meetingID = agendas.first(where: { $0.value.contains { $0.id == itemID } })?.key else { throw .noAccess }
        return try changeAgenda(.move(itemID: itemID, by: offset), of: meetingID, expectedVersion: expectedVersion)
    }
    func removeAgendaItem(_ itemID: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) -> Int {
        guard let meetingID = agendas.first(where: { $0.value.contains { $0.id == itemID } })?.key else { throw .noAccess }
        return try changeAgenda(.remove(itemID: itemID), of: meetingID, expectedVersion: expectedVersion)
    }

    func waitingForDiscussion(limit: Int, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> [WaitingDiscussion] {
        reads.append(ReadRecord(what: "waiting", occasion: occasion))
        return Array(waiting.prefix(limit))
    }

    func saveFilter(named name: String, _ filter: SignalFilter, shared: Bool, by user: User) throws(StoreFailure) {
        filters.removeAll { $0.name == name }
        filters.append(SavedFilter(id: Int64(filters.count + 1), name: name, owner: user.displayName, isOwn: true, isShared: shared,
                                   filter: filter))
    }

    func savedFilters(for user: User) throws(StoreFailure) -> [SavedFilter] { filters }

    var searchHits: [SearchHit] = []

    func search(_ text: String, in source: SearchHit.Source, after: Int64?, limit: Int,
                for user: User) throws(StoreFailure) -> Page<SearchHit> {
        Page(rows: searchHits.filter { $0.source == source }, hasMore: false)
    }

    var drafts: [String: String] = [:]
    var cases: [CaseSummary] = []
    /// Timeline lines per subject, oldest first.
    var timelines: [TimelineSubject: [TimelineEntry]] = [:]
    var openedCases: [(signalID: Int64, perpetratorTrack: Bool)] = []

    func casePage(_ request: PageRequest, limit: Int, for user: User) throws(StoreFailure) -> Page<CaseSummary> {
        Self.page(cases, request, limit: limit, newestFirst: true, key: \.key)
    }

    func timelinePage(of subject: TimelineSubject, kinds: Set<TimelineKind>, _ request: PageRequest, limit: Int,
                      for user: User) throws(StoreFailure) -> Page<TimelineEntry> {
        let lines = (timelines[subject] ?? []).filter { kinds.isEmpty || kinds.contains($0.kind) }
        return Self.page(lines, request, limit: limit, newestFirst: false, key: \.key)
    }

    func addNote(_ text: String, to subject: TimelineSubject, by user: User) throws(StoreFailure) -> Int64 {
        let id = Int64((timelines.values.map(\.count).reduce(0, +)) + 1_000)
        let moment = Fixtures.clock.now()
        timelines[subject, default: []].append(TimelineEntry(
            id: id, key: ListKey(sortValue: moment.date.iso + "T23:59:00Z", id: id), kind: .note, occurredAt: moment,
            author: user.displayName, text: text))
        return id
    }

    func openCase(fromSignal signalID: Int64, perpetratorTrack: Bool, summary: String, caseProcess: WorkflowEngine,
                  by user: User) throws(StoreFailure) -> (id: Int64, code: String) {
        openedCases.append((signalID, perpetratorTrack))
        return (Int64(openedCases.count), "C2026-000\(openedCases.count)")
    }

    /// Keyset paging over rows in list order, as the store does it.
    static func page<T>(_ rows: [T], _ request: PageRequest, limit: Int, newestFirst: Bool, key: KeyPath<T, ListKey>) -> Page<T> {
        func before(_ a: ListKey, _ b: ListKey) -> Bool {
            newestFirst ? (a.sortValue, a.id) > (b.sortValue, b.id) : (a.sortValue, a.id) < (b.sortValue, b.id)
        }
        switch request {
        case .first: return Page(rows: Array(rows.prefix(limit)), hasMore: rows.count > limit)
        case .last: return Page(rows: Array(rows.suffix(limit)), hasMore: rows.count > limit)
        case .after(let k):
            let rest = rows.filter { before(k, $0[keyPath: key]) }
            return Page(rows: Array(rest.prefix(limit)), hasMore: rest.count > limit)
        case .before(let k):
            let earlier = rows.filter { before($0[keyPath: key], k) }
            return Page(rows: Array(earlier.suffix(limit)), hasMore: earlier.count > limit)
        }
    }

    /// Drafts by kind, and by subject after a slash where there is one ("route-stap/signal-7").
    static func draftKey(_ kind: String, _ subject: String) -> String { subject.isEmpty ? kind : kind + "/" + subject }
    func saveDraft(kind: String, subject: String, payload: String, for user: User) throws(StoreFailure) {
        drafts[Self.draftKey(kind, subject)] = payload
    }
    func draft(kind: String, subject: String, for user: User) throws(StoreFailure) -> String? { drafts[Self.draftKey(kind, subject)] }
    func discardDraft(kind: String, subject: String, for user: User) throws(StoreFailure) { drafts[Self.draftKey(kind, subject)] = nil }
    func drafts(kind: String, for user: User) throws(StoreFailure) -> [String] {
        drafts.filter { $0.key == kind || $0.key.hasPrefix(kind + "/") }.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Newest first, as the store orders them.
    var rows: [SignalSummary]
    /// Bumped to play a colleague's commit.
    var version = 0
    var requests: [PageRequest] = []
    var registered: [NewSignal] = []
    /// When set, registering fails with it.
    var registrationFailure: StoreFailure?

    init(_ rows: [SignalSummary]) { self.rows = rows }

    func inboxPage(_ request: PageRequest, limit: Int) -> Page<SignalSummary> {
        requests.append(request)
        switch request {
        case .first:
            return Page<SignalSummary>(rows: Array(rows.prefix(limit)), hasMore: rows.count > limit)
        case .last:
            return Page<SignalSummary>(rows: Array(rows.suffix(limit)), hasMore: rows.count > limit)
        case .after(let key):
            // Keyset order, as in SQL: rows strictly older than the key.
            let rest = rows.filter { ($0.key.sortValue, $0.key.id) < (key.sortValue, key.id) }
            return Page<SignalSummary>(rows: Array(rest.prefix(limit)), hasMore: rest.count > limit)
        case .before(let key):
            let earlier = rows.filter { ($0.key.sortValue, $0.key.id) > (key.sortValue, key.id) }
            return Page<SignalSummary>(rows: Array(earlier.suffix(limit)), hasMore: earlier.count > limit)
        }
    }

    /// The last filter asked for, to check what the screen sends.
    var lastFilter = SignalFilter()

    /// Every audited read asked of the store, with why: what the audit log would record.
    struct ReadRecord: Hashable {
        let what: String
        let occasion: ReadOccasion
    }
    var reads: [ReadRecord] = []

    func inboxPage(_ request: PageRequest, limit: Int, filter: SignalFilter, overdue: [OverdueRule],
                   for user: User, _ occasion: ReadOccasion) throws -> Page<SignalSummary> {
        reads.append(ReadRecord(what: "inbox", occasion: occasion))
        lastFilter = filter
        return inboxPage(request, limit: limit)
    }

    func signalDetail(id: Int64, for user: User, _ occasion: ReadOccasion) throws -> SignalDetail? {
        reads.append(ReadRecord(what: "signal", occasion: occasion))
        return rows.contains { $0.id == id } ? Fixtures.detail() : nil
    }

    func dataVersion() throws(StoreFailure) -> Int { version }

    /// Route state per signal, as the store would keep it.
    var routes: [Int64: SignalRouteState] = [:]
    var recorded: [(event: String, fields: FieldValues)] = []

    func signalRouteState(id: Int64, for user: User) throws(StoreFailure) -> SignalRouteState {
        if let route = routes[id] { return route }
        guard let row = rows.first(where: { $0.id == id }) else { throw .noAccess }
        let instance = WorkflowInstance(state: row.state, facts: CaseFacts(acute: row.acute, minorInvolved: row.minorInvolved),
                                        receivedAt: row.receivedAt)
        return SignalRouteState(signalID: id, code: row.code, instance: instance, version: 1)
    }

    func recordRouteEvent(_ eventID: String, fields: FieldValues, onSignal id: Int64, expectedVersion: Int,
                          workflows: Workflows, by user: User) throws(StoreFailure) -> RecordedRouteEvent {
        let engine = workflows.signalRoute
        let current = try signalRouteState(id: id, for: user)
        guard current.version == expectedVersion else {
            throw .conflict(ConcurrentChange(by: "Collega", at: Fixtures.clock.now(), what: "iets vastgelegd."))
        }
        switch engine.fire(eventID, fields: fields, on: current.instance, now: Fixtures.clock.now()) {
        case .success(let fired):
            recorded.append((eventID, fields))
            routes[id] = SignalRouteState(signalID: id, code: current.code, instance: fired.instance, version: expectedVersion + 1)
            return RecordedRouteEvent(transition: fired, version: expectedVersion + 1, timelineEventID: Int64(recorded.count))
        case .failure(let rejection):
            throw .rejected(rejection)
        }
    }

    func registerSignal(_ signal: NewSignal, by user: User) throws -> RegisteredSignal {
        if let registrationFailure { throw registrationFailure }
        registered.append(signal)
        return RegisteredSignal(id: 90_000 + Int64(registered.count), code: "S2026-\(9100 + registered.count)")
    }
}

/// A terminal that replays scripted events and records what is drawn.
final class ScriptedTerminal: TerminalBackend {
    var size: Size
    var events: [TerminalEvent]
    var frames: [(runs: [Run], repaint: Bool)] = []

    init(size: Size, events: [TerminalEvent]) {
        self.size = size
        self.events = events
    }

    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        events.isEmpty ? .key(.character("q")) : events.removeFirst()
    }

    func present(_ runs: [Run], repaint: Bool) { frames.append((runs, repaint)) }
}

/// Runs an action and every effect it leads to against the fake store, through the program's own
/// effect runner; returns the effects, for tests that check what was asked.
@discardableResult
func runEffects(_ state: inout AppState, _ action: AppAction, on store: FakeSignals) -> [AppEffect] {
    var seen: [AppEffect] = []
    var queue = [action]
    while !queue.isEmpty {
        for effect in AppReducer.reduce(&state, queue.removeFirst()) {
            seen.append(effect)
            if let next = Program.result(of: effect, state: state, store: store, clock: Fixtures.clock) { queue.append(next) }
        }
    }
    return seen
}

/// One feature's state with the shell beside it, as the app holds them: for testing a feature's
/// reducer on its own. Its state's members read through (`state.inbox`).
@dynamicMemberLookup
struct FeatureState<F: Feature> {
    var feature: F.State
    var shell: Shell

    init(_ feature: F.State, user: User = Fixtures.af, size: Size = Size(width: 80, height: 24)) {
        self.feature = feature
        shell = Shell(context: Fixtures.context(user: user), size: size)
    }

    subscript<T>(dynamicMember path: WritableKeyPath<F.State, T>) -> T {
        get { feature[keyPath: path] }
        set { feature[keyPath: path] = newValue }
    }

    var status: StatusMessage? {
        get { shell.status }
        set { shell.status = newValue }
    }
    var context: AppContext { shell.context }
    var size: Size { shell.size }

    /// The whole app around the feature, on the feature's tab, for rendering.
    var app: AppState {
        var app = AppState(context: shell.context, size: shell.size)
        app.shell = shell
        app[keyPath: F.state] = feature
        app.tab = Tab.allCases.first { ObjectIdentifier($0.feature) == ObjectIdentifier(F.self) } ?? .signals
        return app
    }
}

/// The Signalen pane on its own.
typealias SignalsTestState = FeatureState<SignalsFeature>

extension FeatureState where F == SignalsFeature {
    init(user: User = Fixtures.af, size: Size = Size(width: 80, height: 24)) { self.init(SignalsState(), user: user, size: size) }
}

/// Types `text` into the feature a key at a time, running what each key leads to.
func typeKeys<F: Feature>(_ text: String, _ state: inout FeatureState<F>, on store: FakeSignals) {
    for character in text {
        if let action = F.action(for: .keyPressed(.character(character))) { runEffects(&state, action, on: store) }
    }
}

/// Runs a feature's action and every effect it leads to against the fake store, with the
/// feature's own runner (and only its store capability); requests to the app are returned, not run.
@discardableResult
func runEffects<F: Feature>(_ state: inout FeatureState<F>, _ action: F.Action, on store: FakeSignals) -> [F.Effect] {
    var seen: [F.Effect] = []
    var queue = [action]
    while !queue.isEmpty {
        for effect in F.reduce(&state.feature, queue.removeFirst(), &state.shell) {
            seen.append(effect)
            guard F.request(in: effect) == nil else { continue }
            if let next = F.run(effect, state: state.feature, with: F.capability(of: store), clock: Fixtures.clock,
                                context: state.shell.context) {
                queue.append(next)
            }
        }
    }
    return seen
}

extension Partner {
    /// Where it stands in the fake's name-ordered list.
    var listKey: ListKey { ListKey(sortValue: name, id: id ?? 0) }
}
