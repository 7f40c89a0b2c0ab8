import Meldroute
import SchakelCore
import TerminalKit

/// Tab 4, Sociale kaart: the partner organisations, found by what is typed and by facets.
public enum PartnersFeature: PaneFeature {
    public typealias State = PartnersState
    public typealias Action = PartnersAction
    public typealias Effect = PartnersEffect
    public static let title = "Sociale kaart"

    public static var state: WritableKeyPath<AppState, State> { \.partners }
    public static func embed(_ action: PartnersAction) -> AppAction { .partners(action) }
    public static func extract(_ action: AppAction) -> PartnersAction? {
        if case .partners(let action) = action { return action }
        return nil
    }

    public static func action(for moment: AppMoment) -> PartnersAction? {
        switch moment {
        case .shown: return .shown
        case .keyPressed(let key): return .keyPressed(key)
        case .otherProcessCommitted: return .otherProcessCommitted
        default: return nil
        }
    }

    public static func reduce(_ state: inout PartnersState, _ action: PartnersAction, _ shell: inout Shell) -> [PartnersEffect] {
        PartnersReducer.reduce(&state, action, &shell)
    }

    public static func request(in effect: PartnersEffect) -> AppRequest? { nil }

    public static func capability(of store: any SessionStore) -> any PartnersStore { store }

    public static func run(_ effect: PartnersEffect, state: PartnersState, with store: any PartnersStore, clock: any Clock,
                           context: AppContext) -> PartnersAction? {
        PartnersRunner(store: store).run(effect, context: context)
    }

    public static func draw(_ state: PartnersState, shell: Shell, in pane: Rect, on grid: inout Grid) {
        PartnersView.draw(state, context: shell.context, in: pane, on: &grid)
    }

    public static func hints(_ state: PartnersState) -> String { PartnersView.hints(state) }

    public static func hasOverlay(_ state: PartnersState) -> Bool {
        !state.stack.isEmpty || state.referring != nil
    }

    public static func reminder(_ state: PartnersState) -> String? {
        state.offeredDirectoryVersion.map { "Nieuwere meegeleverde sociale kaart (versie \($0)): u neemt haar over; lokale wijzigingen blijven." }
    }

    public static func prompt(_ state: PartnersState) -> String? {
        if let pane = state.open?.contacts, pane.onTop == .confirmingArchive, let contacts = state.open?.detail?.contacts,
           contacts.indices.contains(pane.selected) {
            return YesNoQuestion.prompt("‘\(TextFitting.fit(contacts[pane.selected].name, width: 36))’ archiveren?")
        }
        guard state.onTop == .confirmingArchive, let name = state.open?.detail?.partner.name else { return nil }
        return YesNoQuestion.prompt("‘\(TextFitting.fit(name, width: 36))’ archiveren?")
    }

    public static func isTyping(_ state: PartnersState) -> Bool {
        state.facets != nil || state.query != nil || state.callAdvice?.form != nil || state.editing != nil || state.referralForm != nil
            || state.open?.contacts?.form != nil
    }
}
