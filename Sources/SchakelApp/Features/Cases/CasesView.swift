import Meldroute
import SchakelCore
import TerminalKit

enum CasesView {
    static func draw(_ list: CasesState, context: AppContext, in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        guard list.isLoaded else {
            grid.write("Casussen laden…", in: rect.centered(Size(width: rect.width, height: 1)), style: .plain, alignment: .center)
            return
        }
        if list.rows.isEmpty {
            grid.write("Geen casussen die u mag zien.", in: rect.centered(Size(width: rect.width, height: 1)), alignment: .center)
            return
        }
        let columns = [
            TableColumn("Casus", width: .fixed(11), priority: 10), TableColumn("Aangemeld", width: .fixed(10), priority: 9),
            TableColumn("Gemeente", width: .flexible(minimum: 8), priority: 6), TableColumn("Vormen", width: .fixed(11), priority: 4),
            TableColumn("Stap", width: .fixed(16), priority: 8), TableColumn("Let op", width: .fixed(18), priority: 9),
        ]
        let visible = list.rows[list.top..<min(list.rows.count, list.top + max(0, rect.height - 1))]
        let rows = visible.map { row -> [TableCell] in
            let summary = row.summary
            var flags: [String] = []
            if summary.crisis { flags.append("! crisis") }
            if summary.acute { flags.append("acuut") }
            if summary.minorInvolved { flags.append("18-") }
            if summary.perpetratorTrack { flags.append("dader") }
            if summary.visibility == .pseudonymised { flags.append("pseudo") }
            let state = context.caseWorkflow.label(ofState: summary.state)
            return [TableCell(summary.code), TableCell(summary.receivedAt.date.dutch), TableCell(summary.municipality),
                    TableCell(summary.forms.shortLabel), TableCell(state),
                    TableCell(flags.joined(separator: " "), style: summary.crisis ? Style(.bold, tone: .danger) : .plain)]
        }
        TableView(columns: columns, rows: rows, selected: list.selected - list.top).draw(in: rect, on: &grid)
    }

    static let hints = "Enter tijdlijn  b personen  w wie bel ik  v verwijs  ? hulp  q stoppen"
}
