import SchakelCore
import TerminalKit

/// The signal inbox: pseudonymous rows, newest first.
enum InboxView {
    static let columns = [
        TableColumn("Code", width: .fixed(11), priority: 10),
        TableColumn("Ontvangen", width: .fixed(10), priority: 9),
        TableColumn("Gemeente", width: .flexible(minimum: 9), priority: 6),
        TableColumn("Vormen", width: .flexible(minimum: 11), priority: 4),
        TableColumn("Status", width: .fixed(12), priority: 8),
        TableColumn("Termijn", width: .fixed(8), alignment: .trailing, priority: 9),
    ]

    static func draw(_ inbox: InboxState, context: AppContext, in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        guard inbox.isLoaded else {
            message("Signalen laden…", in: rect, on: &grid)
            return
        }
        guard !inbox.rows.isEmpty else {
            message("Geen signalen om te tonen.", in: rect, on: &grid)
            return
        }
        let visible = inbox.rows[inbox.top..<min(inbox.rows.count, inbox.top + max(0, rect.height - 1))]
        let tableRows = visible.map { cells(for: $0, context: context) }
        TableView(columns: columns, rows: tableRows, selected: inbox.selected - inbox.top).draw(in: rect, on: &grid)
    }

    static func cells(for row: InboxRow, context: AppContext) -> [TableCell] {
        let signal = row.signal
        let flagged = signal.acute || signal.minorInvolved
        return [
            TableCell(signal.code, style: flagged ? .bold : .plain),
            TableCell(signal.receivedAt.date.dutch),
            TableCell(signal.municipality),
            TableCell(signal.forms.shortLabel),
            TableCell(context.workflow.label(ofState: signal.state)),
            deadlineCell(row.deadline),
        ]
    }

    /// Working days left until the nearest deadline; overdue carries `!` as well as a colour.
    static func deadlineCell(_ deadline: DeadlineStanding) -> TableCell {
        switch deadline {
        case .none:
            return TableCell("–", style: Style(tone: .muted))
        case .due(_, _, let left) where left < 0:
            return TableCell("! \(left) wd", style: Style(.bold, tone: .danger))
        case .due(_, _, 0):
            return TableCell("vandaag", style: Style(.bold, tone: .warning))
        case .due(_, _, let left):
            return TableCell("\(left) wd")
        }
    }

    private static func message(_ text: String, in rect: Rect, on grid: inout Grid) {
        grid.write(text, in: rect.centered(Size(width: rect.width, height: 1)), style: .plain, alignment: .center)
    }
}
