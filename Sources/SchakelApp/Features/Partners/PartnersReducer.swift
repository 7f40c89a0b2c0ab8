import Meldroute
import SchakelCore
import TerminalKit

/// The Sociale kaart tab's reducer: the list paged by key, narrowed as the user types (`/`) and by
/// facets (`f`), cleared with `c`; an organisation opened with Enter.
public enum PartnersReducer {
    public static func reduce(_ state: inout PartnersState, _ action: PartnersAction, _ shell: inout Shell) -> [PartnersEffect] {
        let rows = PartnersView.listRows(in: shell.pane)
        switch action {
        case .shown:
            guard !state.list.isLoaded else { return [] }
            // Who keeps the map is told of a newer shipped one.
            let asks = AccessPolicy.canEditPartners(shell.context.user) && shell.context.shippedDirectory != nil
            return [reload(state.filter)] + (asks ? [.loadDirectoryVersion] : [])
        case .directoryVersionLoaded(let here):
            guard let shipped = shell.context.shippedDirectory?.version, shipped > here else { return [] }
            state.offeredDirectoryVersion = shipped
            return []
        case .directoryBroughtIn(let update, let version):
            state.offeredDirectoryVersion = nil
            shell.status = StatusMessage("Meegeleverde sociale kaart versie \(version) overgenomen: \(update.added.count) nieuw, "
                + "\(update.updated.count) bijgewerkt, \(update.keptLocal.count) lokaal gewijzigd gelaten.")
            return [reload(state.filter)]
        case .pageLoaded(let request, let filter, let page):
            // A page for a filter since changed is left: the newer one is on its way.
            guard filter == state.filter else { return [] }
            state.list.pageLoaded(request, rows: page.rows.map(PartnerRow.init), hasMore: page.hasMore, visibleRows: rows)
            return []
        case .detailLoaded(let id, let detail):
            guard state.open?.id == id else { return [] }
            guard let detail else {
                state.open = nil
                shell.status = StatusMessage("Deze organisatie staat niet (meer) op de sociale kaart.", isError: true)
                return []
            }
            // Chosen to refer to: the referral's form, once.
            if let target = state.referring, state.open?.detail == nil {
                state.referralForm = ReferralForm(target, to: detail, today: shell.context.today)
            }
            state.open?.detail = detail
            return []
        case .startReferral(let subject, let code):
            state.open = nil
            state.callAdvice = nil
            state.editing = nil
            state.referring = ReferralTarget(subject: subject, code: code)
            shell.status = StatusMessage("\(code) verwijzen: kies de organisatie (/ zoekt, f filtert) en druk Enter; Esc breekt af.")
            return state.list.isLoaded ? [] : [reload(state.filter)]
        case .referred(let id):
            let name = state.referralForm?.partner.name ?? ""
            let code = state.referring?.code ?? ""
            state.referralForm = nil
            state.referring = nil
            shell.status = StatusMessage("\(code) verwezen naar \(name); dat staat op de tijdlijn.")
            return state.open?.id == id ? [.loadDetail(id: id)] : []
        case .askWhoToCall(let situation):
            state.open = nil
            state.callAdvice = CallAdvicePane(asking: situation, today: shell.context.today)
            state.callAdvice?.form = nil
            return [.advise(situation)] + (state.list.isLoaded ? [] : [reload(state.filter)])
        case .adviceLoaded(let situation, let lines):
            guard state.callAdvice?.situation == situation, state.callAdvice?.form == nil else { return [] }
            state.callAdvice?.lines = lines
            state.callAdvice?.selected = 0
            return []
        case .loadFailed(let message):
            shell.status = StatusMessage(message, isError: true)
            return []
        case .saved(let id):
            let name = state.editing.flatMap { try? $0.partner().get().name } ?? ""
            state.editing = nil
            shell.status = StatusMessage("\(name) opgeslagen en gestempeld: gecontroleerd op \(shell.context.today.dutch).")
            var effects: [PartnersEffect] = [.loadPage(state.list.reload(newestFirst: false) ?? .first, state.filter,
                                                       limit: PartnersState.pageSize)]
            if state.open?.id == id { effects.append(.loadDetail(id: id)) }
            return effects
        case .contactChanged(let partnerID, let message):
            if state.open?.contacts?.form != nil { state.open?.contacts?.onTop = nil }
            shell.status = StatusMessage(message)
            return state.open?.id == partnerID ? [.loadDetail(id: partnerID)] : []
        case .saveFailed(let message):
            if var form = state.open?.contacts?.form {
                form.isSaving = false
                form.problem = message
                state.open?.contacts?.onTop = .form(form)
            } else if state.referralForm != nil {
                state.referralForm?.isSaving = false
                state.referralForm?.problem = message
            } else if state.editing != nil {
                state.editing?.isSaving = false
                state.editing?.problem = message
            } else {
                shell.status = StatusMessage(message, isError: true)
            }
            return []
        case .archived:
            state.open = nil
            shell.status = StatusMessage("Gearchiveerd: de organisatie staat niet meer op de kaart; verwijzingen ernaar blijven bewaard.")
            return [.loadPage(state.list.reload(newestFirst: false) ?? .first, state.filter, limit: PartnersState.pageSize)]
        case .otherProcessCommitted:
            var effects: [PartnersEffect] = []
            if let request = state.list.reload(newestFirst: false) {
                effects.append(.loadPage(request, state.filter, limit: PartnersState.pageSize, .refresh))
            }
            if let open = state.open { effects.append(.loadDetail(id: open.id, .refresh)) }
            return effects
        case .keyPressed(let key):
            // The key goes to what is on top; the list gets it only when nothing is.
            switch state.onTop {
            case .editing?: return formKey(key, &state)
            case .referralForm?: return referralKey(key, &state, today: shell.context.today)
            case .confirmingArchive?:
                state.stack.put(nil, kind: .confirmingArchive)
                guard YesNoQuestion.isYes(key), let partner = state.open?.detail?.partner, let id = partner.id,
                      let version = partner.version else { return [] }
                return [.archive(id: id, expectedVersion: version)]
            case .organisation(let open)?:
                return open.contacts != nil ? contactsKey(key, &state, &shell) : detailKey(key, &state, &shell)
            case .callAdvice?: return adviceKey(key, &state, today: shell.context.today)
            case .facets?: return facetKey(key, &state)
            case .query?: return queryKey(key, &state, rows: rows)
            case nil: return listKey(key, &state, rows: rows, &shell)
            }
        }
    }

