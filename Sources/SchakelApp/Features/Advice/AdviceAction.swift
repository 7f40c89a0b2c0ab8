import Meldroute
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
    case consultsLoaded(ConsultList)
    case consultOpened(Consult)
    /// A new consult's form, opened at the clock's time (its default "gevraagd op").
    case consultFormOpened(LocalDateTime)
    /// A list could not be read (nil: an opened consult): why, in its place or on the status line.
    case loadFailed(String, list: AdviceState.Shown?)
    case saved(String, id: Int64)
    case consultSaved(String, id: Int64)
    case saveFailed(String)
    case draft(DraftResult)
    /// A consult became a signal (in tab 1): its list is read again.
    case consultConverted
}

/// Work for the Advies tab's runner; each result comes back as an `AdviceAction`.
public enum AdviceEffect: Hashable, Sendable {
    case loadActivities(ReadOccasion)
    case loadConsults(ReadOccasion)
    case openConsult(Int64)
    case startConsult
    case save(ActivityEntry, id: Int64?, version: Int?)
    case registerConsult(NewConsult)
    case fireConsultEvent(String, fields: FieldValues, consult: Int64, version: Int)
    /// Turn the consult into a signal: the registration form opens in tab 1, filled in from it.
    case convert(Consult)
    case draft(DraftEffect)
}

extension DraftKey {
    /// The activity form (new or a change): one per user.
    public static let activityForm = DraftKey(kind: "activiteit")
    /// A new consult's form: one per user.
    public static let consultForm = DraftKey(kind: "consult")
}
