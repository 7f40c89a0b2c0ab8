import Meldroute
import SchakelCore
import TerminalKit

/// Keys in the registration form.
enum RegistrationReducer {
    enum Outcome: Hashable {
        case stay
        case save(NewSignal)
        case discard
        /// A person was entered: look for known ones first.
        case findMatches(NewPerson)
    }

    static func keyPressed(_ key: Key, _ form: inout RegistrationForm, layout: RegistrationLayout) -> Outcome {
        if form.isSaving { return .stay }
        // The key goes to what is on top; the fields get it only when nothing is.
        switch form.onTop {
        case .personDialog?:
            return personDialogKey(key, &form)
        case .personDiscardQuestion(let dialog)?:
            form.onTop = key == .character("j") || key == .character("J") ? nil : .personDialog(dialog)
            return .stay
        case .matchOffer(let offer, let dialog)?:
            var offer = offer
            switch offer.keyPressed(key) {
            case .stay: form.onTop = .matchOffer(offer, dialog)
            case .back: form.onTop = .personDialog(dialog)
            case .same(let match):
                let person = offer.person
                add(NewPerson(initials: person.initials, birthYear: person.birthYear, role: person.role, knownID: match.id), to: &form)
            case .new: add(offer.person, to: &form)
            }
            return .stay
        case .personRemoval(let index)?:
            form.onTop = nil
            if (key == .character("j") || key == .character("J")) && form.persons.indices.contains(index) {
                form.persons.remove(at: index)
                form.personIndex = max(0, min(form.personIndex, form.persons.count - 1))
            }
            return .stay
        case .confirmingDiscard?:
            // Only `j` throws away; any other key (Enter too, which moves on in a form) goes back.
            form.onTop = nil
            return key == .character("j") || key == .character("J") ? .discard : .stay
        case nil:
            break
        }
        switch key {
        case .function(2), .control("o"):
            switch form.validated() {
            case .success(let signal):
                form.problems = [:]
                return .save(signal)
            case .failure(let problems):
                form.problems = problems.byField
                if let first = RegistrationForm.Field.allCases.first(where: { problems.byField[$0] != nil }) {
                    form.focus.focus(first.rawValue)
                }
                return .stay
            }
        case .escape:
            if form.isChanged { form.onTop = .confirmingDiscard } else { return .discard }
            return .stay
        case .tab, .backTab:
            form.focus.handle(key)
            return .stay
        default:
            break
        }
        fieldKey(key, &form, layout: layout)
        // Once a save was tried, problems update as they are fixed.
        if !form.problems.isEmpty {
            if case .failure(let problems) = form.validated() { form.problems = problems.byField } else { form.problems = [:] }
        }
        return .stay
    }

    private static func fieldKey(_ key: Key, _ form: inout RegistrationForm, layout: RegistrationLayout) {
        let field = form.focusedField
        // Up/Down and Enter move between one-line fields; the description and the persons use them.
        let movesOn = key == .enter || key == .down
        let movesBack = key == .up
        switch field {
        case .date:
            if !form.date.handle(key) { navigate(key, &form) }
        case .time:
            if !form.time.handle(key) { navigate(key, &form) }
        case .reporterName:
            if !form.reporterName.handle(key) { navigate(key, &form) }
        case .reporterOrganisation:
            if !form.reporterOrganisation.handle(key) { navigate(key, &form) }
        case .reporterContact:
            if !form.reporterContact.handle(key) { navigate(key, &form) }
        case .location:
            if !form.location.handle(key) { navigate(key, &form) }
        case .source:
            if !choose(key, &form.source) { navigate(key, &form) }
        case .reporterType:
            if !choose(key, &form.reporterType) { navigate(key, &form) }
        case .municipality:
            if !choose(key, &form.municipality) { navigate(key, &form) }
        case .forms:
            switch key {
            case .left: form.forms.handle(.up)
            case .right: form.forms.handle(.down)
            case .character(" "): form.forms.handle(key)
            default: navigate(key, &form)
            }
        case .description:
            form.description.handle(key, width: layout.inputWidth, height: layout.descriptionHeight)
        case .acute:
            if !form.acute.handle(key) { navigate(key, &form) }
        case .minor:
            if !form.minor.handle(key) { navigate(key, &form) }
        case .persons:
            switch key {
            case .enter, .character("+"), .character("n"):
                form.personDialog = PersonDialog()
            case .delete, .character("-"), .backspace:
                // Asked first: one key never loses what was entered.
                if form.persons.indices.contains(form.personIndex) { form.personPendingRemoval = form.personIndex }
            case .down where form.personIndex + 1 < form.persons.count:
                form.personIndex += 1
            case .up where form.personIndex > 0:
                form.personIndex -= 1
            default:
                if movesBack { form.focus.handle(.backTab) }
                if movesOn && key == .down { form.focus.handle(.tab) }
            }
        }
    }

