import SchakelCore
import TerminalKit

/// Bars drawn with block characters, in eighths of a cell; with `#` where the login's locale
/// cannot show them. A kept-back count gets no bar, only its mark.
struct FigureCharts {
    let ascii: Bool
    let threshold: Int

    static let horizontalEighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    static let verticalEighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A bar of `value` out of `maximum` in `width` cells.
    func horizontalBar(_ value: Int, of maximum: Int, width: Int) -> String {
        guard maximum > 0, width > 0 else { return "" }
        let eighths = (value * width * 8 + maximum / 2) / maximum
        if ascii { return String(repeating: "#", count: (eighths + 4) / 8) }
        let full = String(repeating: "█", count: eighths / 8)
        return eighths % 8 == 0 ? full : full + String(Self.horizontalEighths[eighths % 8])
    }

    /// One row per breakdown row: label, bar, the count (or its mark) and its share of the total.
    func drawBars(_ breakdown: PublishedBreakdown, from first: Int, in rect: Rect, on grid: inout Grid) {
        let shown = breakdown.rows.compactMap(\.count.value)
        let maximum = shown.max() ?? 0
        let labelWidth = min(24, max(8, rect.width / 3))
        let numberWidth = 11
        let barWidth = max(0, rect.width - labelWidth - numberWidth - 2)
        for (offset, row) in breakdown.rows.dropFirst(first).prefix(rect.height).enumerated() {
            let y = rect.y + offset
            grid.write(TextFitting.fit(row.label, width: labelWidth), x: rect.x, y: y, maxX: rect.x + labelWidth)
            let bar = row.count.value.map { horizontalBar($0, of: maximum, width: barWidth) } ?? ""
            grid.write(bar, x: rect.x + labelWidth + 1, y: y, style: Style(tone: .accent), maxX: rect.x + labelWidth + 1 + barWidth)
            var number = row.count.text(threshold: threshold)
            if let value = row.count.value, let total = breakdown.total.value, total > 0 { number += " (\((value * 200 + total) / (2 * total))%)" }
            let width = DisplayWidth.of(number)
            grid.write(number, x: rect.maxX - width, y: y, style: row.count.isSuppressed ? Style(.bold) : .plain, maxX: rect.maxX)
        }
    }

    /// The months as columns: bars of `height` − 2 rows, the count above each month's name.
    func drawMonths(_ months: PublishedBreakdown, in rect: Rect, on grid: inout Grid) {
        guard rect.height >= 3, !months.rows.isEmpty else { return }
        let columnWidth = max(4, min(6, rect.width / max(1, months.rows.count)))
        let fitting = months.rows.suffix(max(1, rect.width / columnWidth))
        let barRows = rect.height - 2
        let maximum = fitting.compactMap(\.count.value).max() ?? 0
        for (index, row) in fitting.enumerated() {
            let x = rect.x + index * columnWidth
            if let value = row.count.value, maximum > 0 {
                let eighths = (value * barRows * 8 + maximum / 2) / maximum
                for level in 0..<barRows {
                    let filled = min(8, max(0, eighths - level * 8))
                    guard filled > 0 else { break }
                    let glyph = ascii ? (filled >= 4 ? "#" : " ") : String(Self.verticalEighths[filled])
                    let cell = String(repeating: glyph, count: columnWidth - 1)
                    grid.write(cell, x: x, y: rect.y + barRows - 1 - level, style: Style(tone: .accent), maxX: x + columnWidth - 1)
                }
            }
            let number = row.count.text(threshold: threshold)
            grid.write(TextFitting.fit(number, width: columnWidth - 1), x: x, y: rect.y + barRows, style: .bold, maxX: x + columnWidth - 1)
            grid.write(TextFitting.fit(row.label, width: columnWidth - 1), x: x, y: rect.y + barRows + 1, maxX: x + columnWidth - 1)
        }
    }
}
