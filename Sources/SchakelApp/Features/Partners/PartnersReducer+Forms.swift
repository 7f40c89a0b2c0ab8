import Meldroute
import SchakelCore
import TerminalKit

/// What is typed in the Sociale kaart: the search text, the facets, a referral, an organisation
/// and its contact persons; and who may keep the map.
extension PartnersReducer {
    /// The referral's form: F2 records it, Esc goes back to the organisation (asking first).
    static func referralKey(_ key: Key, _ state: inout PartnersState, today: CivilDate) -> [PartnersEffect] {
        guard var referral = state.referralForm, !referral.isSaving else { return [] }
        var edited = false
        switch FormKeys.handle(key, &referral.form, edited: &edited) {
        case .leave:
            state.referralForm = nil
            return []
        case .stay:
            state.referralForm = referral
            return []
        case .save:
            break
        }
        var effects: [PartnersEffect] = []
        switch referral.referral(today: today) {
        case .failure(let problem):
            referral.problem = problem.message
        case .success(let new):
            referral.problem = nil
            referral.isSaving = true
            effects = [.refer(referral.target.subject, new)]
        }
        state.referralForm = referral
        return effects
    }

    /// Typing narrows the list at every key; ↑↓ still move; Enter keeps the text, Esc drops it.
    static func queryKey(_ key: Key, _ state: inout PartnersState, rows: Int) -> [PartnersEffect] {
        guard var query = state.query else { return [] }
        switch key {
        case .enter:
            state.query = nil
            return []
        case .escape:
            state.query = nil
            guard !state.filter.text.isEmpty else { return [] }
            state.filter.text = ""
            return [reload(state.filter)]
        case .up, .down, .pageUp, .pageDown:
            return state.list.move(for: key, visibleRows: rows).map { [.loadPage($0, state.filter, limit: PartnersState.pageSize)] } ?? []
        default:
            _ = query.handle(key)
            state.query = query
            guard query.text != state.filter.text else { return [] }
            state.filter.text = query.text
            return [reload(state.filter)]
        }
    }

    /// The facets' form: F2 (or Ctrl-O) applies, Esc leaves them as they were.
    static func facetKey(_ key: Key, _ state: inout PartnersState) -> [PartnersEffect] {
        guard var form = state.facets else { return [] }
        switch key {
        case .escape:
            state.facets = nil
            return []
        case .function(2), .control("o"):
            state.facets = nil
            let filter = PartnerFacets.filter(from: form, text: state.filter.text)
            guard filter != state.filter else { return [] }
            state.filter = filter
            return [reload(filter)]
        default:
            form.handle(key)
            state.facets = form
            return []
        }
    }

    /// The opened organisation's contact persons: ↑↓ choose, `n` adds, `e`/Enter changes, `x` archives.
    static func contactsKey(_ key: Key, _ state: inout PartnersState, _ shell: inout Shell) -> [PartnersEffect] {
        guard var pane = state.open?.contacts, let detail = state.open?.detail, let partnerID = detail.partner.id else { return [] }
        var isClosing = false
        defer { state.open?.contacts = isClosing ? nil : pane }
        let selected = detail.contacts.indices.contains(pane.selected) ? detail.contacts[pane.selected] : nil
        // The key goes to what is on top; the contacts get it only when nothing is.
        switch pane.onTop {
        case .form(var editing)?:
            guard !editing.isSaving else { return [] }
            var edited = false
            switch FormKeys.handle(key, &editing.form, edited: &edited) {
            case .leave:
                pane.onTop = nil
            case .stay:
                pane.onTop = .form(editing)
            case .save:
                switch editing.contact() {
                case .failure(let problem):
                    editing.problem = problem.message
                    pane.onTop = .form(editing)
                case .success(let contact):
                    editing.problem = nil
                    editing.isSaving = true
                    pane.onTop = .form(editing)
                    return [.saveContact(contact)]
                }
            }
            return []
        case .confirmingArchive?:
            pane.onTop = nil
            guard YesNoQuestion.isYes(key), let selected else { return [] }
            return [.archiveContact(selected)]
        case nil:
            break
        }
        switch key {
        case .escape, .left:
            isClosing = true
            return []
        case .character("n"):
            guard mayEdit(&shell) else { return [] }
            pane.onTop = .form(ContactForm(nil, partnerID: partnerID, organisation: detail.partner.name, today: shell.context.today))
        case .character("e"), .enter:
            guard let selected, mayEdit(&shell) else { return [] }
            pane.onTop = .form(ContactForm(selected, partnerID: partnerID, organisation: detail.partner.name, today: shell.context.today))
        case .character("x"):
            guard selected != nil, mayEdit(&shell) else { return [] }
            pane.onTop = .confirmingArchive
        default:
            pane.selected = ShortList.moved(pane.selected, by: key, count: detail.contacts.count)
        }
        return []
    }

    /// Whether the user keeps the directory; if not, said.
    static func mayEdit(_ shell: inout Shell) -> Bool {
        guard AccessPolicy.canEditPartners(shell.context.user) else {
            shell.status = StatusMessage("Alleen het KMT en de beheerder houden de sociale kaart bij.", isError: true)
            return false
        }
        return true
    }

    /// The organisation's form: F2 saves (checked first), Esc leaves, asking first when something was typed.
    static func formKey(_ key: Key, _ state: inout PartnersState) -> [PartnersEffect] {
        FormKeys.handle(key, &state.editing) { $0.partner() }.map { [.save($0)] } ?? []
    }
}
