import SchakelCore
import TerminalKit

/// Tab 3, Overleggen: the meetings the user may see, from today on, and their agendas.
public enum MeetingsFeature: PaneFeature {
    public typealias State = MeetingsState
    public typealias Action = MeetingsAction
    public typealias Effect = MeetingsEffect
    public static let title = "Overleggen"

    public static var state: WritableKeyPath<AppState, State> { \.meetings }
    public static func embed(_ action: MeetingsAction) -> AppAction { .meetings(action) }
    public static func extract(_ action: AppAction) -> MeetingsAction? {
        if case .meetings(let action) = action { return action }
        return nil
    }

    public static func action(for moment: AppMoment) -> MeetingsAction? {
        switch moment {
        case .shown: return .shown
        case .keyPressed(let key): return .keyPressed(key)
        case .idle: return .idle
        case .terminating: return .terminating
        case .otherProcessCommitted: return .otherProcessCommitted
        default: return nil
        }
    }

    public static func reduce(_ state: inout MeetingsState, _ action: MeetingsAction, _ shell: inout Shell) -> [MeetingsEffect] {
        MeetingsReducer.reduce(&state, action, &shell)
    }

    public static func request(in effect: MeetingsEffect) -> AppRequest? {
        if case .request(let request) = effect { return request }
        return nil
    }

    public static func capability(of store: any SessionStore) -> any MeetingsStore { store }

    public static func run(_ effect: MeetingsEffect, state: MeetingsState, with store: any MeetingsStore, clock: any Clock,
                           context: AppContext) -> MeetingsAction? {
        MeetingsRunner(store: store).run(effect, context: context)
    }

    public static func draw(_ state: MeetingsState, shell: Shell, in pane: Rect, on grid: inout Grid) {
        MeetingsView.draw(state, context: shell.context, in: pane, on: &grid)
    }

    public static func closedNote(for user: User) -> String? { AccessPolicy.seesMeetings(user) ? nil : noAccess(user, to: "overleggen") }

    public static func hints(_ state: MeetingsState) -> String {
        if let open = state.open { return MeetingAgendaView.hints(open) }
        if let actions = state.actions { return ActionListView.hints(actions) }
        return state.waiting == nil ? MeetingsView.hints : WaitingListView.hints
    }

    public static func hasOverlay(_ state: MeetingsState) -> Bool { state.open != nil || state.actions?.ownerInput != nil }

    /// A form, or the owner filter, has the keyboard.
    public static func isTyping(_ state: MeetingsState) -> Bool {
        state.open?.itemForm != nil || state.open?.steps?.form != nil || state.open?.minutes != nil || state.actions?.ownerInput != nil
    }

    public static func prompt(_ state: MeetingsState) -> String? {
        if state.open?.onTop == .confirmingRemoval { return YesNoQuestion.prompt("Agendapunt van de agenda halen?") }
        if state.actions?.onTop == .confirmingDone, let action = state.actions?.list.selectedRow?.action {
            return YesNoQuestion.prompt("Actie ‘\(TextFitting.fit(action.description, width: 30))’ afronden?")
        }
        return nil
    }
}
