import Foundation
import Meldroute
import SchakelCore
@testable import SchakelApp

/// The fake store: the activities it lists, and the registrations and changes asked of it (a new one
/// goes ahead of the planned list, or to the top of the past, with the next id).
extension FakeSignals {
    func activities(today: CivilDate, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> ActivityList {
        activityRequests.append("lijst \(user.login) \(occasion == .asked ? "gevraagd" : "ververst")")
        if let failure = activityFailure { throw failure }
        return activityList
    }

    func saveActivity(_ entry: ActivityEntry, id: Int64?, version: Int?, by user: User) throws(StoreFailure) -> Int64 {
        activityRequests.append("opslaan \(id.map(String.init) ?? "nieuw") \(entry.kind) \(entry.status.rawValue) \(user.login)")
        if let failure = activityFailure { throw failure }
        let newID = id ?? (activityList.all.map(\.id).max() ?? 0) + 1
        let saved = Activity(id: newID, entry: entry, registeredBy: user.login, version: (version ?? 0) + 1)
        let others = activityList.all.filter { $0.id != newID } + [saved]
        activityList = ActivityList(upcoming: others.filter { $0.entry.status == .planned && $0.entry.date >= Fixtures.today }
                                        .sorted { $0.entry.date < $1.entry.date },
                                    past: others.filter { !($0.entry.status == .planned && $0.entry.date >= Fixtures.today) }
                                        .sorted { $0.entry.date > $1.entry.date })
        return newID
    }
}
