import TerminalKit

/// The `?` overlay: a framed box with the key bindings, drawn over the pane.
enum HelpView {
    static func draw(lines: [String], scroll: Int = 0, in pane: Rect, on grid: inout Grid) {
        let title = " Hulp: sneltoetsen "
        let contentWidth = max(lines.map(DisplayWidth.of).max() ?? 0, DisplayWidth.of(title))
        let box = pane.centered(Size(width: contentWidth + 4, height: lines.count + 2))
        grid.fill(box)
        let inner = box.inset(by: 1)
        let horizontal = String(repeating: "─", count: max(0, box.width - 2))
        grid.write("┌" + horizontal + "┐", x: box.x, y: box.y, style: .bold)
        grid.write("└" + horizontal + "┘", x: box.x, y: box.maxY - 1, style: .bold)
        grid.write(title, x: box.x + 2, y: box.y, style: Style(.bold), maxX: box.maxX - 1)
        // Longer than the screen: scrolled with ↑↓, the box says there is more.
        let first = clampedScroll(scroll, lineCount: lines.count, height: inner.height)
        for row in 0..<inner.height {
            grid.write("│", x: box.x, y: inner.y + row, style: .bold)
            grid.write("│", x: box.maxX - 1, y: inner.y + row, style: .bold)
            if first + row < lines.count {
                grid.write(lines[first + row], in: Rect(x: inner.x + 1, y: inner.y + row, width: inner.width - 2, height: 1))
            }
        }
        if first + inner.height < lines.count {
            grid.write(" ▼ meer (↓) ", x: box.maxX - 14, y: box.maxY - 1, style: .bold, maxX: box.maxX - 1)
        }
        if first > 0 { grid.write(" ▲ ", x: box.maxX - 6, y: box.y, style: .bold, maxX: box.maxX - 1) }
    }

    static func clampedScroll(_ scroll: Int, lineCount: Int, height: Int) -> Int {
        max(0, min(scroll, lineCount - max(1, height)))
    }
}
