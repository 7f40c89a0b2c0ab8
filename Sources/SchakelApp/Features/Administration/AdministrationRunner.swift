import SchakelCore

/// What the Beheer tab asks of the store: the users, and the destruction lists.
public typealias AdministrationStore = UserAdministering & RetentionKeeping

/// Runs the Beheer tab's effects, with only the user administration and retention of the store.
struct AdministrationRunner {
    let store: any AdministrationStore

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
            case .loadRetention, .proposeDestruction, .approveDestruction:
                return retention(effect, context: context)
            }
        } catch {
            return .failed(SignalsRunner.message(for: error))
        }
    }

    private func retention(_ effect: AdministrationEffect, context: AppContext) -> AdministrationAction? {
        guard let rules = context.retention else {
            return .retentionFailed("De bewaartermijnen zijn niet geladen; de vernietigingslijst kan niet worden opgesteld.")
        }
        let (user, today) = (context.user, context.today)
        do {
            switch effect {
            case .proposeDestruction: return .destructionProposed(try store.proposeDestruction(under: rules, today: today, by: user))
            case .approveDestruction(let id): return .destructionApproved(try store.approveDestruction(id, under: rules, today: today, by: user))
            default: return .retentionLoaded(try store.retentionOverview(under: rules, today: today, for: user))
            }
        } catch {
            return .retentionFailed(SignalsRunner.message(for: error))
        }
    }
}
