/// How wide a table column wants to be.
public enum ColumnWidth: Hashable, Sendable {
    case fixed(Int)
    /// Takes a share of what the fixed columns leave, never less than `minimum`.
    case flexible(minimum: Int)
}

public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: ColumnWidth
    public var alignment: Alignment
    /// When the table is too narrow, columns with the lowest priority are left out first.
    public var priority: Int

    public init(_ title: String, width: ColumnWidth, alignment: Alignment = .leading, priority: Int = 10) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.priority = priority
    }
}

public struct TableCell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// Column widths for a given table width: one space between columns, fixed columns at their
/// width, flexible columns sharing the rest; low-priority columns dropped until the rest fits.
public enum TableLayout {
    /// The width of each column, or nil for a column left out.
    public static func widths(of columns: [TableColumn], in totalWidth: Int) -> [Int?] {
        var shown = Array(repeating: true, count: columns.count)
        func required() -> Int {
            var sum = 0
            var count = 0
            for (index, column) in columns.enumerated() where shown[index] {
                count += 1
                switch column.width {
                case .fixed(let w): sum += w
                case .flexible(let minimum): sum += minimum
                }
            }
            return sum + max(0, count - 1)
        }
        let dropOrder = columns.indices.sorted { (columns[$0].priority, -$0) < (columns[$1].priority, -$1) }
        var next = 0
        while required() > totalWidth, next < dropOrder.count - 1 {
            shown[dropOrder[next]] = false
            next += 1
        }
        let flexibleIndices = columns.indices.filter {
            guard shown[$0], case .flexible = columns[$0].width else { return false }
            return true
        }
        var spare = max(0, totalWidth - required())
        var result: [Int?] = columns.indices.map { index in
            guard shown[index] else { return nil }
            switch columns[index].width {
            case .fixed(let w): return w
            case .flexible(let minimum): return minimum
            }
        }
        for (position, index) in flexibleIndices.enumerated() {
            let share = spare / (flexibleIndices.count - position)
            result[index] = (result[index] ?? 0) + share
            spare -= share
        }
        return result
    }
}

/// Draws a table: a bold header row, then the rows. The selected row shows its first cell in bold
/// reverse video: enough to see without colour, and moving the selection rewrites two cells, not
/// two whole rows (on a slow SSH link that is most of the bytes a key costs).
public struct TableView {
    public var columns: [TableColumn]
    public var rows: [[TableCell]]
    /// Index into `rows` of the selected row, if any.
    public var selected: Int?

    public init(columns: [TableColumn], rows: [[TableCell]], selected: Int?) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
    }

    public func draw(in rect: Rect, on grid: inout Grid) {
        guard !rect.isEmpty else { return }
        let widths = TableLayout.widths(of: columns, in: rect.width)
        let titles = columns.map { TableCell($0.title, style: Style(.bold, tone: .accent)) }
        drawRow(titles, widths: widths, y: rect.y, x: rect.x, maxX: rect.maxX, rowStyle: Style(.underline), on: &grid)
        for (offset, row) in rows.prefix(rect.height - 1).enumerated() {
            drawRow(row, widths: widths, y: rect.y + 1 + offset, x: rect.x, maxX: rect.maxX, rowStyle: nil,
                    marksFirstCell: offset == selected, on: &grid)
        }
    }

    private func drawRow(_ cells: [TableCell], widths: [Int?], y: Int, x: Int, maxX: Int, rowStyle: Style?,
                         marksFirstCell: Bool = false, on grid: inout Grid) {
        grid.fill(Rect(x: x, y: y, width: maxX - x, height: 1), style: rowStyle ?? .plain)
        var column = x
        var isFirst = true
        for (index, width) in widths.enumerated() {
            guard let width, column < maxX else { continue }
            let cell = index < cells.count ? cells[index] : TableCell("")
            var style = cell.style
            if let rowStyle { style.emphasis.formUnion(rowStyle.emphasis) }
            if marksFirstCell && isFirst {
                style.emphasis.formUnion([.reverse, .bold])
                // The whole cell, padding too, so the mark is as wide as the column.
                grid.fill(Rect(x: column, y: y, width: min(width, maxX - column), height: 1), style: style)
            }
            isFirst = false
            grid.write(cell.text, in: Rect(x: column, y: y, width: min(width, maxX - column), height: 1),
                       style: style, alignment: columns[index].alignment)
            column += width + 1
        }
    }
}
