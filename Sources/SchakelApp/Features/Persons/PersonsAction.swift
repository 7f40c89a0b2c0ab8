import Meldroute
import SchakelCore
import TerminalKit

/// What happened to the persons pane.
public enum PersonsAction: Hashable, Sendable {
    case open(TimelineSubject, code: String)
    /// One person, from a search hit.
    case openPerson(Int64)
    case keyPressed(Key)
    /// No key for a moment, or the session ends: a form typed in is kept as a draft.
    case idle
    case terminating
    case draft(DraftResult)
    case personsLoaded(TimelineSubject, [SubjectPerson])
    case matchesFound(NewPerson, [PersonMatch])
    case personLoaded(PersonRecord?)
    /// A write went through: what to say.
    case written(String)
    /// A merge (or its undoing) went through: what to say, and the person shown again.
    case merged(String, personID: Int64)
    case writeFailed(String)
    case loadFailed(String)
}

/// Work for the persons pane's runner; each result comes back as a `PersonsAction`.
public enum PersonsEffect: Hashable, Sendable {
    case loadPersons(TimelineSubject)
    /// Look for known persons before adding `person` to the subject.
    case findMatches(NewPerson, TimelineSubject)
    case add(NewPerson, to: TimelineSubject)
    case link(PersonMatch, role: PersonRole, to: TimelineSubject)
    case changeRole(Int64, on: TimelineSubject, from: PersonRole, to: PersonRole, reason: String)
    case correct(Int64, on: TimelineSubject, PersonCorrection, reason: String)
    case loadPerson(Int64)
    /// Merge the code into the person shown (`survivorID`), or undo a merge into it.
    case merge(String, into: String, survivorID: Int64, reason: String)
    case undoMerge(String, survivorID: Int64, reason: String)
    case draft(DraftEffect)
    /// For the app or another pane.
    case request(AppRequest)
}
