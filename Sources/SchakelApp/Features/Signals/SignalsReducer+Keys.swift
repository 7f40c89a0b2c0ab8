import Meldroute
import SchakelCore
import TerminalKit

/// Keys in the Signalen pane: to what is on top of the inbox, else to the inbox.
extension SignalsReducer {
    static func keyPressed(_ key: Key, _ state: inout SignalsState, _ shell: inout Shell) -> [SignalsEffect] {
        switch state.onTop {
        case .receipt?: return receiptKeyPressed(key, &state)
        case .filterPanel(let panel)?: return filterKeyPressed(key, panel, &state, &shell)
        case .caseOffer(let signalID)?: return caseOfferKeyPressed(key, signalID, &state, &shell)
        case .route?: return routeKeyPressed(key, &state, &shell)
        case .draftOffer(let offer)?: return draftOfferKeyPressed(key, offer, &state, &shell)
        case .registration?: return registrationKeyPressed(key, &state, &shell)
        case .detail?: return detailKeyPressed(key, &state, &shell)
        case .search?: return searchKeyPressed(key, &state)
        case nil: return inboxKeyPressed(key, &state, &shell)
        }
    }

    private static func filterKeyPressed(_ key: Key, _ panel: FilterPanel, _ state: inout SignalsState,
                                         _ shell: inout Shell) -> [SignalsEffect] {
        var panel = panel
        switch panel.handle(key, context: shell.context) {
        case .stay: state.filterPanel = panel
        case .cancel: state.filterPanel = nil
        case .apply(let filter): return applyFilter(filter, &state, &shell)
        case .save(let name, let filter, let shared):
            return [.saveFilter(name: name, filter, shared: shared)] + applyFilter(filter, &state, &shell)
        }
        return []
    }

    /// "Make it a KMT case?": `j` yes, `d` yes on the perpetrator track, any other key no.
    private static func caseOfferKeyPressed(_ key: Key, _ signalID: Int64, _ state: inout SignalsState,
                                            _ shell: inout Shell) -> [SignalsEffect] {
        state.caseOfferSignalID = nil
        switch key {
        case .character("j"), .character("J"): return [.openCase(signalID: signalID, perpetratorTrack: false)]
        case .character("d"), .character("D"): return [.openCase(signalID: signalID, perpetratorTrack: true)]
        default:
            shell.status = StatusMessage("Geen casus aangemaakt.")
            return []
        }
    }

    private static func draftOfferKeyPressed(_ key: Key, _ offer: DraftOffer, _ state: inout SignalsState,
                                             _ shell: inout Shell) -> [SignalsEffect] {
        var offer = offer
        switch offer.keyPressed(key) {
        case .stay:
            state.draftOffer = offer
            return []
        case .resume:
            return [.openRegistration]
        case .later:
            state.draftOffer = nil
            shell.status = StatusMessage("De registratie blijft bewaard; n zet haar voort.")
            return []
        case .discard:
            state.draftOffer = nil
            shell.status = StatusMessage("De niet-opgeslagen registratie is weggegooid.")
            return [.draft(.discard(.registration))]
        }
    }

    private static func inboxKeyPressed(_ key: Key, _ state: inout SignalsState, _ shell: inout Shell) -> [SignalsEffect] {
        let visibleRows = FrameLayout(size: shell.size).inboxVisibleRows
        switch key {
        case .down, .character("j"): return InboxReducer.move(&state.inbox, by: 1, visibleRows: visibleRows)
        case .up, .character("k"): return InboxReducer.move(&state.inbox, by: -1, visibleRows: visibleRows)
        case .pageDown, .character(" "): return InboxReducer.move(&state.inbox, by: visibleRows, visibleRows: visibleRows)
        case .pageUp: return InboxReducer.move(&state.inbox, by: -visibleRows, visibleRows: visibleRows)
        case .home, .character("g"): return InboxReducer.jumpToStart(&state.inbox)
        case .end, .character("G"): return InboxReducer.jumpToEnd(&state.inbox, visibleRows: visibleRows)
        case .enter:
            guard let row = state.inbox.selectedRow else { return [] }
            return [.loadSignalDetail(id: row.signal.id)]
        case .character("a"):
            guard let row = state.inbox.selectedRow else { return [] }
            return [.loadRouteState(signalID: row.signal.id)]
        case .character("f"):
            state.filterPanel = FilterPanel(state.filter, context: shell.context)
            return [.loadSavedFilters]
        case .character("/"):
            state.search = SearchPane()
            return []
        case .character("o"):
            // Achterstallig on or off, in one key.
            var filter = state.filter
            filter.overdueOnly.toggle()
            return applyFilter(filter, &state, &shell)
        case .character("n"):
            guard AccessPolicy.canRegisterSignals(shell.context.user) else {
                shell.status = StatusMessage("Uw rol kan geen signalen registreren.", isError: true)
                return []
            }
            return [.openRegistration]
        default:
            return []
        }
    }

