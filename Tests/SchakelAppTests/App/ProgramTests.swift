import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

@Suite struct ProgramTests {
    @Test func aKeyPressRedrawsOnlyWhatChanged() {
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), events: [.key(.down)])
        let program = Program(state: Fixtures.state(), terminal: terminal, store: FakeSignals(Fixtures.signals(50)), clock: Fixtures.clock)
        program.run()
        #expect(terminal.frames.count == 2)  // the first frame and the one after ↓; q changes nothing on screen
        #expect(terminal.frames[0].repaint)
        #expect(!terminal.frames[1].repaint)
        let changedRows = Set(terminal.frames[1].runs.map(\.y))
        #expect(changedRows == [3, 4])  // the row left and the row selected
        #expect(!program.state.isRunning)
        #expect(program.terminationSignal == nil)
    }

    @Test func resizeAndControlLRepaintTheWholeScreen() {
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24),
                                        events: [.resized(Size(width: 100, height: 30)), .key(.control("l"))])
        let program = Program(state: Fixtures.state(), terminal: terminal, store: FakeSignals(Fixtures.signals(5)), clock: Fixtures.clock)
        program.run()
        #expect(terminal.frames.map(\.repaint).prefix(3) == [true, true, true])
        #expect(program.state.size == Size(width: 100, height: 30))
    }

    @Test func aTerminationSignalEndsTheProgramAndIsRemembered() {
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), events: [.terminationRequested(signal: 15)])
        let program = Program(state: Fixtures.state(), terminal: terminal, store: FakeSignals([]), clock: Fixtures.clock)
        program.run()
        #expect(program.terminationSignal == 15)
        #expect(!program.state.isRunning)
    }

    func newer(_ id: Int64) -> SignalSummary {
        SignalSummary(id: id, key: ListKey(sortValue: "2026-11-24T09:59:00Z", id: id), code: "S2026-9999",
                      receivedAt: LocalDateTime(date: Fixtures.today, hour: 10, minute: 59), municipality: "Enschede",
                      forms: [.labour], state: "gemeld", acute: false, minorInvolved: false)
    }

    /// A colleague's commit in another process shows without a key press, and the selection stays.
    @Test func aNewSignalAppearsAndTheSelectionStaysOnItsSignal() {
        let fake = FakeSignals(Fixtures.signals(30))
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), events: [])
        let program = Program(state: Fixtures.state(), terminal: terminal, store: fake, clock: Fixtures.clock)
        program.send(.started)
        program.checkForOtherProcessesCommits()
        for _ in 0..<3 { program.send(.keyPressed(.down)) }
        let selected = program.state.signals.inbox.selectedRow?.signal.id

        // Nothing changed: nothing is fetched again.
        let requests = fake.requests.count
        program.checkForOtherProcessesCommits()
        #expect(fake.requests.count == requests)

        fake.rows.insert(newer(20_000), at: 0)
        fake.version += 1
        program.checkForOtherProcessesCommits()
        #expect(program.state.signals.inbox.rows.first?.signal.id == 20_000)
        #expect(program.state.signals.inbox.selectedRow?.signal.id == selected)
    }

    /// The audit log's rule seen from the screen: what a key opens is asked for (and logged); what a
    /// colleague's commit shows again is a refresh (not logged), so idle sessions never write.
    @Test func aColleaguesCommitOnlyRefreshesWhatIsOpenAndAKeyAsks() throws {
        let fake = FakeSignals(Fixtures.signals(30))
        fake.meetings = Fixtures.meetings(5)
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), events: [])
        let program = Program(state: Fixtures.state(), terminal: terminal, store: fake, clock: Fixtures.clock)
        program.send(.started)
        program.checkForOtherProcessesCommits()
        program.send(.keyPressed(.character("3")))        // the meetings listed
        program.send(.keyPressed(.character("w")))        // and what waits for a table
        program.send(.keyPressed(.character("4")))        // the sociale kaart
        program.send(.keyPressed(.character("2")))        // the cases
        program.send(.keyPressed(.character("1")))
        program.send(.keyPressed(.enter))                 // the selected signal opened
        #expect(!fake.reads.isEmpty)
        #expect(fake.reads.allSatisfy { $0.occasion == .asked }, "\(fake.reads)")
        let opened = Set(fake.reads.map(\.what))
        #expect(opened.isSuperset(of: ["inbox", "signal", "meetings", "waiting", "partners", "cases"]), "\(opened)")

        fake.reads = []
        program.checkForOtherProcessesCommits()
        #expect(fake.reads.isEmpty)  // nobody committed: nothing read at all

        fake.version += 1
        program.checkForOtherProcessesCommits()
        #expect(Set(fake.reads.map(\.what)) == opened, "every open list and detail is shown again")
        #expect(fake.reads.allSatisfy { $0.occasion == .refresh }, "\(fake.reads)")

        // The clock passing midnight shows the inbox again for the new day: a refresh too.
        fake.reads = []
        program.send(.clockTicked(LocalDateTime(date: Fixtures.today.adding(days: 1), hour: 0, minute: 0)))
        #expect(fake.reads.allSatisfy { $0.occasion == .refresh }, "\(fake.reads)")
    }

    @Test func aFailingStoreShowsADutchMessageInsteadOfCrashing() {
        struct BrokenStore: SignalReading, SignalWriting, SignalRouting, DraftKeeping, CaseListing, CaseOpening, TimelineKeeping,
                            ChangeWatching, Searching, FilterKeeping, MeetingBrowsing, AgendaEditing, MeetingStepping, MinutesKeeping,
                            ExportFiling, PartnerDirectory, ReferralKeeping, UserAdministering, FigureCounting, PersonKeeping,
                            RetentionKeeping, ActivityKeeping, ConsultKeeping {
            func activities(today: CivilDate, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> ActivityList { throw .busy }
            func consults(today: CivilDate, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> ConsultList { throw .busy }
            func consult(id: Int64, for user: User) throws(StoreFailure) -> Consult { throw .busy }
            func registerConsult(_ consult: NewConsult, engine: WorkflowEngine, by user: User) throws(StoreFailure) -> (id: Int64, code: String) {
                throw .busy
            }
            func recordConsultEvent(_ eventID: String, fields: FieldValues, onConsult id: Int64, expectedVersion: Int,
                                    engine: WorkflowEngine, by user: User) throws(StoreFailure) { throw .busy }
            func registerSignal(_ signal: NewSignal, from origin: ConsultOrigin, engine: WorkflowEngine,
                                by user: User) throws(StoreFailure) -> RegisteredSignal { throw .busy }
            func saveActivity(_ entry: ActivityEntry, id: Int64?, version: Int?, by user: User) throws(StoreFailure) -> Int64 { throw .busy }
            func retentionOverview(under rules: RetentionRules, today: CivilDate, for user: User) throws(StoreFailure) -> RetentionOverview {
                throw .busy
            }
            func proposeDestruction(under rules: RetentionRules, today: CivilDate, by user: User) throws(StoreFailure) -> DestructionList {
                throw .busy
            }
            func approveDestruction(_ id: Int64, under rules: RetentionRules, today: CivilDate,
                                    by user: User) throws(StoreFailure) -> DestructionList { throw .busy }
            func persons(of subject: TimelineSubject, for user: User) throws(StoreFailure) -> [SubjectPerson] { throw .busy }
            func possibleMatches(for person: NewPerson, for user: User) throws(StoreFailure) -> [PersonMatch] { throw .busy }
            func addPerson(_ person: NewPerson, to subject: TimelineSubject, by user: User) throws(StoreFailure) -> AddedPerson { throw .busy }
            func linkPerson(_ personID: Int64, role: PersonRole, to subject: TimelineSubject,
                            by user: User) throws(StoreFailure) -> AddedPerson { throw .busy }
            func changeRole(of personID: Int64, on subject: TimelineSubject, from old: PersonRole, to new: PersonRole, reason: String,
                            by user: User) throws(StoreFailure) { throw .busy }
            func correctPerson(_ personID: Int64, on subject: TimelineSubject, to correction: PersonCorrection, reason: String,
                               by user: User) throws(StoreFailure) { throw .busy }
            func personRecord(id: Int64, for user: User) throws(StoreFailure) -> PersonRecord? { throw .busy }
            func mergePersons(_ absorbed: String, into survivor: String, reason: String,
                              by user: User) throws(StoreFailure) -> PersonMerge { throw .busy }
            func undoMerge(of absorbed: String, reason: String, by user: User) throws(StoreFailure) -> PersonMerge { throw .busy }
            func signalFigures(_ period: FiguresPeriod, in area: FiguresArea, outcomes: RouteOutcomes?, timing: RouteTiming?,
                               for user: User) throws(StoreFailure) -> SignalFigures {
                throw .busy
            }
            func recordFiguresExport(_ period: FiguresPeriod, in area: FiguresArea, format: String, for user: User) throws(StoreFailure) {
                throw .busy
            }
            func figuresThreshold() throws(StoreFailure) -> Int { throw .busy }
            func managedUsers(by administrator: User) throws(StoreFailure) -> [ManagedUser] { throw .busy }
            func createUser(login: String, displayName: String, role: Role, municipality: Municipality?,
                            by administrator: User) throws(StoreFailure) -> Int64 { throw .busy }
            func updateUser(login: String, displayName: String, role: Role, municipality: Municipality?,
                            by administrator: User) throws(StoreFailure) { throw .busy }
            func setUserActive(login: String, active: Bool, by administrator: User) throws(StoreFailure) { throw .busy }
            func meetingPage(_ request: PageRequest, limit: Int, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> Page<Meeting> { throw .busy }
            func meetingListKey(atStartOf day: CivilDate) -> ListKey { ListKey(sortValue: day.iso, id: 0) }
            func agenda(ofMeeting meetingID: Int64, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> [AgendaItem] { throw .busy }
            func waitingForDiscussion(limit: Int, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> [WaitingDiscussion] { throw .busy }
            func meeting(id: Int64, for user: User) throws(StoreFailure) -> Meeting? { throw .busy }
            func agendaForExport(meetingID: Int64, partner: String?, format: String, for user: User) throws(StoreFailure) -> AgendaExport {
                throw .busy
            }
            func addAgendaItem(_ item: AgendaItemDraft, about subject: TimelineSubject?, toMeeting meetingID: Int64,
                               expectedVersion: Int, by user: User) throws(StoreFailure) -> Int { throw .busy }
            func addStandingItems(_ titles: [String], toMeeting meetingID: Int64, expectedVersion: Int,
                                  by user: User) throws(StoreFailure) -> Int { throw .busy }
            func updateAgendaItem(_ itemID: Int64, _ item: AgendaItemDraft, expectedVersion: Int,
                                  by user: User) throws(StoreFailure) -> Int { throw .busy }
            func moveAgendaItem(_ itemID: Int64, by offset: Int, expectedVersion: Int, by user: User) throws(StoreFailure) -> Int { throw .busy }
            func removeAgendaItem(_ itemID: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) -> Int { throw .busy }
            func recordMeetingEvent(_ eventID: String, fields: FieldValues, onMeeting meetingID: Int64, expectedVersion: Int,
                                    engine: WorkflowEngine, by user: User) throws(StoreFailure) -> Int { throw .busy }
            func recordMinutes(_ entry: MinutesEntry, onItem itemID: Int64, expectedVersion: Int,
                               by user: User) throws(StoreFailure) -> Int { throw .busy }
            func openActionItems(_ request: PageRequest, limit: Int, filter: ActionFilter,
                                 for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> Page<ActionItem> { throw .busy }
            func completeActionItem(_ id: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) { throw .busy }
            func partnerPage(_ request: PageRequest, limit: Int, filter: PartnerFilter, today: CivilDate,
                             for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> Page<Partner> { throw .busy }
            func partner(id: Int64, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> PartnerDetail? { throw .busy }
            func shippedPartners(for user: User) throws(StoreFailure) -> [String: Partner] { throw .busy }
            func archivePartner(_ id: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) { throw .busy }
            func refer(_ subject: TimelineSubject, _ referral: NewReferral, by user: User) throws(StoreFailure) -> Int64 { throw .busy }
            func saveContact(_ contact: PartnerContact, by user: User) throws(StoreFailure) -> (id: Int64, version: Int) { throw .busy }
            func archiveContact(_ id: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) { throw .busy }
            func shippedDirectoryVersion() throws(StoreFailure) -> Int { throw .busy }
            func bringInShippedDirectory(_ directory: ShippedDirectory, dryRun: Bool,
                                         by user: User) throws(StoreFailure) -> DirectoryUpdate { throw .busy }
            func savePartner(_ partner: Partner, by user: User) throws(StoreFailure) -> (id: Int64, version: Int) { throw .busy }
            func minutesForExport(meetingID: Int64, for user: User) throws(StoreFailure) -> MinutesExport { throw .busy }
            func exportFolder() throws(StoreFailure) -> String? { throw .busy }
            func writeExport(_ text: String, named name: String, by user: User) throws(StoreFailure) -> String { throw .busy }
            func saveFilter(named name: String, _ filter: SignalFilter, shared: Bool, by user: User) throws(StoreFailure) { throw .busy }
            func savedFilters(for user: User) throws(StoreFailure) -> [SavedFilter] { throw .busy }
            func search(_ text: String, in source: SearchHit.Source, after: Int64?, limit: Int,
                        for user: User) throws(StoreFailure) -> Page<SearchHit> { throw .busy }
            func casePage(_ request: PageRequest, limit: Int, for user: User,
                          _ occasion: ReadOccasion) throws(StoreFailure) -> Page<CaseSummary> { throw .busy }
            func timelinePage(of subject: TimelineSubject, kinds: Set<TimelineKind>, _ request: PageRequest, limit: Int,
                              for user: User) throws(StoreFailure) -> Page<TimelineEntry> { throw .busy }
            func addNote(_ text: String, to subject: TimelineSubject, by user: User) throws(StoreFailure) -> Int64 { throw .busy }
            func openCase(fromSignal signalID: Int64, perpetratorTrack: Bool, summary: String, caseProcess: WorkflowEngine,
                          by user: User) throws(StoreFailure) -> (id: Int64, code: String) { throw .busy }
            func saveDraft(kind: String, subject: String, payload: String, for user: User) throws(StoreFailure) { throw .busy }
            func draft(kind: String, subject: String, for user: User) throws(StoreFailure) -> String? { throw .busy }
            func discardDraft(kind: String, subject: String, for user: User) throws(StoreFailure) { throw .busy }
            func drafts(kind: String, for user: User) throws(StoreFailure) -> [String] { throw .busy }
            func signalRouteState(id: Int64, for user: User) throws(StoreFailure) -> SignalRouteState { throw .busy }
            func dataVersion() throws(StoreFailure) -> Int { throw .busy }
            func recordRouteEvent(_ eventID: String, fields: FieldValues, onSignal id: Int64, expectedVersion: Int,
                                  workflows: Workflows, by user: User) throws(StoreFailure) -> RecordedRouteEvent { throw .busy }
            func registerSignal(_ signal: NewSignal, by user: User) throws -> RegisteredSignal { throw StoreFailure.busy }
            func inboxPage(_ request: PageRequest, limit: Int, filter: SignalFilter, overdue: [OverdueRule],
                           for user: User, _ occasion: ReadOccasion) throws -> Page<SignalSummary> { throw StoreFailure.busy }
            func signalDetail(id: Int64, for user: User, _ occasion: ReadOccasion) throws -> SignalDetail? { throw StoreFailure.busy }
        }
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), events: [])
        let program = Program(state: Fixtures.state(), terminal: terminal, store: BrokenStore(), clock: Fixtures.clock)
        program.send(.started)
        #expect(program.state.status == StatusMessage(
            "Signalen laden mislukt. De database is bezet door een ander proces. Probeer het zo opnieuw.", isError: true))
    }
}
