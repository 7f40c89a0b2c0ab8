import SchakelCore
import TerminalKit

/// The Signalen pane: what is open over the inbox, else the inbox.
public enum SignalsView {
    /// The topmost of what is open that takes the pane (a question on the status line does not).
    static func draw(_ state: SignalsState, context: AppContext, in pane: Rect, on grid: inout Grid) {
        for entry in state.stack.entries.reversed() {
            switch entry {
            case .filterPanel(let panel): FilterView.draw(panel, in: pane, on: &grid)
            case .route(let route): RouteView.draw(route, workflow: context.workflow, in: pane, on: &grid)
            case .receipt(let receipt): ReceiptView.draw(receipt, in: pane, on: &grid)
            case .registration(let form): RegistrationView.draw(form, in: pane, on: &grid)
            case .detail(let detail): SignalDetailView.draw(detail, context: context, in: pane, on: &grid)
            case .search(let search): SearchView.draw(search, in: pane, on: &grid)
            case .draftOffer, .caseOffer: continue
            }
            return
        }
        InboxView.draw(state.inbox, context: context, in: pane, on: &grid)
    }

    /// The filter in force, for the right of the tabs row.
    static func tabNote(_ state: SignalsState, context: AppContext) -> String? {
        state.filter.isEmpty ? nil : "filter: " + state.filter.summary(workflow: context.workflow)
    }

    /// A question that waits for a key, before any message (the unsaved registration's offer).
    static func prompt(_ state: SignalsState) -> String? { state.draftOffer?.prompt }

    /// The reminder that stays while a VTT report is owed, on the inbox itself.
    static func reminder(_ state: SignalsState) -> String? { state.hasOverlay ? nil : state.vttReminder }

    static func hints(_ state: SignalsState) -> String {
        if state.receipt != nil { return "↑↓ scrollen  Enter/Esc terug naar de lijst" }
        if let search = state.search, state.detail == nil {
            return search.isTyping ? "Enter zoekt  Esc terug" : "↑↓ kiezen  Enter openen  / nieuwe zoekvraag  Esc terug"
        }
        if state.filterPanel != nil { return "Tab/↓ volgende  ←→ kiezen  spatie vinkt  Enter toepassen  x wissen  Esc terug" }
        if let route = state.route {
            if route.form != nil { return "Tab/↓ volgend veld  ←→ spatie kiezen  F2 of Ctrl-O vastleggen  Esc terug" }
            return "↑↓ kiezen  Enter deze stap  Esc sluiten"
        }
        if let form = state.registration {
            switch form.onTop {
            case .personDialog?: return "Enter toevoegen  Esc annuleren  Tab volgend veld"
            case .personDiscardQuestion?: return "j weggooien  een andere toets gaat terug naar de persoon"
            case .matchOffer?: return "↑↓ kiezen  j koppelen  n nieuwe code  Esc terug naar de persoon"
            default: break
            }
            return "Tab/↓ volgend veld  F2 of Ctrl-O opslaan  Esc annuleren  F1 hulp"
        }
        if state.detail != nil { return "a stappen  t tijdlijn  b personen  c casus  w wie bel ik  v verwijs  Esc terug" }
        return "↑↓ kiezen  Enter openen  a stappen  n nieuw  f filter  o achterstallig  ? hulp"
    }
}
