import Meldroute
import SchakelCore
import TerminalKit

/// A timeline: one line per event (time, type, author, text), the selected one in full below, and
/// the note editor when open.
enum TimelineView {
    static func draw(_ pane: TimelinePane, in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        let layout = TimelineLayout(pane: rect)
        let filter = pane.kinds.isEmpty ? "" : "   filter: \(pane.filterLabel)"
        grid.write(" \(pane.title)\(filter)", in: layout.title, style: Style([.bold, .underline]))
        if pane.list.isLoaded && pane.list.rows.isEmpty {
            grid.write("  Geen regels\(pane.kinds.isEmpty ? "" : " van deze soort").", x: layout.list.x, y: layout.list.y,
                       style: Style(.dim, tone: .muted), maxX: layout.list.maxX)
        }
        let visible = pane.list.rows.dropFirst(pane.list.top).prefix(layout.list.height)
        for (offset, row) in visible.enumerated() {
            let index = pane.list.top + offset
            let entry = row.entry
            let text = "\(entry.occurredAt.dutch)  \(TextFitting.pad(entry.kind.label, toWidth: 10)) "
                + "\(TextFitting.pad(TextFitting.fit(entry.author.isEmpty ? "—" : entry.author, width: 16), toWidth: 16))  "
                + (entry.text.isEmpty ? "(afgeschermd)" : entry.text.split(whereSeparator: \.isNewline).first.map(String.init) ?? "")
            let style: Style = index == pane.list.selected ? .reverse : .plain
            grid.write(TextFitting.fit(" " + text, width: layout.list.width), x: layout.list.x, y: layout.list.y + offset,
                       style: style, maxX: layout.list.maxX)
        }
        if pane.list.hasRowsBefore || pane.list.top > 0 {
            grid.write("▲", x: layout.title.maxX - 2, y: layout.title.y, style: .bold)
        }
        drawSelected(pane, in: layout.detail, on: &grid)
        if let onTop = pane.onTop { drawEditor(onTop, in: layout.editor, on: &grid) }
    }

    private static func drawSelected(_ pane: TimelinePane, in rect: Rect, on grid: inout Grid) {
        guard rect.height > 0, let entry = pane.list.selectedRow?.entry else { return }
        grid.write(String(repeating: "─", count: rect.width), x: rect.x, y: rect.y, style: Style(tone: .muted), maxX: rect.maxX)
        let lines = TextFitting.wrap(entry.text.isEmpty ? "(afgeschermd)" : entry.text, width: max(10, rect.width - 2))
        for (offset, line) in lines.prefix(rect.height - 1).enumerated() {
            grid.write(line, x: rect.x + 1, y: rect.y + 1 + offset, maxX: rect.maxX - 1)
        }
    }

    /// The note being written, under its title — or under the question before throwing it away.
    private static func drawEditor(_ onTop: TimelinePane.OnTop, in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        let (editor, confirming): (TimelinePane.NoteEditor, Bool) = switch onTop {
        case .note(let editor): (editor, false)
        case .noteDiscardQuestion(let editor): (editor, true)
        }
        let note = editor.text
        let title = confirming ? " Notitie weggooien? j = ja, weggooien · andere toets = verder"
            : editor.isSaving ? " Notitie — opslaan…" : " Nieuwe notitie"
        grid.write(title, x: rect.x, y: rect.y, style: confirming ? Style(.bold, tone: .warning).adding(.reverse) : .reverse,
                   maxX: rect.maxX)
        let width = max(10, rect.width - 4), height = max(1, rect.height - 3)
        let shown = note.visible(width: width, height: height)
        for row in 0..<height {
            grid.write("│ " + (row < shown.lines.count ? shown.lines[row] : ""), x: rect.x, y: rect.y + 1 + row, maxX: rect.maxX)
        }
        if let cursor = shown.cursor, !confirming {
            let x = rect.x + 2 + cursor.column, y = rect.y + 1 + cursor.row
            let cell = grid[x, y]
            grid.write(cell.isContinuation ? " " : cell.text, x: x, y: y, style: .reverse)
        }
        grid.write(" F2 of Ctrl-O opslaan · Esc annuleren · Enter nieuwe regel", x: rect.x, y: rect.maxY - 1,
                   style: Style(.dim, tone: .muted), maxX: rect.maxX)
    }

    static func hints(_ pane: TimelinePane) -> String {
        if pane.note != nil { return "F2 of Ctrl-O opslaan  Esc annuleren  Enter nieuwe regel" }
        return "↑↓ regels  f filter (\(pane.filterLabel))  n notitie  b personen  Home/End  Esc terug"
    }
}
