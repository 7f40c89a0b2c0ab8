import Meldroute
import SchakelCore
import TerminalKit

/// The persons pane's reducer: the list of a signal's or case's persons, the forms over it, the
/// match offer, and the person view.
public enum PersonsReducer {
    public static func reduce(_ state: inout PersonsPane?, _ action: PersonsAction, _ shell: inout Shell) -> [PersonsEffect] {
        switch action {
        case .open(let subject, let code):
            state = PersonsPane(subject: subject, code: code)
            return [.loadPersons(subject)]
        case .openPerson(let id):
            state = PersonsPane(subject: nil, code: "")
            return [.loadPerson(id)]
        case .personsLoaded(let subject, let persons):
            guard var pane = state, pane.subject == subject else { return [] }
            let isFirst = !pane.isLoaded
            pane.persons = persons
            pane.isLoaded = true
            pane.selected = max(0, min(pane.selected, persons.count - 1))
            state = pane
            // A form on it left unsaved in an earlier session comes back once the persons are known.
            return isFirst ? [.draft(.load(.personForm(subject)))] : []
        case .idle:
            // The form being typed in is kept when something changed since the last time.
            guard var pane = state, var form = pane.form, form.isDraftDirty else { return [] }
            form.isDraftDirty = false
            pane.onTop = .form(form)
            state = pane
            return [.draft(.save(.personForm(form.subject), payload: PersonFormDraft(form, code: pane.code).json))]
        case .terminating:
            guard let pane = state, let form = pane.form ?? pane.matchOfferForm, form.form.isChanged else { return [] }
            return [.draft(.save(.personForm(form.subject), payload: PersonFormDraft(form, code: pane.code).json))]
        case .draft(.found(let key, let payload?)):
            guard var pane = state, let subject = pane.subject, key == .personForm(subject), pane.onTop == nil,
                  let draft = PersonFormDraft.from(json: payload),
                  let form = draft.personForm(on: subject, code: pane.code, persons: pane.persons, today: shell.context.today) else { return [] }
            pane.onTop = .form(form)
            state = pane
            shell.status = StatusMessage("Uw niet-opgeslagen formulier is teruggezet; Esc en j gooit het weg.")
            return []
        case .draft(.notSaved(let message)):
            shell.status = StatusMessage(message, isError: true)
            return []
        case .draft:
            return []
        case .matchesFound(let person, let matches):
            guard var pane = state, case .form(var form)? = pane.onTop else { return [] }
            if matches.isEmpty { return [.add(person, to: form.subject)] }
            form.isSaving = false
            pane.onTop = .matchOffer(MatchOffer(person: person, matches: matches), form)
            state = pane
            return []
        case .personLoaded(let record):
            guard var pane = state else { return [] }
            guard let record else {
                shell.status = StatusMessage("Deze persoon bestaat niet (meer) of u heeft er geen toegang toe.", isError: true)
                if pane.subject == nil { state = nil } else { pane.onTop = nil; state = pane }
                return []
            }
            pane.onTop = .person(PersonView(record: record))
            state = pane
            return []
        case .written(let message):
            guard var pane = state, let subject = pane.subject else { return [] }
            pane.onTop = nil
            state = pane
            shell.status = StatusMessage(message)
            return [.draft(.discard(.personForm(subject))), .loadPersons(subject), .request(.personsChanged(subject))]
        case .merged(let message, let personID):
            guard var pane = state else { return [] }
            if case .merge(_, let view)? = pane.onTop { pane.onTop = .person(view) }
            state = pane
            shell.status = StatusMessage(message)
            // The person shown again, and the list (a code in it may have changed).
            return [.loadPerson(personID)] + (pane.subject.map { [.loadPersons($0), .request(.personsChanged($0))] } ?? [])
        case .writeFailed(let message):
            guard var pane = state else { return [] }
            // The form comes back as it was, with the reason; nothing was written.
            switch pane.onTop {
            case .merge(var form, let view)?:
                form.isSaving = false
                form.problem = message
                pane.onTop = .merge(form, view)
            case .form(var form)?:
                form.isSaving = false
                form.problem = message
                pane.onTop = .form(form)
            case .matchOffer(_, var form)?:
                form.isSaving = false
                form.problem = message
                pane.onTop = .form(form)
            default: break
            }
            state = pane
            shell.status = StatusMessage(message, isError: true)
            return []
        case .loadFailed(let message):
            shell.status = StatusMessage(message, isError: true)
            // Nothing to show (refused, say): the pane closes rather than wait for ever.
            if let pane = state, !pane.isLoaded && pane.personView == nil { state = nil }
            return []
        case .keyPressed(let key):
            guard var pane = state else { return [] }
            let effects: [PersonsEffect]
            switch pane.onTop {
            case .form?: effects = formKeyPressed(key, &pane, &shell)
            case .merge(let form, let view)?:
                var slot: MergeForm? = form
                let effect = FormKeys.handle(key, &slot) { $0.request() }
                pane.onTop = slot.map { .merge($0, view) } ?? .person(view)
                effects = effect.map { [$0] } ?? []
            case .matchOffer(let offer, let form)?: effects = offerKeyPressed(key, offer, form, &pane)
            case .person(let view)?:
                // Opened from a search, the person view is the whole pane: leaving it closes the pane.
                if isLeaving(key) && pane.subject == nil {
                    state = nil
                    return []
                }
                effects = personKeyPressed(key, view, &pane, &shell)
            case nil:
                if isLeaving(key) {
                    state = nil
                    return []
                }
                effects = listKeyPressed(key, &pane, &shell)
            }
            state = pane
            return effects
        }
    }

