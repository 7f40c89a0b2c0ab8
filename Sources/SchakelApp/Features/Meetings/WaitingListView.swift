import Meldroute
import SchakelCore
import TerminalKit

/// "Wacht op bespreking": per kind of meeting, the signals and cases marked for such a table and
/// on no agenda yet, oldest first, with how long they have waited; the selected one's reason below.
enum WaitingListView {
    /// One line of the list: a kind's heading, or an item (by index into the items).
    enum Line: Equatable {
        case heading(MeetingKind, count: Int)
        case item(Int)
    }

    static func lines(_ items: [WaitingDiscussion]) -> [Line] {
        var lines: [Line] = []
        for (index, item) in items.enumerated() {
            if index == 0 || items[index - 1].kind != item.kind {
                lines.append(.heading(item.kind, count: items.filter { $0.kind == item.kind }.count))
            }
            lines.append(.item(index))
        }
        return lines
    }

    static func draw(_ waiting: WaitingList, context: AppContext, in rect: Rect, on grid: inout Grid) {
        guard let items = waiting.items else {
            grid.write("Wachtlijst laden…", in: rect.centered(Size(width: rect.width, height: 1)), alignment: .center)
            return
        }
        let total = items.count == 1 ? "1 signaal of casus" : "\(items.count) signalen en casussen"
        grid.write(" Wacht op bespreking — \(total)", x: rect.x, y: rect.y, style: Style([.bold, .underline]), maxX: rect.maxX)
        if items.isEmpty {
            grid.write("  Niets wacht op een overleg dat u mag zien.", x: rect.x, y: rect.y + 2, style: Style(.dim, tone: .muted),
                       maxX: rect.maxX)
            return
        }
        let list = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: max(1, rect.height - 4))
        let all = lines(items)
        let selectedLine = all.firstIndex(of: .item(waiting.selected)) ?? 0
        let top = max(0, min(selectedLine - list.height + 1, all.count - list.height))
        for (offset, line) in all.dropFirst(top).prefix(list.height).enumerated() {
            let y = list.y + offset
            switch line {
            case .heading(let kind, let count):
                grid.write(" \(kind.label.prefix(1).uppercased() + kind.label.dropFirst()) · \(count)", x: list.x, y: y,
                           style: Style(.bold, tone: .accent), maxX: list.maxX)
            case .item(let index):
                let text = "   " + Self.line(items[index], today: context.today)
                grid.write(TextFitting.fit(text, width: list.width), x: list.x, y: y,
                           style: index == waiting.selected ? .reverse : .plain, maxX: list.maxX)
            }
        }
        drawReason(waiting.selectedItem, in: Rect(x: rect.x, y: list.maxY, width: rect.width, height: rect.maxY - list.maxY),
                   on: &grid)
    }

    /// `C2026-0004  Enschede       arb      wacht 12 dagen  P-00041 P-00042`
    static func line(_ item: WaitingDiscussion, today: CivilDate) -> String {
        let days = item.daysWaited(by: today)
        let waited = days == 1 ? "1 dag" : "\(days) dagen"
        let persons = item.persons.isEmpty ? "—" : item.persons.joined(separator: " ")
        return "\(TextFitting.pad(item.code, toWidth: 11)) \(TextFitting.pad(TextFitting.fit(item.municipality, width: 14), toWidth: 14)) "
            + "\(TextFitting.pad(item.forms.shortLabel, toWidth: 8)) wacht \(TextFitting.pad(waited, toWidth: 9)) \(persons)"
    }

    private static func drawReason(_ item: WaitingDiscussion?, in rect: Rect, on grid: inout Grid) {
        guard let item, rect.height > 1 else { return }
        grid.write(String(repeating: "─", count: rect.width), x: rect.x, y: rect.y, style: Style(tone: .muted), maxX: rect.maxX)
        let since = "Sinds \(item.requestedAt.date.dutch)"
        let reason = item.reason.isEmpty ? since + "." : "\(since): \(item.reason)"
        for (offset, line) in TextFitting.wrap(reason, width: max(10, rect.width - 2)).prefix(rect.height - 1).enumerated() {
            grid.write(line, x: rect.x + 1, y: rect.y + 1 + offset, maxX: rect.maxX - 1)
        }
    }

    static let hints = "↑↓ kiezen  Enter tijdlijn  w/Esc overleggen  ? hulp  q stoppen"
}
