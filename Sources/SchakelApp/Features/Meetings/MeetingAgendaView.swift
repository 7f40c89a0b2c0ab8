import Meldroute
import SchakelCore
import TerminalKit

/// One meeting: when, where, its status, and its agenda as the user may see it.
enum MeetingAgendaView {
    static func draw(_ open: OpenMeeting, context: AppContext, in rect: Rect, on grid: inout Grid) {
        let meeting = open.meeting
        grid.write(" " + meeting.title, x: rect.x, y: rect.y, style: Style([.bold, .underline]), maxX: rect.maxX)
        let when = "\(meeting.startsAt.date.dutchWeekday) \(meeting.startsAt.date.dutch) \(meeting.startsAt.clock)–\(meeting.startsAt.adding(minutes: meeting.lengthMinutes).clock)"
        grid.write(TextFitting.fit(" \(when) · \(meeting.location)", width: rect.width), x: rect.x, y: rect.y + 1, maxX: rect.maxX)
        let count = open.items.map { "\($0.count) \($0.count == 1 ? "punt" : "punten")" } ?? "agenda laden…"
        let status = " Status: \(context.meetingStatusLabel(meeting.status)) · \(count)"
            + (meeting.visibility == .pseudonymised ? " · gepseudonimiseerd" : "")
        grid.write(TextFitting.fit(status, width: rect.width), x: rect.x, y: rect.y + 2, maxX: rect.maxX)
        let table = Rect(x: rect.x, y: rect.y + 4, width: rect.width, height: max(0, rect.height - 4))
        guard let items = open.items, table.height > 1 else { return }
        if items.isEmpty {
            grid.write("  Nog geen agendapunten.", x: table.x, y: table.y, style: Style(.dim, tone: .muted), maxX: table.maxX)
            return
        }
        let columns = [
            TableColumn("#", width: .fixed(3), alignment: .trailing, priority: 10),
            TableColumn("Agendapunt", width: .flexible(minimum: 20), priority: 10),
            TableColumn("Over", width: .fixed(11), priority: 8),
        ]
        let visibleRows = table.height - 1
        let top = max(0, min(open.selected - visibleRows + 1, items.count - visibleRows))
        let rows = items[top..<min(items.count, top + visibleRows)].map { item in
            [TableCell(String(item.position)), TableCell(item.title), TableCell(item.subjectCode ?? "")]
        }
        TableView(columns: columns, rows: rows, selected: open.selected - top).draw(in: table, on: &grid)
    }

    static let hints = "↑↓ kiezen  Esc terug  ? hulp  q stoppen"
}
