import SchakelCore

/// What the Advies tab asks of the store: the activities, and the draft of their form.
public typealias AdviceStore = ActivityKeeping & DraftKeeping

/// Runs the Advies tab's effects, with only that part of the store.
struct AdviceRunner {
    let store: any AdviceStore

    func run(_ effect: AdviceEffect, context: AppContext) -> AdviceAction? {
        let user = context.user
        switch effect {
        case .loadActivities(let occasion):
            do {
                return .activitiesLoaded(try store.activities(today: context.today, for: user, occasion))
            } catch {
                return .loadFailed(SignalsRunner.message(for: error))
            }
        case .save(let entry, let id, let version):
            do {
                let saved = try store.saveActivity(entry, id: id, version: version, by: user)
                let what = context.activityVocabulary?.kindLabel(entry.kind) ?? entry.kind
                return .saved("\(id == nil ? "Geregistreerd" : "Gewijzigd"): \(what) van \(entry.date.dutch).", id: saved)
            } catch {
                return .saveFailed(SignalsRunner.message(for: error))
            }
        case .draft(let effect):
            return DraftRunner.run(effect, store: store, user: user).map(AdviceAction.draft)
        }
    }
}
