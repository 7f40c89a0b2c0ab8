import SchakelCore

/// Runs the persons pane's effects, with only the persons of the store.
struct PersonsRunner {
    let store: any PersonKeeping & DraftKeeping

    func run(_ effect: PersonsEffect, context: AppContext) -> PersonsAction? {
        let user = context.user
        switch effect {
        case .loadPersons(let subject):
            return attempt("Betrokkenen laden mislukt.", failed: PersonsAction.loadFailed) {
                .personsLoaded(subject, try store.persons(of: subject, for: user))
            }
        case .findMatches(let person, _):
            return attempt("Niet opgeslagen.", failed: PersonsAction.writeFailed) {
                .matchesFound(person, try store.possibleMatches(for: person, for: user))
            }
        case .add(let person, let subject):
            return attempt("Niet opgeslagen; het formulier staat er nog.", failed: PersonsAction.writeFailed) {
                let added = try store.addPerson(person, to: subject, by: user)
                return .written("Betrokkene toegevoegd: \(added.code), \(person.role.label).")
            }
        case .link(let match, let role, let subject):
            return attempt("Niet gekoppeld; het formulier staat er nog.", failed: PersonsAction.writeFailed) {
                let linked = try store.linkPerson(match.id, role: role, to: subject, by: user)
                return .written("Bekende betrokkene gekoppeld: \(linked.code), \(role.label).")
            }
        case .changeRole(let id, let subject, let old, let new, let reason):
            return attempt("Rol niet gewijzigd; het formulier staat er nog.", failed: PersonsAction.writeFailed) {
                try store.changeRole(of: id, on: subject, from: old, to: new, reason: reason, by: user)
                return .written("Rol gewijzigd: \(old.label) → \(new.label).")
            }
        case .correct(let id, let subject, let correction, let reason):
            return attempt("Niet gecorrigeerd; het formulier staat er nog.", failed: PersonsAction.writeFailed) {
                try store.correctPerson(id, on: subject, to: correction, reason: reason, by: user)
                return .written("Gegevens gecorrigeerd; de tijdlijn houdt de oude waarden.")
            }
        case .merge(let absorbed, let survivor, let survivorID, let reason):
            return attempt("Niet samengevoegd; het formulier staat er nog.", failed: PersonsAction.writeFailed) {
                let merge = try store.mergePersons(absorbed, into: survivor, reason: reason, by: user)
                return .merged("Samengevoegd: \(merge.absorbed) heet voortaan \(merge.survivor); o draait het terug.", personID: survivorID)
            }
        case .undoMerge(let absorbed, let survivorID, let reason):
            return attempt("Niet teruggedraaid; het formulier staat er nog.", failed: PersonsAction.writeFailed) {
                let merge = try store.undoMerge(of: absorbed, reason: reason, by: user)
                return .merged("Teruggedraaid: \(merge.absorbed) en \(merge.survivor) zijn weer twee personen.", personID: survivorID)
            }
        case .loadPerson(let id):
            return attempt("Persoon laden mislukt.", failed: PersonsAction.loadFailed) {
                .personLoaded(try store.personRecord(id: id, for: user))
            }
        case .draft(let effect):
            return DraftRunner.run(effect, store: store, user: user).map(PersonsAction.draft)
        case .request:
            return nil
        }
    }

    /// The action `body` makes, or `failed` with `what` and the store's reason.
    private func attempt(_ what: String, failed: (String) -> PersonsAction, _ body: () throws -> PersonsAction) -> PersonsAction {
        do {
            return try body()
        } catch {
            return failed("\(what) \(SignalsRunner.message(for: error))")
        }
    }
}
