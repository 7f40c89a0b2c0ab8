import SchakelCore
import TerminalKit

/// What happened in the Casussen tab, or to it.
public enum CasesAction: Hashable, Sendable {
    /// The tab came into view.
    case shown
    case keyPressed(Key)
    case casePageLoaded(PageRequest, Page<CaseSummary>)
    case loadFailed(String)
    /// A case was made elsewhere: fetched anew when next shown.
    case changed
    /// Another process committed: the list is shown again where it stands.
    case otherProcessCommitted
}

/// Work for the Casussen tab's runner; each result comes back as a `CasesAction`.
public enum CasesEffect: Hashable, Sendable {
    case loadCasePage(PageRequest, limit: Int, ReadOccasion = .asked)
    case request(AppRequest)
}