    private static func isLeaving(_ key: Key) -> Bool { key == .escape || key == .character("q") || key == .left }

    private static func listKeyPressed(_ key: Key, _ pane: inout PersonsPane, _ shell: inout Shell) -> [PersonsEffect] {
        guard let subject = pane.subject else { return [] }
        let today = shell.context.today
        switch key {
        case .down, .character("j"): pane.selected = min(max(0, pane.persons.count - 1), pane.selected + 1)
        case .up, .character("k"): pane.selected = max(0, pane.selected - 1)
        case .character("n"):
            pane.onTop = .form(PersonForm(.add, on: subject, code: pane.code, today: today))
        case .character("r"):
            guard let person = pane.selectedPerson else { return [] }
            pane.onTop = .form(PersonForm(.changeRole(person), on: subject, code: pane.code, today: today))
        case .character("e"):
            guard let person = pane.selectedPerson else { return [] }
            pane.onTop = .form(PersonForm(.correct(person), on: subject, code: pane.code, today: today))
        case .enter:
            guard let person = pane.selectedPerson else { return [] }
            return [.loadPerson(person.id)]
        default: break
        }
        return []
    }

    private static func formKeyPressed(_ key: Key, _ pane: inout PersonsPane, _ shell: inout Shell) -> [PersonsEffect] {
        var slot = pane.form
        let before = slot?.form.content
        let thisYear = shell.context.today.year
        let effect = FormKeys.handle(key, &slot) { form in form.request(thisYear: thisYear) }
        if var form = slot, form.form.content != before {
            form.isDraftDirty = true
            slot = form
        }
        pane.onTop = slot.map(PersonsPane.OnTop.form)
        // Thrown away (after `j`): so is its draft.
        if slot == nil, let subject = pane.subject, key == .character("j") || key == .character("J") {
            return [.draft(.discard(.personForm(subject)))]
        }
        return effect.map { [$0] } ?? []
    }

    private static func offerKeyPressed(_ key: Key, _ offer: MatchOffer, _ form: PersonForm, _ pane: inout PersonsPane) -> [PersonsEffect] {
        var offer = offer, form = form
        switch offer.keyPressed(key) {
        case .stay:
            pane.onTop = .matchOffer(offer, form)
            return []
        case .back:
            pane.onTop = .form(form)
            return []
        case .same(let match):
            form.isSaving = true
            pane.onTop = .matchOffer(offer, form)
            return [.link(match, role: offer.person.role, to: form.subject)]
        case .new:
            form.isSaving = true
            pane.onTop = .matchOffer(offer, form)
            return [.add(offer.person, to: form.subject)]
        }
    }

    private static func personKeyPressed(_ key: Key, _ view: PersonView, _ pane: inout PersonsPane,
                                         _ shell: inout Shell) -> [PersonsEffect] {
        var view = view
        switch key {
        case .character("s"), .character("o"):
            guard AccessPolicy.canMergePersons(shell.context.user) else {
                shell.status = StatusMessage("Alleen een procesmanager voegt personen samen.", isError: true)
                return []
            }
            if key == .character("o") && view.record.mergedCodes.isEmpty {
                shell.status = StatusMessage("Er is niets met \(view.record.code) samengevoegd om terug te draaien.", isError: true)
                return []
            }
            let form = MergeForm(key == .character("s") ? .merge : .undo, person: view.record, today: shell.context.today)
            pane.onTop = .merge(form, view)
            return []
        case .escape, .character("q"), .left:
            pane.onTop = nil
            return []
        case .down, .character("j"): view.selected = min(max(0, view.rows.count - 1), view.selected + 1)
        case .up, .character("k"): view.selected = max(0, view.selected - 1)
        case .enter, .character("t"):
            guard let appearance = view.selectedAppearance else { return [] }
            return [.request(.openTimeline(appearance.subject, code: appearance.code))]
        default: break
        }
        pane.onTop = .person(view)
        return []
    }
}
