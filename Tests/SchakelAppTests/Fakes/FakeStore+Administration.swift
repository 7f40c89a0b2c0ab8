import Foundation
import Meldroute
import SchakelCore
import TerminalKit
@testable import SchakelApp

/// The fake store: the figures and the users the Beheer tab keeps.
extension FakeSignals {
    func recordFiguresExport(_ period: FiguresPeriod, in area: FiguresArea, format: String, for user: User) throws(StoreFailure) {}

    func figuresThreshold() throws(StoreFailure) -> Int { JointSuppression.defaultThreshold }

    func signalFigures(_ period: FiguresPeriod, in area: FiguresArea, outcomes: RouteOutcomes?, timing: RouteTiming?, for user: User)
        throws(StoreFailure) -> SignalFigures {
        figureRequests.append((period, area))
        guard AccessPolicy.figureAreas(for: user).contains(area) else { throw .noAccess }
        let found = figures[area] ?? SignalFigures(period: period, area: area, signals: 0, breakdowns: [])
        return SignalFigures(period: period, area: area, signals: found.signals, breakdowns: found.breakdowns)
    }

    func managedUsers(by administrator: User) throws(StoreFailure) -> [ManagedUser] {
        guard AccessPolicy.canManageUsers(administrator) else { throw .noAccess }
        return managed.sorted { $0.user.login < $1.user.login }
    }

    func createUser(login: String, displayName: String, role: Role, municipality: Municipality?, by administrator: User) throws(StoreFailure)
        -> Int64 {
        if let problem = UserRules.problem(login: login, displayName: displayName, role: role, municipality: municipality) {
            throw .refused(problem)
        }
        guard !managed.contains(where: { $0.user.login == login }) else { throw .refused("De login '\(login)' bestaat al.") }
        let id = Int64(managed.count + 100)
        managed.append(ManagedUser(user: User(id: id, login: login, displayName: displayName, role: role, municipality: municipality),
                                   isActive: true))
        return id
    }

    func updateUser(login: String, displayName: String, role: Role, municipality: Municipality?, by administrator: User) throws(StoreFailure) {
        guard let index = managed.firstIndex(where: { $0.user.login == login }) else { throw .unknownUser(login: login) }
        let old = managed[index]
        managed[index] = ManagedUser(user: User(id: old.user.id, login: login, displayName: displayName, role: role, municipality: municipality),
                                     isActive: old.isActive)
    }

    func setUserActive(login: String, active: Bool, by administrator: User) throws(StoreFailure) {
        guard let index = managed.firstIndex(where: { $0.user.login == login }) else { throw .unknownUser(login: login) }
        managed[index] = ManagedUser(user: managed[index].user, isActive: active)
    }
}
