import Meldroute
import SchakelCore
import TerminalKit

/// The Signalen pane's reducer: what each action does to its state, and the effects it asks for.
/// Keys are in `SignalsReducer+Keys.swift`.
public enum SignalsReducer {
    public static func reduce(_ state: inout SignalsState, _ action: SignalsAction, _ shell: inout Shell) -> [SignalsEffect] {
        let visibleRows = FrameLayout(size: shell.size).inboxVisibleRows
        switch action {
        case .started:
            return [.loadInboxPage(.first, limit: InboxState.pageSize), .draft(.load(.registration)),
                    .draft(.loadAll(kind: DraftKey.routeStepKind))]

        case .idle:
            return saveDraftsThatChanged(&state)

        case .terminating:
            // A dropped connection (SIGHUP) or a shutdown keeps every form in progress as a draft.
            return saveEveryDraft(state)

        case .clockTicked(let now, let newDay):
            // "Not in the future" is measured against the clock, not against when a form opened.
            state.registration?.now = now
            state.route?.now = now
            // A new day: deadlines count from today, which the inbox works out as its rows load.
            return newDay ? InboxReducer.reload(&state.inbox) : []

        case .otherProcessCommitted:
            // Reload the list where it stands and the open signal; forms stay as typed.
            var effects = InboxReducer.reload(&state.inbox)
            if let detail = state.detail { effects.append(.loadSignalDetail(id: detail.detail.summary.id, .refresh)) }
            return effects

        case .terminalResized:
            InboxReducer.scrollToSelection(&state.inbox, visibleRows: visibleRows)
            return []

        case .keyPressed(let key):
            return keyPressed(key, &state, &shell)

        case .inboxPageLoaded(let request, let page):
            let effects = InboxReducer.pageLoaded(&state.inbox, request: request, page: page, context: shell.context,
                                                  visibleRows: visibleRows)
            state.vttReminder = VTTReminder.text(for: state.inbox)
            return effects

        case .personMatchesFound(let person, let matches):
            guard var form = state.registration, let dialog = form.personDialog else { return [] }
            if matches.isEmpty {
                RegistrationReducer.add(person, to: &form)
            } else {
                form.onTop = .matchOffer(MatchOffer(person: person, matches: matches), dialog)
            }
            state.registration = form
            return []

        case .personsChanged(let subject):
            guard case .signal(let id) = subject, state.detail?.detail.summary.id == id else { return [] }
            return [.loadSignalDetail(id: id, .refresh)]

        case .signalDetailLoaded(let detail):
            if let detail {
                state.detail = SignalDetailState(detail: detail, highlight: state.search?.terms ?? [])
            } else {
                shell.status = StatusMessage("Dit signaal bestaat niet (meer) of u heeft er geen toegang toe.", isError: true)
            }
            return []

        case .loadFailed(let message):
            shell.status = StatusMessage(message, isError: true)
            return []

        case .registrationOpened(let now, let draft):
            state.draftOffer = nil
            if let draft, let restored = RegistrationDraft.from(json: draft) {
                state.registration = restored.form(now: now, user: shell.context.user)
                shell.status = StatusMessage("Uw niet-opgeslagen registratie is hersteld.")
            } else {
                state.registration = RegistrationForm(now: now, user: shell.context.user)
            }
            return []

        case .signalRegistered(let registered, let signal):
            let fromConsult = state.registration?.fromConsult != nil
            state.registration = nil
            state.receipt = RegistrationReducer.receipt(for: registered, signal, context: shell.context)
            state.inbox = InboxState()
            return [.draft(.discard(.registration)), .loadInboxPage(.first, limit: InboxState.pageSize)]
                + (fromConsult ? [.request(.consultConverted)] : [])

        case .registerFromConsult(let consult):
            guard state.registration == nil else {
                shell.status = StatusMessage("Er staat al een registratie open; sla die eerst op of gooi haar weg (Esc).", isError: true)
                return []
            }
            return [.openRegistrationFromConsult(consult)]

        case .registrationFromConsultOpened(let consult, let now):
            guard state.registration == nil else { return [] }
            state.draftOffer = nil
            state.detail = nil
            state.registration = RegistrationForm(now: now, user: shell.context.user, from: consult)
            shell.status = StatusMessage("Ingevuld vanuit consult \(consult.summary.code); vul aan en sla op met F2.")
            return []

        case .registrationFailed(let message):
            state.registration?.isSaving = false
            shell.status = StatusMessage(message, isError: true)
            return []

        case .searchResults(let text, let hits):
            state.search?.searchedFor = text
            state.search?.results = hits
            state.search?.selected = 0
            return []

        case .savedFiltersLoaded(let filters):
            state.filterPanel?.saved = filters
            return []

        case .filterSaved(let name):
            shell.status = StatusMessage("Filter ‘\(name)’ bewaard.")
            return []

        case .caseOpened(let code):
            shell.status = StatusMessage("KMT-casus \(code) aangemaakt; zie tabblad 2 Casussen.")
            return [.request(.casesChanged)] + (state.detail.map { [.loadSignalDetail(id: $0.detail.summary.id, .refresh)] } ?? [])

        case .routeStateLoaded(let route, let now):
            state.route = RouteDialog(route: route, workflow: shell.context.workflow, now: now)
            // A step left unsaved on this signal comes back.
            return [.draft(.load(.routeStep(signalID: route.signalID)))]

        case .routeEventRecorded(let recorded):
            let signalID = state.route?.route.signalID
            state.route = nil
            shell.status = StatusMessage("Vastgelegd: \(recorded.transition.timelineText)")
            // Reload the list (and the open signal), keeping the selection on it.
            var effects = signalID.map { [SignalsEffect.draft(.discard(.routeStep(signalID: $0)))] } ?? []
            effects += InboxReducer.reload(&state.inbox)
            state.inbox.reselectID = signalID ?? state.inbox.reselectID
            if let id = signalID, state.detail != nil { effects.append(.loadSignalDetail(id: id, .refresh)) }
            return effects

        case .routeEventFailed(let message, let isConflict):
            state.route?.isSaving = false
            state.route?.problem = message
            state.route?.isOutOfDate = isConflict
            shell.status = StatusMessage(message, isError: true)
            return []

        case .draft(let result):
            return draftResult(result, &state, &shell)
        }
    }

    /// Shows the inbox anew under `filter`, from its first page.
    static func applyFilter(_ filter: SignalFilter, _ state: inout SignalsState, _ shell: inout Shell) -> [SignalsEffect] {
        state.filterPanel = nil
        state.filter = filter
        state.inbox = InboxState()
        shell.status = StatusMessage(filter.isEmpty ? "Alle signalen." : "Filter: \(filter.summary(workflow: shell.context.workflow)).")
        return [.loadInboxPage(.first, limit: InboxState.pageSize)]
    }
}
