import SchakelCore
import TerminalKit

/// The only place state changes.
public enum AppReducer {
    public static func reduce(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
        let visibleRows = FrameLayout(size: state.size).inboxVisibleRows
        switch action {
        case .started:
            return [.loadInboxPage(.first, limit: InboxState.pageSize), .loadDraft(.registration),
                    .loadDrafts(kind: DraftKey.routeStepKind)]

        case .draftFound(let key, let payload):
            return DraftReducer.found(key, payload, &state)

        case .draftsFound(let kind, let payloads):
            DraftReducer.foundAll(kind: kind, payloads, &state)
            return []

        case .idle:
            return DraftReducer.saveWhatChanged(&state)

        case .clockTicked(let now):
            // "Not in the future" is measured against the clock, not against when a form opened.
            state.registration?.now = now
            state.route?.now = now
            guard now.date != state.context.today else { return [] }
            // A new day: the header's date, and the deadlines counted from today, which the
            // inbox computes as its rows load, so it is fetched anew where it stands.
            state.context.today = now.date
            return InboxReducer.reload(&state.inbox)

        case .terminalResized(let size):
            state.size = size
            InboxReducer.scrollToSelection(&state.inbox, visibleRows: FrameLayout(size: size).inboxVisibleRows)
            return []

        case .terminationRequested:
            // A dropped connection (SIGHUP) or a shutdown keeps every form in progress as a draft.
            state.isRunning = false
            return DraftReducer.saveEverything(state)

        case .inboxPageLoaded(let request, let page):
            let effects = InboxReducer.pageLoaded(&state.inbox, request: request, page: page, context: state.context,
                                                  visibleRows: visibleRows)
            state.vttReminder = VTTReminder.text(for: state.inbox)
            return effects

        case .savedFiltersLoaded(let filters):
            state.filterPanel?.saved = filters
            return []

        case .filterSaved(let name):
            state.status = StatusMessage("Filter ‘\(name)’ bewaard.")
            return []

        case .searchResults(let text, let hits):
            state.search?.searchedFor = text
            state.search?.results = hits
            state.search?.selected = 0
            return []

        case .signalDetailLoaded(let detail):
            if let detail {
                state.detail = SignalDetailState(detail: detail, highlight: state.search?.terms ?? [])
            } else {
                state.status = StatusMessage("Dit signaal bestaat niet (meer) of u heeft er geen toegang toe.", isError: true)
            }
            return []

        case .loadFailed(let message):
            state.status = StatusMessage(message, isError: true)
            return []

        case .registrationOpened(let now, let draft):
            state.draftOffer = nil
            if let draft, let restored = RegistrationDraft.from(json: draft) {
                state.registration = restored.form(now: now, user: state.context.user)
                state.status = StatusMessage("Uw niet-opgeslagen registratie is hersteld.")
            } else {
                state.registration = RegistrationForm(now: now, user: state.context.user)
            }
            return []

        case .signalRegistered(let registered, let signal):
            state.registration = nil
            state.receipt = RegistrationReducer.receipt(for: registered, signal, context: state.context)
            state.inbox = InboxState()
            return [.discardDraft(.registration), .loadInboxPage(.first, limit: InboxState.pageSize)]

        case .casePageLoaded(let request, let page):
            let rows = max(1, FrameLayout(size: state.size).pane.height - 1)
            state.cases.pageLoaded(request, rows: page.rows.map(CaseRow.init), hasMore: page.hasMore, visibleRows: rows)
            return []

        case .timelinePageLoaded(let subject, let request, let page):
            guard var pane = state.timeline, pane.subject == subject else { return [] }
            let rows = max(1, TimelineLayout(pane: FrameLayout(size: state.size).pane).list.height)
            pane.list.pageLoaded(request, rows: page.rows.map(TimelineRow.init), hasMore: page.hasMore, visibleRows: rows)
            state.timeline = pane
            return []

        case .noteAdded:
            guard var pane = state.timeline else { return [] }
            pane.note = nil
            pane.isNoteDirty = false
            pane.isSavingNote = false
            pane.list = PagedList()
            state.timeline = pane
            state.status = StatusMessage("Notitie opgeslagen.")
            return [.discardDraft(.note(pane.subject)),
                    .loadTimelinePage(pane.subject, kinds: pane.kinds, .last, limit: PagedList<TimelineRow>.pageSize)]

        case .noteFailed(let message):
            state.timeline?.isSavingNote = false
            state.status = StatusMessage(message, isError: true)
            return []

        case .caseOpened(let code):
            state.status = StatusMessage("KMT-casus \(code) aangemaakt; zie tabblad 2 Casussen.")
            state.cases = CaseListState()
            return state.detail.map { [.loadSignalDetail(id: $0.detail.summary.id)] } ?? []

        case .otherProcessCommitted:
            // Reload the list where it stands and the open signal; forms stay as typed.
            var effects = InboxReducer.reload(&state.inbox)
            if let detail = state.detail { effects.append(.loadSignalDetail(id: detail.detail.summary.id)) }
            return effects

        case .routeStateLoaded(let route, let now):
            state.route = RouteDialog(route: route, workflow: state.context.workflow, now: now)
            // A step left unsaved on this signal comes back.
            return [.loadDraft(.routeStep(signalID: route.signalID))]

        case .routeEventRecorded(let recorded):
            let signalID = state.route?.route.signalID
            state.route = nil
            state.status = StatusMessage("Vastgelegd: \(recorded.transition.timelineText)")
            // Reload the list (and the open signal), keeping the selection on it.
            var effects = signalID.map { [AppEffect.discardDraft(.routeStep(signalID: $0))] } ?? []
            effects += InboxReducer.reload(&state.inbox)
            state.inbox.reselectID = signalID ?? state.inbox.reselectID
            if let id = signalID, state.detail != nil { effects.append(.loadSignalDetail(id: id)) }
            return effects

        case .routeEventFailed(let message, let isConflict):
            state.route?.isSaving = false
            state.route?.problem = message
            state.route?.isOutOfDate = isConflict
            state.status = StatusMessage(message, isError: true)
            return []

        case .registrationFailed(let message):
            state.registration?.isSaving = false
            state.status = StatusMessage(message, isError: true)
            return []

        case .keyPressed(let key):
            return keyPressed(key, &state, visibleRows: visibleRows)
        }
    }
}
