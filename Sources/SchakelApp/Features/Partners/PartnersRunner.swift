import SchakelCore

/// Runs the Sociale kaart tab's effects, with only the partner directory of the store.
struct PartnersRunner {
    let store: any PartnerDirectory

    func run(_ effect: PartnersEffect, context: AppContext) -> PartnersAction? {
        do {
            switch effect {
            case .loadPage(let request, let filter, let limit):
                return .pageLoaded(request, filter, try store.partnerPage(request, limit: limit, filter: filter, today: context.today,
                                                                         for: context.user))
            case .loadDetail(let id):
                return .detailLoaded(id: id, try store.partner(id: id, for: context.user))
            case .advise(let situation):
                let partners = try store.shippedPartners(for: context.user)
                return .adviceLoaded(situation, CallAdvice.advise(context.callRules, for: situation, partners: partners))
            }
        } catch {
            return .loadFailed("De sociale kaart laden mislukt. \(error.description)")
        }
    }
}