    static func reload(_ filter: PartnerFilter) -> PartnersEffect { .loadPage(.first, filter, limit: PartnersState.pageSize) }

    private static func listKey(_ key: Key, _ state: inout PartnersState, rows: Int, _ shell: inout Shell) -> [PartnersEffect] {
        let today = shell.context.today
        switch key {
        case _ where PagedList<PartnerRow>.isMovement(key):
            return state.list.move(for: key, visibleRows: rows).map { [.loadPage($0, state.filter, limit: PartnersState.pageSize)] } ?? []
        case .character("/"):
            state.query = TextField(state.filter.text, maxLength: 100)
        case .character("f"):
            state.facets = PartnerFacets.form(for: state.filter, today: today)
        case .character("w"):
            state.callAdvice = CallAdvicePane(asking: CallSituation(), today: today)
        case .character("u") where state.offeredDirectoryVersion != nil:
            guard mayEdit(&shell) else { return [] }
            return [.bringInShippedDirectory]
        case .character("n"), .character("e"):
            guard mayEdit(&shell) else { return [] }
            state.editing = PartnerForm(key == .character("n") ? nil : state.list.selectedRow?.partner, today: today)
        case .character("c"):
            guard state.filter != .none else { return [] }
            state.filter = .none
            return [reload(state.filter)]
        case .enter:
            guard let id = state.list.selectedRow?.partner.id else { return [] }
            state.open = OpenPartner(id: id)
            return [.loadDetail(id: id)]
        case .escape where state.referring != nil:
            state.referring = nil
            shell.status = StatusMessage("Verwijzen afgebroken; er is niets vastgelegd.")
        default:
            break
        }
        return []
    }

    /// The situation's form (F2 asks), then the advice: Enter opens an organisation, `w` changes
    /// the situation, Esc goes back to the list.
    private static func adviceKey(_ key: Key, _ state: inout PartnersState, today: CivilDate) -> [PartnersEffect] {
        guard var pane = state.callAdvice else { return [] }
        if var form = pane.form {
            switch key {
            case .escape:
                state.callAdvice = nil
                return []
            case .function(2), .control("o"):
                pane.situation = CallAdvicePane.situation(from: form)
                pane.form = nil
                pane.lines = nil
                state.callAdvice = pane
                return [.advise(pane.situation)]
            default:
                form.handle(key)
                pane.form = form
                state.callAdvice = pane
                return []
            }
        }
        switch key {
        case .escape, .left:
            state.callAdvice = nil
        case .character("w"), .character("e"):
            pane.form = CallAdvicePane(asking: pane.situation, today: today).form
            state.callAdvice = pane
        case .enter:
            guard let id = pane.selectedLine?.partner?.id else { return [] }
            state.open = OpenPartner(id: id)
            return [.loadDetail(id: id)]
        default:
            pane.selected = ShortList.moved(pane.selected, by: key, count: pane.lines?.count ?? 0)
            state.callAdvice = pane
        }
        return []
    }

    private static func detailKey(_ key: Key, _ state: inout PartnersState, _ shell: inout Shell) -> [PartnersEffect] {
        switch key {
        case .character("e"):
            guard mayEdit(&shell), let partner = state.open?.detail?.partner else { return [] }
            state.editing = PartnerForm(partner, today: shell.context.today)
        case .character("x"):
            guard mayEdit(&shell), state.open?.detail != nil else { return [] }
            state.stack.put(.confirmingArchive, kind: .confirmingArchive)
        case .character("p"):
            guard state.open?.detail != nil else { return [] }
            state.open?.contacts = ContactsPane()
        case .character("v"):
            guard let target = state.referring, let detail = state.open?.detail else {
                shell.status = StatusMessage("Verwijzen begint bij het signaal of de casus: v daar.", isError: true)
                return []
            }
            state.referralForm = ReferralForm(target, to: detail, today: shell.context.today)
        case .escape, .left, .character("q"):
            state.open = nil
        case .down, .character("j"):
            guard let open = state.open, let detail = open.detail else { return [] }
            let lines = PartnerDetailView.lines(detail, today: shell.context.today, width: shell.pane.width - 2).count
            state.open?.scroll = min(open.scroll + 1, max(0, lines - (shell.pane.height - 1)))
        case .up, .character("k"):
            let scroll = state.open?.scroll ?? 0
            state.open?.scroll = max(0, scroll - 1)
        default:
            break
        }
        return []
    }
}
