import SchakelCore

/// Runs the Beheer tab's effects, with only the user administration of the store.
struct AdministrationRunner {
    let store: any UserAdministering

    func run(_ effect: AdministrationEffect, context: AppContext) -> AdministrationAction? {
        let administrator = context.user
        do {
            switch effect {
            case .loadUsers:
                return .usersLoaded(try store.managedUsers(by: administrator))
            case .save(let change):
                if change.isNew {
                    try store.createUser(login: change.login, displayName: change.displayName, role: change.role,
                                         municipality: change.municipality, by: administrator)
                } else {
                    try store.updateUser(login: change.login, displayName: change.displayName, role: change.role,
                                         municipality: change.municipality, by: administrator)
                }
                return .saved("\(change.isNew ? "Toegevoegd" : "Gewijzigd"): \(change.login).", login: change.login)
            case .setActive(let login, let active):
                try store.setUserActive(login: login, active: active, by: administrator)
                return .saved("\(active ? "Gedeblokkeerd" : "Geblokkeerd"): \(login).", login: login)
            }
        } catch {
            return .failed(SignalsRunner.message(for: error))
        }
    }
}
