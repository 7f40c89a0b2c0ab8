import TerminalKit

/// A pane that is not built yet says so plainly, and what is coming there.
enum PlaceholderView {
    static func draw(title: String, coming: [String], in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        let lines = [title, "", "Dit onderdeel is nog niet gebouwd. Hier komt:", ""] + coming + ["", "Druk op 1 voor Signalen."]
        let width = min(rect.width, max(50, lines.map { DisplayWidth.of($0) }.max() ?? 0))
        let box = rect.centered(Size(width: width, height: lines.count))
        for (index, line) in lines.enumerated() {
            grid.write(line, in: box.row(index), style: index == 0 ? Style(.bold) : .plain, alignment: .center)
        }
    }
}
