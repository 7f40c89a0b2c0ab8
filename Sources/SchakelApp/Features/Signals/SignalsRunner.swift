import Meldroute
import SchakelCore

/// Runs the Signalen pane's effects against the store, with only what this pane may ask of it.
struct SignalsRunner {
    let store: any SignalsStore & PersonKeeping
    let clock: any Clock

    func run(_ effect: SignalsEffect, state: SignalsState, context: AppContext) -> SignalsAction? {
        let user = context.user
        switch effect {
        case .loadInboxPage(let request, let limit, let occasion):
            do {
                let overdue = OverdueRule.rules(for: context.workflow, today: context.today, calendar: context.calendar)
                return .inboxPageLoaded(request, try store.inboxPage(request, limit: limit, filter: state.filter, overdue: overdue,
                                                                     for: user, occasion))
            } catch {
                return .loadFailed("Signalen laden mislukt. \(Self.message(for: error))")
            }
        case .loadSignalDetail(let id, let occasion):
            do {
                return .signalDetailLoaded(try store.signalDetail(id: id, for: user, occasion))
            } catch {
                return .loadFailed("Signaal openen mislukt. \(Self.message(for: error))")
            }
        case .openRegistration:
            let draft = try? store.draft(kind: DraftKey.registration.kind, subject: "", for: user)
            return .registrationOpened(now: clock.now(), draft: draft)
        case .openRegistrationFromConsult(let consult):
            return .registrationFromConsultOpened(consult, now: clock.now())
        case .registerSignal(let signal, let origin):
            do {
                guard let origin else { return .signalRegistered(try store.registerSignal(signal, by: user), signal) }
                guard let engine = context.workflows.consult else { throw StoreFailure.other("de workflow advies en consult is niet geladen") }
                return .signalRegistered(try store.registerSignal(signal, from: origin, engine: engine, by: user), signal)
            } catch {
                return .registrationFailed("Het signaal is niet opgeslagen; het formulier staat er nog. \(Self.message(for: error))")
            }
        case .findPersonMatches(let person):
            do {
                return .personMatchesFound(person, try store.possibleMatches(for: person, for: user))
            } catch {
                return .loadFailed("Zoeken naar bekende personen mislukt; de persoon is nog niet toegevoegd. \(Self.message(for: error))")
            }
        case .openCase(let signalID, let perpetratorTrack):
            do {
                let opened = try store.openCase(fromSignal: signalID, perpetratorTrack: perpetratorTrack, summary: "",
                                                caseProcess: context.workflows.caseProcess, by: user)
                return .caseOpened(code: opened.code)
            } catch {
                return .loadFailed("De casus is niet aangemaakt. \(Self.message(for: error))")
            }
        case .search(let text):
            do {
                let personHits = try store.search(text, in: .person, after: nil, limit: 20, for: user).rows
                let signalHits = try store.search(text, in: .signal, after: nil, limit: 50, for: user).rows
                let lineHits = try store.search(text, in: .timeline, after: nil, limit: 50, for: user).rows
                return .searchResults(text, personHits + signalHits + lineHits)
            } catch {
                return .loadFailed("Zoeken mislukt. \(Self.message(for: error))")
            }
        case .loadSavedFilters:
            return .savedFiltersLoaded((try? store.savedFilters(for: user)) ?? [])
        case .saveFilter(let name, let filter, let shared):
            do {
                try store.saveFilter(named: name, filter, shared: shared, by: user)
                return .filterSaved(name: name)
            } catch {
                return .loadFailed("Het filter is niet bewaard. \(Self.message(for: error))")
            }
        case .loadRouteState(let id):
            do {
                return .routeStateLoaded(try store.signalRouteState(id: id, for: user), now: clock.now())
            } catch {
                return .loadFailed("Stappen laden mislukt. \(Self.message(for: error))")
            }
        case .recordRouteEvent(let id, let event, let fields, let version):
            do {
                return .routeEventRecorded(try store.recordRouteEvent(event, fields: fields, onSignal: id, expectedVersion: version,
                                                                      workflows: context.workflows, by: user))
            } catch {
                let isConflict: Bool
                if case .conflict = error { isConflict = true } else { isConflict = false }
                return .routeEventFailed(Self.message(for: error), isConflict: isConflict)
            }
        case .draft(let effect):
            return DraftRunner.run(effect, store: store, user: user).map(SignalsAction.draft)
        case .request:
            return nil  // the app's, not the store's
        }
    }

    static func message(for error: any Error) -> String {
        (error as? StoreFailure)?.description ?? String(describing: error)
    }
}
