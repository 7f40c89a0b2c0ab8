import Foundation
import Meldroute
import SchakelCore
import TerminalKit
@testable import SchakelApp

/// An in-memory store over fixed rows, paging by key like the real one: its state here, what it does
/// in one file per part (`FakeStore+Signals.swift`, `+Cases`, `+Meetings`, `+Partners`, `+Administration`).
final class FakeSignals: SignalReading, SignalWriting, SignalRouting, DraftKeeping, CaseListing, CaseOpening, TimelineKeeping,
                         ChangeWatching, Searching, FilterKeeping, MeetingBrowsing, AgendaEditing, MeetingStepping, MinutesKeeping,
                         ExportFiling, PartnerDirectory, ReferralKeeping, UserAdministering, FigureCounting, PersonKeeping,
                         RetentionKeeping, ActivityKeeping, ConsultKeeping, @unchecked Sendable {
    /// What `signalFigures` answers, per area; counted as asked.
    var figures: [FiguresArea: SignalFigures] = [:]
    var figureRequests: [(FiguresPeriod, FiguresArea)] = []

    /// The users the Beheer tab keeps, in login order.
    var managed = [ManagedUser(user: Fixtures.af, isActive: true), ManagedUser(user: Fixtures.processManager, isActive: true)]
    var filters: [SavedFilter] = []

    /// Meetings earliest first, and their agendas by meeting id.
    var meetings: [Meeting] = []
    var agendas: [Int64: [AgendaItem]] = [:]
    var waiting: [WaitingDiscussion] = []

    /// Agenda changes asked for, in order, and an answer to give the next one instead of making it.
    var agendaChanges: [AgendaChange] = []
    var nextAgendaFailure: StoreFailure?

    /// Minutes recorded, by item id, and the open action items the Acties view pages through.
    var minutes: [(itemID: Int64, entry: MinutesEntry)] = []
    var actions: [ActionItem] = []
    var actionFilters: [ActionFilter] = []

    /// The export folder, and what was written to it by file name.
    var exportFolderPath: String?
    var exportedFiles: [String: String] = [:]

    /// The sociale kaart in name order, and the filters it was asked for.
    var partners: [PartnerDetail] = []
    var partnerFilters: [PartnerFilter] = []

    /// The shipped directory's version the fake database has, and what bringing one in did.
    var directoryVersion = 2
    var broughtIn: [Int] = []

    /// Referrals made, in order.
    var referrals: [(subject: TimelineSubject, referral: NewReferral)] = []

    /// Meeting steps recorded, as event ids.
    var meetingEvents: [String] = []
    var searchHits: [SearchHit] = []
    var drafts: [String: String] = [:]
    var cases: [CaseSummary] = []

    /// Timeline lines per subject, oldest first.
    var timelines: [TimelineSubject: [TimelineEntry]] = [:]
    var openedCases: [(signalID: Int64, perpetratorTrack: Bool)] = []

    /// Persons per signal or case, the known persons every match offer answers with, the person
    /// view per person id, what was written, and a failure to give the next add instead.
    var subjectPersons: [TimelineSubject: [SubjectPerson]] = [:]
    var knownMatches: [PersonMatch] = []
    var matchRequests: [NewPerson] = []
    var personRecords: [Int64: PersonRecord] = [:]
    var personWrites: [PersonWrite] = []
    var nextPersonFailure: StoreFailure?
    /// What listing a subject's persons answers instead, when set (a refusal, say).
    var personsFailure: StoreFailure?
    /// What `retentionOverview` answers; the retention calls asked, in order; a failure to throw.
    var overview = RetentionOverview(rulesConfirmed: true, due: [], proposal: nil, lastApproved: nil)
    var retentionRequests: [String] = []
    var retentionFailure: StoreFailure?
    /// The fake approval drops its first record out, as if it was reopened meanwhile.
    var approvalDropsFirst = false

    /// The activities the Advies tab lists, what was asked of them, and a failure to give instead.
    var activityList = ActivityList(upcoming: [], past: [])
    var activityRequests: [String] = []
    var activityFailure: StoreFailure?
    /// The consults the Advies tab lists and opens, what was asked of them, and a failure to give instead.
    var consultList = ConsultList(open: [], closed: [])
    var consultDetails: [Int64: Consult] = [:]
    var consultRequests: [String] = []
    var consultFailure: StoreFailure?

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

    /// Newest first, as the store orders them.
    var rows: [SignalSummary]

    /// Bumped to play a colleague's commit.
    var version = 0
    var requests: [PageRequest] = []
    var registered: [NewSignal] = []

    /// When set, registering fails with it.
    var registrationFailure: StoreFailure?

    init(_ rows: [SignalSummary]) { self.rows = rows }

    /// The last filter asked for, to check what the screen sends.
    var lastFilter = SignalFilter()

    /// Every audited read asked of the store, with why: what the audit log would record.
    struct ReadRecord: Hashable {
        let what: String
        let occasion: ReadOccasion
    }

    var reads: [ReadRecord] = []

    /// Route state per signal, as the store would keep it.
    var routes: [Int64: SignalRouteState] = [:]
    var recorded: [(event: String, fields: FieldValues)] = []
}