    /// Up and Enter/Down between fields.
    private static func navigate(_ key: Key, _ form: inout RegistrationForm) {
        switch key {
        case .enter, .down: form.focus.handle(.tab)
        case .up: form.focus.handle(.backTab)
        default: break
        }
    }

    /// Left/Right (or Space) step through a one-line choice; a letter jumps to an option.
    private static func choose(_ key: Key, _ list: inout SelectList) -> Bool {
        switch key {
        case .left: return list.handle(.up)
        case .right: return list.handle(.down)
        case .character(" "):
            if list.highlighted + 1 < list.options.count { list.handle(.down) } else { list.handle(.home) }
            return true
        case .home, .end: return list.handle(key)
        case .character(let character) where character.isLetter: return list.handle(key)
        default: return false
        }
    }

    /// The person goes into the list (the offer or the dialog closes).
    static func add(_ person: NewPerson, to form: inout RegistrationForm) {
        form.persons.append(person)
        form.personIndex = form.persons.count - 1
        form.onTop = nil
    }

    private static func personDialogKey(_ key: Key, _ form: inout RegistrationForm) -> Outcome {
        guard var dialog = form.personDialog else { return .stay }
        switch key {
        case .escape:
            if dialog.hasInput {
                form.onTop = .personDiscardQuestion(dialog)
            } else {
                form.personDialog = nil
            }
            return .stay
        case .tab, .backTab:
            dialog.focus.handle(key)
        case .enter:
            switch dialog.validated(thisYear: form.now.date.year) {
            case .success(let person):
                // Known persons are looked for first; the dialog waits for the answer.
                dialog.problem = nil
                form.personDialog = dialog
                return .findMatches(person)
            case .failure(let problem):
                dialog.problem = problem.message
            }
        default:
            switch dialog.focus.index {
            case 0:
                dialog.initials.handle(key)
            case 1:
                if case .character(let character) = key, !(character.isASCII && character.isNumber) { break }
                dialog.birthYear.handle(key)
            default:
                switch key {
                case .left, .up: dialog.role.handle(.up)
                case .right, .down, .character(" "): dialog.role.handle(.down)
                case .character(let character) where character.isLetter: dialog.role.handle(key)
                default: break
                }
            }
        }
        form.personDialog = dialog
        return .stay
    }

    /// The receipt after saving: code, acknowledgement, and whether VTT is still owed.
    static func receipt(for registered: RegisteredSignal, _ signal: NewSignal, context: AppContext) -> RegistrationReceipt {
        let received = signal.receivedAt ?? LocalDateTime(date: context.today, hour: 12, minute: 0)
        let engine = WorkflowEngine(context.workflow)
        let instance = WorkflowInstance(state: context.workflow.initialState,
                                        facts: CaseFacts(acute: signal.acute, minorInvolved: signal.minorInvolved), receivedAt: received)
        let due = engine.deadlines(for: instance, calendar: context.calendar).map(\.due).min()
            ?? context.calendar.addWorkingDays(3, to: received.date)
        return RegistrationReceipt(
            code: registered.code,
            acknowledgement: Acknowledgement.text(for: signal, code: registered.code, receivedAt: received, contactDue: due,
                                                  officer: context.user),
            needsVTTReport: !engine.outstandingObligations(for: instance).isEmpty)
    }
}
