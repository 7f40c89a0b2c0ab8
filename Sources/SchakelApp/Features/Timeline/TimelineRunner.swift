import SchakelCore

/// Runs the timeline's effects, with only the timelines and drafts of the store.
struct TimelineRunner {
    let store: any TimelineStore

    func run(_ effect: TimelineEffect, context: AppContext) -> TimelineAction? {
        switch effect {
        case .loadPage(let subject, let kinds, let request, let limit):
            do {
                return .pageLoaded(subject, request, try store.timelinePage(of: subject, kinds: kinds, request, limit: limit,
                                                                            for: context.user))
            } catch {
                return .loadFailed("Tijdlijn laden mislukt. \(SignalsRunner.message(for: error))")
            }
        case .addNote(let subject, let text):
            do {
                _ = try store.addNote(text, to: subject, by: context.user)
                return .noteAdded
            } catch {
                return .noteFailed("De notitie is niet opgeslagen; ze staat er nog. \(SignalsRunner.message(for: error))")
            }
        case .draft(let effect):
            return DraftRunner.run(effect, store: store, user: context.user).map(TimelineAction.draft)
        case .request:
            return nil
        }
    }
}
