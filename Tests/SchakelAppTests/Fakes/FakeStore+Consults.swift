import Foundation
import Meldroute
import SchakelCore
@testable import SchakelApp

/// The fake store's consults: listed and opened as set, and every registration, step and
/// conversion asked of it written down (in Dutch, as the tests read them).
extension FakeSignals {
    func consults(today: CivilDate, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> ConsultList {
        consultRequests.append("lijst \(user.login) \(occasion == .asked ? "gevraagd" : "ververst")")
        if let consultFailure { throw consultFailure }
        return consultList
    }

    func consult(id: Int64, for user: User) throws(StoreFailure) -> Consult {
        consultRequests.append("openen \(id)")
        if let consultFailure { throw consultFailure }
        guard let consult = consultDetails[id] else { throw .noAccess }
        return consult
    }

    func registerConsult(_ consult: NewConsult, engine: WorkflowEngine, by user: User) throws(StoreFailure) -> (id: Int64, code: String) {
        consultRequests.append("registreren \(consult.askerKind.rawValue) \(consult.municipality.name) \(consult.advice.isEmpty ? "zonder" : "met") advies")
        if let consultFailure { throw consultFailure }
        return (500, "A2026-0500")
    }

    func recordConsultEvent(_ eventID: String, fields: FieldValues, onConsult id: Int64, expectedVersion: Int,
                            engine: WorkflowEngine, by user: User) throws(StoreFailure) {
        consultRequests.append("stap \(eventID) op \(id) versie \(expectedVersion) \(fields.keys.sorted().map { "\($0)=\(fields.text($0))" }.joined(separator: " "))")
        if let consultFailure { throw consultFailure }
    }

    func registerSignal(_ signal: NewSignal, from origin: ConsultOrigin, engine: WorkflowEngine,
                        by user: User) throws(StoreFailure) -> RegisteredSignal {
        consultRequests.append("signaal uit \(origin.code) versie \(origin.version)")
        if let consultFailure { throw consultFailure }
        registered.append(signal)
        return RegisteredSignal(id: 90_000 + Int64(registered.count), code: "S2026-\(9100 + registered.count)")
    }
}