    private static func routeKeyPressed(_ key: Key, _ state: inout SignalsState, _ shell: inout Shell) -> [SignalsEffect] {
        guard var dialog = state.route else { return [] }
        switch RouteReducer.keyPressed(key, &dialog) {
        case .stay:
            state.route = dialog
        case .close:
            state.route = nil
        case .reload:
            // Fetch the signal's route again after a colleague's change; the inbox follows. What was
            // typed is kept as the step's draft first, and comes back with the reloaded signal.
            let id = dialog.route.signalID
            var effects: [SignalsEffect] = []
            if let form = dialog.form, form.isChanged { effects.append(stepDraftSave(form, dialog)) }
            state.route = nil
            return effects + [.loadRouteState(signalID: id)] + InboxReducer.reload(&state.inbox)
        case .fire(let event, let fields):
            dialog.isSaving = true
            state.route = dialog
            return [.recordRouteEvent(signalID: dialog.route.signalID, event: event, fields: fields,
                                      expectedVersion: dialog.route.version)]
        case .discardedForm:
            state.route = dialog
            shell.status = StatusMessage("De stap is niet vastgelegd; wat u invulde is weggegooid.")
            return [.draft(.discard(.routeStep(signalID: dialog.route.signalID)))]
        }
        return []
    }

    private static func registrationKeyPressed(_ key: Key, _ state: inout SignalsState, _ shell: inout Shell) -> [SignalsEffect] {
        guard var form = state.registration else { return [] }
        let layout = RegistrationLayout(pane: shell.pane, personCount: form.persons.count)
        let before = (content: form.content, field: form.focus.index)
        switch RegistrationReducer.keyPressed(key, &form, layout: layout) {
        case .stay:
            if form.content != before.content { form.isDraftDirty = true }
            state.registration = form
            // Leaving a changed field keeps the draft.
            let effects = form.focus.index != before.field ? saveDraftsThatChanged(&state) : []
            if let problem = form.problems[form.focusedField] {
                shell.status = StatusMessage("\(form.focusedField.label): \(problem)", isError: true)
            } else if !form.problems.isEmpty {
                shell.status = StatusMessage("Nog niet opgeslagen: \(form.problems.count) veld(en) niet in orde, gemarkeerd met !",
                                             isError: true)
            }
            return effects
        case .save(let signal):
            form.isSaving = true
            state.registration = form
            return [.registerSignal(signal, from: form.fromConsult)]
        case .findMatches(let person):
            state.registration = form
            return [.findPersonMatches(person)]
        case .discard:
            state.registration = nil
            shell.status = StatusMessage("Registratie geannuleerd; er is niets opgeslagen.")
            return [.draft(.discard(.registration))]
        }
    }

    private static func detailKeyPressed(_ key: Key, _ state: inout SignalsState, _ shell: inout Shell) -> [SignalsEffect] {
        guard var detail = state.detail else { return [] }
        let pane = shell.pane
        let bodyHeight = max(1, pane.height - 1)
        let lineCount = SignalDetailView.lines(detail.detail, context: shell.context, width: pane.width - 2).count
        let summary = detail.detail.summary
        switch key {
        case .escape, .character("q"), .left, .backspace:
            state.detail = nil
            return []
        case .down, .character("j"): detail.scroll += 1
        case .up, .character("k"): detail.scroll -= 1
        case .pageDown, .character(" "): detail.scroll += bodyHeight
        case .pageUp: detail.scroll -= bodyHeight
        case .home, .character("g"): detail.scroll = 0
        case .end, .character("G"): detail.scroll = lineCount
        case .character("a"): return [.loadRouteState(signalID: summary.id)]
        case .character("t"): return [.request(.openTimeline(.signal(summary.id), code: summary.code))]
        case .character("b"): return [.request(.openPersons(.signal(summary.id), code: summary.code))]
        case .character("w"): return [.request(.whoToCall(CallSituation(signal: summary)))]
        case .character("v"): return [.request(.refer(.signal(summary.id), code: summary.code))]
        case .character("c"):
            let municipalityID = Municipality.twente.first { $0.name == summary.municipality }?.id ?? -1
            guard AccessPolicy.canOpenCase(shell.context.user, fromSignalIn: municipalityID) else {
                shell.status = StatusMessage("Alleen de AF van de gemeente of een procesmanager maakt een KMT-casus aan.", isError: true)
                return []
            }
            state.caseOfferSignalID = summary.id
            shell.status = StatusMessage("KMT-casus aanmaken voor \(summary.code)? j = ja · d = ja, daderaanpak · n = nee")
            return []
        default: break
        }
        detail.scroll = SignalDetailView.clampedScroll(detail.scroll, lineCount: lineCount, height: bodyHeight)
        state.detail = detail
        return []
    }

    private static func searchKeyPressed(_ key: Key, _ state: inout SignalsState) -> [SignalsEffect] {
        guard var pane = state.search else { return [] }
        switch SearchReducer.keyPressed(key, &pane) {
        case .stay:
            state.search = pane
        case .close:
            state.search = nil
        case .search(let text):
            state.search = pane
            return [.search(text)]
        case .open(let hit):
            state.search = pane
            if hit.source == .person { return [.request(.openPerson(hit.id))] }
            switch hit.subject {
            case .signal(let id)?: return [.loadSignalDetail(id: id)]
            case .kmtCase(let id)?: return [.request(.openTimeline(.kmtCase(id), code: hit.title))]
            case nil: return []
            }
        }
        return []
    }

    private static func receiptKeyPressed(_ key: Key, _ state: inout SignalsState) -> [SignalsEffect] {
        switch key {
        case .escape, .enter, .character("q"):
            state.receipt = nil
        case .down, .character("j"):
            state.receipt?.scroll += 1
        case .up, .character("k"):
            let scroll = state.receipt?.scroll ?? 0
            state.receipt?.scroll = max(0, scroll - 1)
        default:
            break
        }
        return []
    }
}
