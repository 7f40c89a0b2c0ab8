import SchakelCore
import TerminalKit

/// A KMT case in the case list.
public struct CaseRow: ListRow {
    public let summary: CaseSummary
    public var listKey: ListKey { summary.key }
}

/// The Casussen tab: the KMT cases the user may see, newest first.
public typealias CasesState = PagedList<CaseRow>
