import Meldroute
import SchakelCore
import TerminalKit

/// "Acties": open action items, soonest due first; an overdue one gets a "!" and the danger colour.
/// The last line shows the selected action whole, or the owner filter being typed.
enum ActionListView {
    static func draw(_ actions: ActionList, context: AppContext, in rect: Rect, on grid: inout Grid) {
        grid.write(TextFitting.fit(" Acties — \(actions.filterLabel)", width: rect.width), x: rect.x, y: rect.y,
                   style: Style([.bold, .underline]), maxX: rect.maxX)
        let table = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: max(2, rect.height - 3))
        drawBottom(actions, at: rect.maxY - 1, in: rect, on: &grid)
        let list = actions.list
        guard list.isLoaded else {
            grid.write("  Acties laden…", x: rect.x, y: table.y, maxX: rect.maxX)
            return
        }
        if list.rows.isEmpty {
            let text = actions.filter == .all ? "  Geen open acties die u mag zien." : "  Geen open acties met dit filter; / of m verandert het."
            grid.write(text, x: rect.x, y: table.y, style: Style(.dim, tone: .muted), maxX: rect.maxX)
            return
        }
        let columns = [
            TableColumn("Uiterlijk", width: .fixed(12), priority: 10),
            TableColumn("Actie", width: .flexible(minimum: 24), priority: 10),
            TableColumn("Houder", width: .flexible(minimum: 16), priority: 9),
            TableColumn("Over", width: .fixed(11), priority: 8),
            TableColumn("Overleg", width: .flexible(minimum: 34), priority: 3),
        ]
        let visible = list.rows[list.top..<min(list.rows.count, list.top + listRows(in: rect))]
        let rows = visible.map { row -> [TableCell] in
            let action = row.action
            let overdue = action.isOverdue(on: context.today)
            // Overdue in a sign as well as in colour.
            let due = TableCell((overdue ? "! " : "  ") + action.due.dutch, style: overdue ? Style(.bold, tone: .danger) : .plain)
            return [due, TableCell(action.description), TableCell(action.owner), TableCell(action.subjectCode ?? ""),
                    TableCell(action.meeting ?? "")]
        }
        TableView(columns: columns, rows: rows, selected: list.selected - list.top).draw(in: table, on: &grid)
    }

    /// The owner filter being typed, or the selected action in full.
    private static func drawBottom(_ actions: ActionList, at y: Int, in rect: Rect, on grid: inout Grid) {
        if let input = actions.ownerInput {
            let label = " Houder bevat: "
            let shown = input.visible(width: max(10, rect.width - label.count - 1))
            grid.write(label, x: rect.x, y: y, style: .bold, maxX: rect.maxX)
            grid.write(shown.text, x: rect.x + label.count, y: y, maxX: rect.maxX)
            let x = rect.x + label.count + shown.cursorColumn
            let cell = grid[x, y]
            grid.write(cell.isContinuation ? " " : cell.text, x: x, y: y, style: .reverse)
            return
        }
        guard let action = actions.list.selectedRow?.action else { return }
        var text = " \(action.description) — \(action.owner)"
        if let meeting = action.meeting { text += " · uit \(meeting)" }
        grid.write(TextFitting.fit(text, width: rect.width), x: rect.x, y: y, style: Style(tone: .muted), maxX: rect.maxX)
    }

    /// Rows of actions that fit under the header, the column titles and the bottom line.
    static func listRows(in pane: Rect) -> Int { max(1, pane.height - 4) }

    static func hints(_ actions: ActionList) -> String {
        if actions.ownerInput != nil { return "Enter filteren  Esc terug" }
        return "↑↓ kiezen  d afronden  / houder  m dit overleg  Enter tijdlijn  Esc terug"
    }
}
