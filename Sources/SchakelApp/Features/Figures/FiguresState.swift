import SchakelCore

/// Tab 5, Cijfers: the figures of one period and area, the month chart, and one breakdown at a
/// time below it.
public struct FiguresState: Hashable, Sendable {
    /// Nil until the tab is first shown (then this year).
    public var period: FiguresPeriod?
    public var area: FiguresArea = .region
    public var figures: SignalFigures?
    public var isLoading = false
    /// Which breakdown (after the months) is shown below the chart.
    public var breakdown = 0
    /// The first row of that breakdown shown.
    public var scroll = 0
    /// What is open over the figures, one thing at a time; nil while the figures have the keys.
    public var onTop: OnTop?

    public init() {}

    /// What can be open over the figures.
    public enum OnTop: Hashable, Sendable {
        /// `e` was pressed: the report's format is asked for.
        case choosingExport
    }

    /// The breakdowns below the chart: all but the months, which the chart shows.
    var listed: [PublishedBreakdown] { figures?.published.filter { $0.id != "maand" } ?? [] }
}
