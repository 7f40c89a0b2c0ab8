import TerminalKit

/// A pane that is not built yet says so plainly.
enum PlaceholderView {
    static func draw(title: String, coming: [String], in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        let lines = [
            title,
            "",
            "Dit onderdeel is nog niet gebouwd.",
            "Het komt in een volgende versie van Schakel.",
            "",
            "Druk op 1 voor Signalen.",
        ]
        let box = rect.centered(Size(width: min(rect.width, 50), height: lines.count))
        for (index, line) in lines.enumerated() {
            grid.write(line, in: box.row(index), style: index == 0 ? Style(.bold) : .plain, alignment: .center)
        }
    }
}
