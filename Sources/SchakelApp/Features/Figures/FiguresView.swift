import SchakelCore
import TerminalKit

/// Tab 5: what was counted over the period and area, the months as columns, and one breakdown as
/// bars. Every count drawn is as the store published it (`JointSuppression`).
enum FiguresView {
    static func draw(_ state: FiguresState, context: AppContext, in pane: Rect, on grid: inout Grid) {
        grid.fill(pane)
        guard let period = state.period else { return }
        let title = "Cijfers · \(state.area.label) · \(period.label)" + (state.isLoading ? " · laden…" : "")
        grid.write(TextFitting.fit(" " + title, width: pane.width), x: pane.x, y: pane.y, style: .bold, maxX: pane.maxX)
        guard let figures = state.figures else { return }
        let threshold = figures.threshold
        let charts = FigureCharts(ascii: context.asciiCharts, threshold: threshold)
        grid.write(TextFitting.fit(" " + inView(figures, context: context), width: pane.width), x: pane.x, y: pane.y + 1, maxX: pane.maxX)
        let chartHeight = min(8, max(3, (pane.height - 4) / 2))
        if let months = figures.publishedBreakdown("maand") {
            charts.drawMonths(months, in: Rect(x: pane.x + 1, y: pane.y + 3, width: pane.width - 2, height: chartHeight), on: &grid)
        }
        let listed = state.listed
        guard listed.indices.contains(state.breakdown) else { return }
        let breakdown = listed[state.breakdown]
        let top = pane.y + 3 + chartHeight + 1
        let rows = Rect(x: pane.x + 1, y: top + 1, width: pane.width - 2, height: max(0, pane.maxY - top - 1))
        let first = min(state.scroll, max(0, breakdown.rows.count - rows.height))
        // Rows above or below what fits: said on the heading, so that nothing seems missing.
        let more = (first > 0 ? "↑" : "") + (first + rows.height < breakdown.rows.count ? "↓" : "")
        let heading = " \(breakdown.title) · totaal \(breakdown.total.text(threshold: threshold))"
        let position = " \(more)\(more.isEmpty ? "" : " ")\(state.breakdown + 1)/\(listed.count) Tab "
        grid.write(TextFitting.fit(heading, width: pane.width - DisplayWidth.of(position)), x: pane.x, y: top, style: .bold, maxX: pane.maxX)
        grid.write(position, x: pane.maxX - DisplayWidth.of(position), y: top, style: Style(tone: .muted), maxX: pane.maxX)
        charts.drawBars(breakdown, from: first, in: rows, on: &grid)
        // Under the deadline's bars, the pace in working days, where there is room.
        if breakdown.id == RouteTiming.breakdownID {
            let below = rows.y + breakdown.rows.count + 1
            for (offset, duration) in figures.durations.enumerated() where below + offset < pane.maxY {
                grid.write(TextFitting.fit(" " + duration.text(threshold: threshold), width: pane.width), x: pane.x, y: below + offset,
                           maxX: pane.maxX)
            }
        }
    }

    /// "In beeld: 80 signalen tegen een geschatte 232 slachtoffers per jaar in Twente", scaled to
    /// the period; for a municipality only its own count.
    static func inView(_ figures: SignalFigures, context: AppContext) -> String {
        let count = figures.publishedSignals.text(threshold: figures.threshold)
        guard figures.area == .region, let estimate = context.victimEstimate else { return "In beeld: \(count) signalen." }
        let (first, after) = figures.period.bounds
        let days = after.daysSinceEpoch - first.daysSinceEpoch
        let isYear = if case .year = figures.period { true } else { false }
        let expected = isYear ? "\(estimate.victimsPerYear) slachtoffers per jaar"
            : "\(max(1, (estimate.victimsPerYear * days + 182) / 365)) slachtoffers in deze periode (\(estimate.victimsPerYear) per jaar)"
        return "In beeld: \(count) signalen tegen een geschatte \(expected) in Twente."
    }
}
