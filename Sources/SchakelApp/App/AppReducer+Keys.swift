import Meldroute
import SchakelCore
import TerminalKit

/// Keys: what each one does on the screen that is showing.
extension AppReducer {
    static func keyPressed(_ key: Key, _ state: inout AppState, visibleRows: Int) -> [AppEffect] {
        // Keys that work everywhere.
        if key == .control("l") { return [.repaintScreen] }
        state.status = nil

        if state.isShowingHelp {
            let height = max(1, FrameLayout(size: state.size).pane.height - 2)
            switch key {
            case .escape, .character("?"), .character("q"), .enter: state.isShowingHelp = false
            case .down, .character("j"): state.helpScroll += 1
            case .up, .character("k"): state.helpScroll -= 1
            case .pageDown, .character(" "): state.helpScroll += height
            case .pageUp: state.helpScroll -= height
            default: break
            }
            state.helpScroll = HelpView.clampedScroll(state.helpScroll, lineCount: state.context.helpLines.count, height: height)
            return []
        }
        if key == .character("?") {
            state.isShowingHelp = true
            state.helpScroll = 0
            return []
        }
        if state.receipt != nil {
            return receiptKeyPressed(key, &state)
        }
        if var panel = state.filterPanel {
            switch panel.handle(key, context: state.context) {
            case .stay: state.filterPanel = panel
            case .cancel: state.filterPanel = nil
            case .apply(let filter): return applyFilter(filter, &state)
            case .save(let name, let filter, let shared):
                return [.saveFilter(name: name, filter, shared: shared)] + applyFilter(filter, &state)
            }
            return []
        }
        if let signalID = state.caseOfferSignalID {
            state.caseOfferSignalID = nil
            switch key {
            case .character("j"), .character("J"): return [.openCase(signalID: signalID, perpetratorTrack: false)]
            case .character("d"), .character("D"): return [.openCase(signalID: signalID, perpetratorTrack: true)]
            default:
                state.status = StatusMessage("Geen casus aangemaakt.")
                return []
            }
        }
        if var pane = state.timeline {
            let layout = TimelineLayout(pane: FrameLayout(size: state.size).pane)
            switch TimelineReducer.keyPressed(key, &pane, layout: layout) {
            case .stay:
                state.timeline = pane
                return []
            case .close:
                state.timeline = nil
                return []
            case .fetch(let request):
                state.timeline = pane
                return [.loadTimelinePage(pane.subject, kinds: pane.kinds, request, limit: PagedList<TimelineRow>.pageSize)]
            case .saveNote(let text):
                state.timeline = pane
                return [.addNote(pane.subject, text)]
            case .openedNote:
                state.timeline = pane
                return [.loadDraft(.note(pane.subject))]
            case .discardedNote:
                state.timeline = pane
                return [.discardDraft(.note(pane.subject))]
            }
        }
        if var dialog = state.route {
            switch RouteReducer.keyPressed(key, &dialog) {
            case .stay:
                state.route = dialog
            case .close:
                state.route = nil
            case .reload:
                // Fetch the signal's route again after a colleague's change; the inbox follows. What was
                // typed is kept as the step's draft first, and comes back with the reloaded signal.
                let id = dialog.route.signalID
                var effects: [AppEffect] = []
                if let form = dialog.form, form.isChanged {
                    effects.append(.saveDraft(.routeStep(signalID: id), payload: StepDraft(form, code: dialog.route.code).json))
                }
                state.route = nil
                return effects + [.loadRouteState(signalID: id)] + InboxReducer.reload(&state.inbox)
            case .discardedForm:
                state.route = dialog
                state.status = StatusMessage("De stap is niet vastgelegd; wat u invulde is weggegooid.")
                return [.discardDraft(.routeStep(signalID: dialog.route.signalID))]
            case .fire(let event, let fields):
                dialog.isSaving = true
                state.route = dialog
                return [.recordRouteEvent(signalID: dialog.route.signalID, event: event, fields: fields,
                                          expectedVersion: dialog.route.version)]
            }
            return []
        }
        if var offer = state.draftOffer {
            switch offer.keyPressed(key) {
            case .stay:
                state.draftOffer = offer
                return []
            case .resume:
                return [.openRegistration]
            case .later:
                state.draftOffer = nil
                state.status = StatusMessage("De registratie blijft bewaard; n zet haar voort.")
                return []
            case .discard:
                state.draftOffer = nil
                state.status = StatusMessage("De niet-opgeslagen registratie is weggegooid.")
                return [.discardDraft(.registration)]
            }
        }
        if var form = state.registration {
            let layout = RegistrationLayout(pane: FrameLayout(size: state.size).pane, personCount: form.persons.count)
            let before = (content: form.content, field: form.focus.index)
            switch RegistrationReducer.keyPressed(key, &form, layout: layout) {
            case .stay:
                if form.content != before.content { form.isDraftDirty = true }
                state.registration = form
                // Leaving a changed field keeps the draft.
                let effects = form.focus.index != before.field ? DraftReducer.saveWhatChanged(&state) : []
                if let problem = form.problems[form.focusedField] {
                    state.status = StatusMessage("\(form.focusedField.label): \(problem)", isError: true)
                } else if !form.problems.isEmpty {
                    state.status = StatusMessage("Nog niet opgeslagen: \(form.problems.count) veld(en) niet in orde, gemarkeerd met !",
                                                 isError: true)
                }
                return effects
            case .save(let signal):
                form.isSaving = true
                state.registration = form
                return [.registerSignal(signal)]
            case .discard:
                state.registration = nil
                state.status = StatusMessage("Registratie geannuleerd; er is niets opgeslagen.")
                return [.discardDraft(.registration)]
            }
        }
        if state.detail != nil {
            return detailKeyPressed(key, &state)
        }
        if var pane = state.search {
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
                switch hit.subject {
                case .signal(let id)?: return [.loadSignalDetail(id: id)]
                case .kmtCase(let id)?:
                    state.timeline = TimelinePane(subject: .kmtCase(id), title: "Tijdlijn van casus \(hit.title)")
                    return [.loadTimelinePage(.kmtCase(id), kinds: [], .last, limit: PagedList<TimelineRow>.pageSize)]
                case nil: return []
                }
            }
            return []
        }
        switch key {
        case .character("q"):
            state.isRunning = false
            return []
        case .character(let c) where c.isNumber:
            if let number = c.wholeNumberValue, let tab = Tab(rawValue: number) { state.tab = tab }
            if state.tab == .cases && !state.cases.isLoaded { return [.loadCasePage(.first, limit: CaseListState.pageSize)] }
            return []
        default:
            break
        }
        if state.tab == .cases { return casesKeyPressed(key, &state) }
        guard state.tab == .signals else { return [] }
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
            state.filterPanel = FilterPanel(state.signalFilter, context: state.context)
            return [.loadSavedFilters]
        case .character("/"):
            state.search = SearchPane()
            return []
        case .character("o"):
            // Achterstallig on or off, in one key.
            var filter = state.signalFilter
            filter.overdueOnly.toggle()
            return applyFilter(filter, &state)
        case .character("n"):
            guard AccessPolicy.canRegisterSignals(state.context.user) else {
                state.status = StatusMessage("Uw rol kan geen signalen registreren.", isError: true)
                return []
            }
            return [.openRegistration]
        default:
            return []
        }
    }

    static func detailKeyPressed(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard var detail = state.detail else { return [] }
        let pane = FrameLayout(size: state.size).pane
        let bodyHeight = max(1, pane.height - 1)
        let lineCount = SignalDetailView.lines(detail.detail, context: state.context, width: pane.width - 2).count
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
        case .character("a"): return [.loadRouteState(signalID: detail.detail.summary.id)]
        case .character("t"):
            let summary = detail.detail.summary
            state.timeline = TimelinePane(subject: .signal(summary.id), title: "Tijdlijn van signaal \(summary.code)")
            return [.loadTimelinePage(.signal(summary.id), kinds: [], .last, limit: PagedList<TimelineRow>.pageSize)]
        case .character("c"):
            let municipalityID = Municipality.twente.first { $0.name == detail.detail.summary.municipality }?.id ?? -1
            guard AccessPolicy.canOpenCase(state.context.user, fromSignalIn: municipalityID) else {
                state.status = StatusMessage("Alleen de AF van de gemeente of een procesmanager maakt een KMT-casus aan.", isError: true)
                return []
            }
            state.caseOfferSignalID = detail.detail.summary.id
            state.status = StatusMessage("KMT-casus aanmaken voor \(detail.detail.summary.code)? j = ja · d = ja, daderaanpak · n = nee")
            return []
        default: break
        }
        detail.scroll = SignalDetailView.clampedScroll(detail.scroll, lineCount: lineCount, height: bodyHeight)
        state.detail = detail
        return []
    }

    static func receiptKeyPressed(_ key: Key, _ state: inout AppState) -> [AppEffect] {
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

    static func casesKeyPressed(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        let rows = max(1, FrameLayout(size: state.size).pane.height - 1)
        let request: PageRequest?
        switch key {
        case .down, .character("j"): request = state.cases.move(by: 1, visibleRows: rows)
        case .up, .character("k"): request = state.cases.move(by: -1, visibleRows: rows)
        case .pageDown, .character(" "): request = state.cases.move(by: rows, visibleRows: rows)
        case .pageUp: request = state.cases.move(by: -rows, visibleRows: rows)
        case .home, .character("g"): request = state.cases.jumpToStart()
        case .end, .character("G"): request = state.cases.jumpToEnd(visibleRows: rows)
        case .enter:
            guard let row = state.cases.selectedRow else { return [] }
            state.timeline = TimelinePane(subject: .kmtCase(row.summary.id), title: "Tijdlijn van casus \(row.summary.code)")
            return [.loadTimelinePage(.kmtCase(row.summary.id), kinds: [], .last, limit: PagedList<TimelineRow>.pageSize)]
        default:
            request = nil
        }
        return request.map { [.loadCasePage($0, limit: CaseListState.pageSize)] } ?? []
    }

    /// Shows the inbox anew under `filter`, from its first page.
    static func applyFilter(_ filter: SignalFilter, _ state: inout AppState) -> [AppEffect] {
        state.filterPanel = nil
        state.signalFilter = filter
        state.inbox = InboxState()
        state.status = StatusMessage(filter.isEmpty ? "Alle signalen." : "Filter: \(filter.summary(workflow: state.context.workflow)).")
        return [.loadInboxPage(.first, limit: InboxState.pageSize)]
    }
}
