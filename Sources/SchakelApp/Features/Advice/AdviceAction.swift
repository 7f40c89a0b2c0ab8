import SchakelCore
import TerminalKit

/// What happened in the Advies tab, or to it.
public enum AdviceAction: Hashable, Sendable {
    case shown
    case keyPressed(Key)
    case idle
    case terminating
    case otherProcessCommitted
    case activitiesLoaded(ActivityList)
    case loadFailed(String)
    case saved(String, id: Int64)
    case saveFailed(String)
    case draft(DraftResult)
}

/// Work for the Advies tab's runner; each result comes back as an `AdviceAction`.
public enum AdviceEffect: Hashable, Sendable {
    case loadActivities(ReadOccasion)
    case save(ActivityEntry, id: Int64?, version: Int?)
    case draft(DraftEffect)
}

extension DraftKey {
    /// The activity form (new or a change): one per user.
    public static let activityForm = DraftKey(kind: "activiteit")
}
