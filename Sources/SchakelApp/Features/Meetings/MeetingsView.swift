import Meldroute
import SchakelCore
import TerminalKit

/// Tab 3, Overleggen: the list of meetings, or the meeting opened.
enum MeetingsView {
    static func draw(_ state: MeetingsState, context: AppContext, in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        switch state.onTop {
        case .meeting(let open)?: return MeetingAgendaView.draw(open, context: context, in: rect, on: &grid)
        case .waiting(let waiting)?: return WaitingListView.draw(waiting, context: context, in: rect, on: &grid)
        case .actions(let actions)?: return ActionListView.draw(actions, context: context, in: rect, on: &grid)
        case nil: break
        }
        let list = state.list
        guard list.isLoaded else {
            grid.write("Overleggen laden…", in: rect.centered(Size(width: rect.width, height: 1)), alignment: .center)
            return
        }
        if list.rows.isEmpty {
            let text = list.hasRowsBefore ? "Geen overleggen vanaf vandaag; ↑ toont eerdere." : "Geen overleggen die u mag zien."
            grid.write(text, in: rect.centered(Size(width: rect.width, height: 1)), alignment: .center)
            return
        }
        let columns = [
            // ▲: earlier meetings above, one ↑ or PgUp away.
            TableColumn(list.hasRowsBefore && list.top == 0 ? "Datum ▲" : "Datum", width: .fixed(13), priority: 10), TableColumn("Tijd", width: .fixed(5), priority: 7),
            // Room for "Lokaal ondermijningsoverleg Almelo" before the place gets a column (from 100 wide).
            TableColumn("Overleg", width: .flexible(minimum: 33), priority: 10),
            TableColumn("Plaats", width: .flexible(minimum: 20), priority: 3),
            TableColumn("Status", width: .fixed(19), priority: 9), TableColumn("Punten", width: .fixed(6), alignment: .trailing, priority: 8),
        ]
        let visible = list.rows[list.top..<min(list.rows.count, list.top + listRows(in: rect))]
        let rows = visible.map { row -> [TableCell] in
            let meeting = row.meeting
            let past = meeting.startsAt.date < context.today
            // Earlier meetings are marked in words too, not by colour alone.
            let date = "\(meeting.startsAt.date.dutchWeekday) \(meeting.startsAt.date.dutch)"
            let style = past ? Style(.dim, tone: .muted) : .plain
            return [TableCell(date, style: style), TableCell(meeting.startsAt.clock, style: style),
                    TableCell(meeting.title + (meeting.visibility == .pseudonymised ? " (pseudo)" : ""), style: style),
                    TableCell(meeting.location, style: style),
                    TableCell(context.meetingStatusLabel(meeting.status), style: style),
                    TableCell(meeting.itemCount == 0 ? "—" : String(meeting.itemCount), style: style)]
        }
        TableView(columns: columns, rows: rows, selected: list.selected - list.top).draw(in: rect, on: &grid)
    }

    /// Rows of meetings that fit under the column titles.
    static func listRows(in pane: Rect) -> Int { max(1, pane.height - 1) }

    static let hints = "↑↓ kiezen  Enter openen  t vandaag  w wachtlijst  a acties  ? hulp  q stoppen"
}
