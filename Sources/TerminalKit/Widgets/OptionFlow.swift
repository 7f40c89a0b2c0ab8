/// Lays a list's options out in rows no wider than a given width: as many on a row as fit, in
/// order, the rest on the rows below — so that every option of a choice is on screen, never cut
/// off at the edge. Each option takes a marker column (`›` under the cursor), its box and its label.
public struct OptionFlow: Hashable, Sendable {
    /// Where one option goes, relative to the flow's top-left corner.
    public struct Placement: Hashable, Sendable {
        public let index: Int
        public let row: Int
        public let column: Int
        /// The text drawn there (box and label), cut with `…` only when wider than a whole row.
        public let text: String
    }

    public let placements: [Placement]
    public let rowCount: Int

    /// Columns between two options on a row, besides the next one's marker column.
    public static let gap = 1

    /// `items` are the options as drawn, box and label (`[x] arbeid`); `width` the columns there are.
    public init(_ items: [String], width: Int) {
        var placements: [Placement] = []
        var row = 0
        var column = 0
        let usable = max(2, width)
        for (index, item) in items.enumerated() {
            // One column for the marker before the item.
            let itemWidth = DisplayWidth.of(item) + 1
            if column > 0 && column + Self.gap + itemWidth > usable {
                row += 1
                column = 0
            } else if column > 0 {
                column += Self.gap
            }
            let text = itemWidth > usable ? TextFitting.fit(item, width: usable - 1) : item
            placements.append(Placement(index: index, row: row, column: column, text: text))
            column += DisplayWidth.of(text) + 1
        }
        self.placements = placements
        rowCount = items.isEmpty ? 1 : row + 1
    }

    /// Whether every option, marker included, fits on a row of `width` whole.
    public static func fitsWithoutCutting(_ items: [String], width: Int) -> Bool {
        items.allSatisfy { DisplayWidth.of($0) + 1 <= width }
    }

    /// Draws the options from (`x`, `y`), skipping rows outside `visibleRows`. The option at
    /// `cursor` (when the list has the keyboard) gets `›` before it and reverse video.
    public func draw(at x: Int, y: Int, cursor: Int?, visibleRows: Range<Int>, on grid: inout Grid) {
        for placement in placements {
            let rowY = y + placement.row
            guard visibleRows.contains(rowY) else { continue }
            let isCursor = placement.index == cursor
            grid.write(isCursor ? "›" : " ", x: x + placement.column, y: rowY, style: isCursor ? .bold : .plain)
            grid.write(placement.text, x: x + placement.column + 1, y: rowY, style: isCursor ? Style([.reverse, .bold]) : .plain)
        }
    }
}
