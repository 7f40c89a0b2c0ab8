import SchakelCore

/// Runs the Sociale kaart tab's effects, with only the partner directory of the store.
struct PartnersRunner {
    let store: any PartnersStore

    func run(_ effect: PartnersEffect, context: AppContext) -> PartnersAction? {
        switch effect {
        case .save(let partner):
            do throws(StoreFailure) {
                return .saved(id: try store.savePartner(partner, by: context.user).id)
            } catch .conflict(let change) {
                return .saveFailed("Intussen gewijzigd door \(change.by): \(change.what) Er is niets opgeslagen; "
                    + "Esc en opnieuw openen toont de nieuwe gegevens.")
            } catch {
                return .saveFailed(error.description)
            }
        case .refer(let subject, let referral):
            do throws(StoreFailure) {
                _ = try store.refer(subject, referral, by: context.user)
                return .referred(id: referral.partnerID)
            } catch {
                return .saveFailed(error.description)
            }
        case .saveContact(let contact):
            do throws(StoreFailure) {
                _ = try store.saveContact(contact, by: context.user)
                return .contactChanged(partnerID: contact.partnerID, "\(contact.name) opgeslagen en gestempeld: gecontroleerd op \(context.today.dutch).")
            } catch {
                return .saveFailed(error.description)
            }
        case .archiveContact(let contact):
            do throws(StoreFailure) {
                try store.archiveContact(contact.id ?? 0, expectedVersion: contact.version ?? 0, by: context.user)
                return .contactChanged(partnerID: contact.partnerID, "\(contact.name) gearchiveerd.")
            } catch {
                return .saveFailed(error.description)
            }
        case .bringInShippedDirectory:
            guard let directory = context.shippedDirectory else { return nil }
            do throws(StoreFailure) {
                return .directoryBroughtIn(try store.bringInShippedDirectory(directory, dryRun: false, by: context.user),
                                           version: directory.version)
            } catch {
                return .loadFailed("De meegeleverde sociale kaart overnemen mislukt. \(error.description)")
            }
        case .archive(let id, let version):
            do throws(StoreFailure) {
                try store.archivePartner(id, expectedVersion: version, by: context.user)
                return .archived(id: id)
            } catch {
                return .saveFailed(error.description)
            }
        default:
            return read(effect, context: context)
        }
    }

    private func read(_ effect: PartnersEffect, context: AppContext) -> PartnersAction? {
        do throws(StoreFailure) {
            switch effect {
            case .loadPage(let request, let filter, let limit, let occasion):
                return .pageLoaded(request, filter, try store.partnerPage(request, limit: limit, filter: filter, today: context.today,
                                                                         for: context.user, occasion))
            case .loadDetail(let id, let occasion):
                return .detailLoaded(id: id, try store.partner(id: id, for: context.user, occasion))
            case .advise(let situation):
                let partners = try store.shippedPartners(for: context.user)
                return .adviceLoaded(situation, CallAdvice.advise(context.callRules, for: situation, partners: partners))
            case .loadDirectoryVersion:
                return .directoryVersionLoaded(try store.shippedDirectoryVersion())
            case .save, .archive, .refer, .saveContact, .archiveContact, .bringInShippedDirectory:
                return nil
            }
        } catch {
            return .loadFailed("De sociale kaart laden mislukt. \(error.description)")
        }
    }
}
