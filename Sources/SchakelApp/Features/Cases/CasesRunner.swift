import SchakelCore

/// Runs the Casussen tab's effects, with only the case list of the store.
struct CasesRunner {
    let store: any CaseListing

    func run(_ effect: CasesEffect, context: AppContext) -> CasesAction? {
        switch effect {
        case .loadCasePage(let request, let limit, let occasion):
            do {
                return .casePageLoaded(request, try store.casePage(request, limit: limit, for: context.user, occasion))
            } catch {
                return .loadFailed("Casussen laden mislukt. \(SignalsRunner.message(for: error))")
            }
        case .request:
            return nil
        }
    }
}
