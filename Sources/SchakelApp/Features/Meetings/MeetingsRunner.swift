import Meldroute
import SchakelCore

/// Runs the Overleggen tab's effects, with only the meetings of the store.
struct MeetingsRunner {
    let store: any MeetingsStore

    func run(_ effect: MeetingsEffect, context: AppContext) -> MeetingsAction? {
        do {
            switch effect {
            case .loadPage(.from(let day), let limit, let occasion):
                let request = PageRequest.after(store.meetingListKey(atStartOf: day))
                return .pageLoaded(request, try store.meetingPage(request, limit: limit, for: context.user, occasion), fromDay: true)
            case .loadPage(.page(let request), let limit, let occasion):
                return .pageLoaded(request, try store.meetingPage(request, limit: limit, for: context.user, occasion), fromDay: false)
            case .loadAgenda(let meetingID, let occasion):
                // The agenda first: it is the audited read, refusal included.
                let items: [AgendaItem]
                do {
                    items = try store.agenda(ofMeeting: meetingID, for: context.user, occasion)
                } catch .noAccess {
                    return .agendaLoaded(meetingID: meetingID, nil, [])
                }
                guard let meeting = try store.meeting(id: meetingID, for: context.user) else {
                    return .agendaLoaded(meetingID: meetingID, nil, [])
                }
                return .agendaLoaded(meetingID: meetingID, meeting, items)
            case .changeAgenda(let change, let meetingID, let version):
                return apply(meetingID: meetingID) { () throws(StoreFailure) in
                    try perform(change, meetingID: meetingID, version: version, user: context.user)
                }
            case .recordMeetingEvent(let event, let fields, let meetingID, let version):
                guard let workflow = context.meetingWorkflow else {
                    return .agendaChangeFailed(meetingID: meetingID, "De workflow voor overleggen is niet geladen.", isConflict: false)
                }
                return apply(meetingID: meetingID) { () throws(StoreFailure) in
                    _ = try store.recordMeetingEvent(event, fields: fields, onMeeting: meetingID, expectedVersion: version,
                                                     engine: WorkflowEngine(workflow), by: context.user)
                }
            case .recordMinutes(let entry, let itemID, let meetingID, let version):
                return apply(meetingID: meetingID) { () throws(StoreFailure) in
                    _ = try store.recordMinutes(entry, onItem: itemID, expectedVersion: version, by: context.user)
                }
            case .loadActions(let request, let filter, let limit, let occasion):
                return .actionsLoaded(request, filter, try store.openActionItems(request, limit: limit, filter: filter, for: context.user,
                                                                                 occasion))
            case .completeAction(let id, let version):
                do {
                    try store.completeActionItem(id, expectedVersion: version, by: context.user)
                    return .actionCompleted
                } catch {
                    return .actionFailed(error.description)
                }
            case .export(let document, let meetingID):
                return export(document, meetingID: meetingID, context: context)
            case .draft(let effect):
                return DraftRunner.run(effect, store: store, user: context.user).map(MeetingsAction.draft)
            case .loadWaiting(let limit, let occasion):
                return .waitingLoaded(try store.waitingForDiscussion(limit: limit, for: context.user, occasion))
            case .request:
                return nil
            }
        } catch {
            return .loadFailed("Overleggen laden mislukt. \(SignalsRunner.message(for: error))")
        }
    }

    /// Makes the document and writes it to the export folder; nothing is made when there is no folder.
    private func export(_ document: MeetingDocumentKind, meetingID: Int64, context: AppContext) -> MeetingsAction {
        do throws(StoreFailure) {
            guard try store.exportFolder() != nil else {
                return .exportFailed("Er is geen exportmap ingesteld; vraag de beheerder die in te stellen "
                    + "(schakel overleg exportmap). Er is niets geschreven.")
            }
            let (meeting, text): (Meeting, String)
            switch document {
            case .agenda(let partner): (meeting, text) = try agenda(meetingID, partner: partner, asInvitation: false, context: context)
            case .invitation: (meeting, text) = try agenda(meetingID, partner: nil, asInvitation: true, context: context)
            case .minutes:
                let export = try store.minutesForExport(meetingID: meetingID, for: context.user)
                meeting = export.meeting
                text = export.document(statusLabel: context.meetingStatusLabel(meeting.status)).markdown
            }
            return .exported(path: try store.writeExport(text, named: document.fileName(for: meeting), by: context.user))
        } catch {
            return .exportFailed(error.description)
        }
    }

    private func agenda(_ meetingID: Int64, partner: String?, asInvitation: Bool,
                        context: AppContext) throws(StoreFailure) -> (Meeting, String) {
        let export = try store.agendaForExport(meetingID: meetingID, partner: partner, format: asInvitation ? "ics" : "markdown",
                                               for: context.user)
        let document = export.document(statusLabel: context.meetingStatusLabel(export.meeting.status))
        let text = asInvitation ? MeetingCalendar.ics(document, sequence: export.meeting.calendarSequence, stamp: export.stamp)
            : document.markdown
        return (export.meeting, text)
    }

    /// Runs one change; a colleague's change first is told as such, anything else as the store says it.
    private func apply(meetingID: Int64, _ body: () throws(StoreFailure) -> Void) -> MeetingsAction {
        do {
            try body()
            return .agendaChanged(meetingID: meetingID)
        } catch .conflict(let change) {
            return .agendaChangeFailed(
                meetingID: meetingID, "Intussen gewijzigd door \(change.by) op \(change.at.dutch): \(change.what) "
                    + "Er is niets opgeslagen; de agenda is opnieuw geladen.", isConflict: true)
        } catch {
            return .agendaChangeFailed(meetingID: meetingID, error.description, isConflict: false)
        }
    }

    private func perform(_ change: AgendaChange, meetingID: Int64, version: Int, user: User) throws(StoreFailure) {
        switch change {
        case .add(let draft, let subject):
            _ = try store.addAgendaItem(draft, about: subject, toMeeting: meetingID, expectedVersion: version, by: user)
        case .standing(let titles):
            _ = try store.addStandingItems(titles, toMeeting: meetingID, expectedVersion: version, by: user)
        case .update(let itemID, let draft):
            _ = try store.updateAgendaItem(itemID, draft, expectedVersion: version, by: user)
        case .move(let itemID, let offset):
            _ = try store.moveAgendaItem(itemID, by: offset, expectedVersion: version, by: user)
        case .remove(let itemID):
            _ = try store.removeAgendaItem(itemID, expectedVersion: version, by: user)
        }
    }
}
