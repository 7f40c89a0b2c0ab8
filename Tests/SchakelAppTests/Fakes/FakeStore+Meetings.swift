import Foundation
import Meldroute
import SchakelCore
import TerminalKit
@testable import SchakelApp

/// The fake store: meetings, their agendas, minutes, action items and exports.
extension FakeSignals {
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

    func meeting(id: Int64, for user: User) throws(StoreFailure) -> Meeting? { meetings.first { $0.id == id } }

    func agendaForExport(meetingID: Int64, partner: String?, format: String, for user: User) throws(StoreFailure) -> AgendaExport {
        guard let meeting = meetings.first(where: { $0.id == meetingID }) else { throw .noAccess }
        let document = AgendaDocument(meeting: meeting, items: agendas[meetingID] ?? [], partner: partner, statusLabel: "")
        return AgendaExport(meeting: meeting, items: document.items, partner: partner, stamp: "20261124T093000Z")
    }

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
}
