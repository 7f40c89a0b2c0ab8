import Meldroute
import SchakelCore

/// What the Advies tab asks of the store: the activities, the consults, and the drafts of their forms.
public typealias AdviceStore = ActivityKeeping & ConsultKeeping & DraftKeeping

/// Runs the Advies tab's effects, with only that part of the store.
struct AdviceRunner {
    let store: any AdviceStore
    let clock: any Clock

    func run(_ effect: AdviceEffect, context: AppContext) -> AdviceAction? {
        let user = context.user
        do {
            switch effect {
            case .loadActivities(let occasion):
                return .activitiesLoaded(try store.activities(today: context.today, for: user, occasion))
            case .loadConsults(let occasion):
                return .consultsLoaded(try store.consults(today: context.today, for: user, occasion))
            case .openConsult(let id):
                return .consultOpened(try store.consult(id: id, for: user))
            case .startConsult:
                return .consultFormOpened(clock.now())
            case .convert:
                return nil  // an app request: tab 1 opens its registration form
            case .draft(let effect):
                return DraftRunner.run(effect, store: store, user: user).map(AdviceAction.draft)
            case .save, .registerConsult, .fireConsultEvent:
                return try save(effect, context: context)
            }
        } catch {
            switch effect {
            case .save, .registerConsult, .fireConsultEvent: return .saveFailed(SignalsRunner.message(for: error))
            case .loadActivities: return .loadFailed(SignalsRunner.message(for: error), list: .activities)
            case .loadConsults: return .loadFailed(SignalsRunner.message(for: error), list: .consults)
            default: return .loadFailed(SignalsRunner.message(for: error), list: nil)
            }
        }
    }

    private func save(_ effect: AdviceEffect, context: AppContext) throws(StoreFailure) -> AdviceAction? {
        let user = context.user
        switch effect {
        case .save(let entry, let id, let version):
            let saved = try store.saveActivity(entry, id: id, version: version, by: user)
            let what = context.activityVocabulary?.kindLabel(entry.kind) ?? entry.kind
            return .saved("\(id == nil ? "Geregistreerd" : "Gewijzigd"): \(what) van \(entry.date.dutch).", id: saved)
        case .registerConsult(let consult):
            guard let engine = context.workflows.consult else { throw .other("de workflow advies en consult is niet geladen") }
            let saved = try store.registerConsult(consult, engine: engine, by: user)
            let answered = consult.advice.isEmpty ? "" : ", met het advies"
            return .consultSaved("Consult \(saved.code) geregistreerd\(answered).", id: saved.id)
        case .fireConsultEvent(let eventID, let fields, let id, let version):
            guard let engine = context.workflows.consult else { throw .other("de workflow advies en consult is niet geladen") }
            try store.recordConsultEvent(eventID, fields: fields, onConsult: id, expectedVersion: version, engine: engine, by: user)
            let label = engine.workflow.event(eventID)?.label ?? eventID
            return .consultSaved("Vastgelegd: \(label.lowercased()).", id: id)
        default:
            return nil
        }
    }
}
