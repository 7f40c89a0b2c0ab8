import Meldroute
import SchakelCore
import TerminalKit

/// The route actions of one signal (`a`): the steps Meldroute allows now, the ones it does not
/// with the reason, and the form of the chosen step.
public struct RouteDialog: Hashable, Sendable {
    public let route: SignalRouteState
    /// The clock's time (kept up to date while the dialog is open): the default of "when" fields.
    public var now: LocalDateTime
    public let options: [EventOption]
    public var highlighted: Int
    public var form: EventForm?
    public var isSaving = false
    /// The rejection or problem to show, verbatim.
    public var problem: String?
    /// A colleague changed the signal since it was loaded: offer to load it again.
    public var isOutOfDate = false
    /// Typed in the form since its draft was last kept.
    public var isDraftDirty = false

    init(route: SignalRouteState, workflow: WorkflowDefinition, now: LocalDateTime) {
        self.route = route
        self.now = now
        // Possible steps first, then the others with their reason.
        let all = WorkflowEngine(workflow).options(for: route.instance)
        options = all.filter(\.isAvailable) + all.filter { !$0.isAvailable }
        highlighted = 0
    }
}

enum RouteReducer {
    enum Outcome: Hashable {
        case stay
        case close
        /// Load the signal's route again (after a colleague's change).
        case reload
        case fire(event: String, fields: FieldValues)
        /// The filled-in form was thrown away (after `j`), and with it its draft.
        case discardedForm
    }

    static func keyPressed(_ key: Key, _ dialog: inout RouteDialog) -> Outcome {
        if dialog.isSaving { return .stay }
        if key == .control("r") || (dialog.isOutOfDate && key == .character("r") && dialog.form == nil) { return .reload }
        if var form = dialog.form {
            var edited = false
            let outcome = FormKeys.handle(key, &form, edited: &edited)
            if edited { dialog.isDraftDirty = true }
            dialog.form = form
            switch outcome {
            case .stay:
                break
            case .leave:
                // Closed unchanged, or thrown away after `j`: either way the draft goes too.
                let wasChanged = form.isChanged
                dialog.form = nil
                dialog.problem = nil
                if wasChanged { return .discardedForm }
            case .save:
                switch form.values() {
                case .success(let values):
                    dialog.problem = nil
                    return .fire(event: form.event.id, fields: values)
                case .failure(let problem):
                    dialog.problem = problem.message
                }
            }
            return .stay
        }
        switch key {
        case .escape, .character("q"):
            return .close
        case .down, .character("j"):
            dialog.highlighted = min(dialog.options.count - 1, dialog.highlighted + 1)
            dialog.problem = nil
        case .up, .character("k"):
            dialog.highlighted = max(0, dialog.highlighted - 1)
            dialog.problem = nil
        case .enter:
            guard dialog.options.indices.contains(dialog.highlighted) else { return .stay }
            let option = dialog.options[dialog.highlighted]
            if let reason = option.unavailable {
                dialog.problem = reason.message
            } else if option.event.fields.isEmpty {
                return .fire(event: option.event.id, fields: [:])
            } else {
                dialog.form = EventForm(option.event, now: dialog.now)
            }
        default:
            break
        }
        return .stay
    }
}
