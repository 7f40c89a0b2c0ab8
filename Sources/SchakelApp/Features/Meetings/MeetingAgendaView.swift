import Meldroute
import SchakelCore
import TerminalKit

/// One meeting: when, where, its status and planned time, and its agenda as the user may see it;
/// over it, an item's form or the waiting signals and cases to choose from.
enum MeetingAgendaView {
    static func draw(_ open: OpenMeeting, context: AppContext, in rect: Rect, on grid: inout Grid) {
        let meeting = open.meeting
        grid.write(" " + meeting.title, x: rect.x, y: rect.y, style: Style([.bold, .underline]), maxX: rect.maxX)
        let end = meeting.startsAt.adding(minutes: meeting.lengthMinutes).clock
        let when = "\(meeting.startsAt.date.dutchWeekday) \(meeting.startsAt.date.dutch) \(meeting.startsAt.clock)–\(end)"
        grid.write(TextFitting.fit(" \(when) · \(meeting.location)", width: rect.width), x: rect.x, y: rect.y + 1, maxX: rect.maxX)
        drawStatus(open, context: context, at: rect.y + 2, in: rect, on: &grid)
        let body = Rect(x: rect.x, y: rect.y + 4, width: rect.width, height: max(0, rect.height - 4))
        switch open.onTop {
        case .steps(let steps)?:
            drawSteps(steps, in: body, on: &grid)
        case .itemForm(let item)?:
            FieldFormView.draw(item.form, problem: item.problem, in: body, on: &grid)
        case .minutes(let minutes)?:
            FieldFormView.draw(minutes.form, problem: minutes.problem, in: body, on: &grid)
        case .exportMenu(let menu)?:
            drawExportMenu(menu, context: context, in: body, on: &grid)
        case .picker(let picker)?:
            drawPicker(picker, meeting: meeting, context: context, in: body, on: &grid)
        case .confirmingRemoval?, nil:
            drawItems(open, in: body, on: &grid)
        }
    }

    /// Status, items and the time they take against the meeting's length (a "!" when over).
    private static func drawStatus(_ open: OpenMeeting, context: AppContext, at y: Int, in rect: Rect, on grid: inout Grid) {
        let meeting = open.meeting
        var text = " Status: \(context.meetingStatusLabel(meeting.status))"
        var style = Style.plain
        if let items = open.items {
            text += " · \(items.count) \(items.count == 1 ? "punt" : "punten")"
            let planned = open.plannedMinutes
            if planned > meeting.lengthMinutes {
                text += " · ! \(planned) van \(meeting.lengthMinutes) min, \(planned - meeting.lengthMinutes) te veel"
                style = Style(.bold, tone: .danger)
            } else {
                text += " · \(planned) van \(meeting.lengthMinutes) min gepland"
            }
        } else {
            text += " · agenda laden…"
        }
        if meeting.visibility == .pseudonymised { text += " · gepseudonimiseerd" }
        grid.write(TextFitting.fit(text, width: rect.width), x: rect.x, y: y, style: style, maxX: rect.maxX)
    }

    private static func drawItems(_ open: OpenMeeting, in table: Rect, on grid: inout Grid) {
        guard let items = open.items, table.height > 1 else { return }
        if items.isEmpty {
            grid.write("  Nog geen agendapunten.", x: table.x, y: table.y, style: Style(.dim, tone: .muted), maxX: table.maxX)
            return
        }
        let columns = [
            TableColumn("#", width: .fixed(3), alignment: .trailing, priority: 10),
            TableColumn("Agendapunt", width: .flexible(minimum: 20), priority: 10),
            TableColumn("Over", width: .fixed(11), priority: 8),
            TableColumn("Brengt in", width: .flexible(minimum: 12), priority: 4),
            TableColumn("Min", width: .fixed(4), alignment: .trailing, priority: 9),
            TableColumn("Vsl", width: .fixed(3), priority: 7),
        ]
        // The list takes what its items need; the selected item's detail (question, minutes) the rest.
        let listHeight = max(2, min(items.count + 1, table.height - 4))
        let visibleRows = listHeight - 1
        let top = max(0, min(open.selected - visibleRows + 1, items.count - visibleRows))
        let rows = items[top..<min(items.count, top + visibleRows)].map { item in
            // "v": minutes recorded; "v*": minutes left unsaved, kept as a draft.
            let minuted = open.itemsWithDraft.contains(item.id) ? "v*" : item.summary.isEmpty && item.decisions.isEmpty ? "" : "v"
            return [TableCell(String(item.position)), TableCell(item.title), TableCell(item.subjectCode ?? (item.isStanding ? "vast punt" : "")),
             TableCell(item.broughtBy), TableCell(String(item.minutesAllotted)), TableCell(minuted)]
        }
        TableView(columns: columns, rows: rows, selected: open.selected - top)
            .draw(in: Rect(x: table.x, y: table.y, width: table.width, height: listHeight), on: &grid)
        drawDetail(open.selectedItem, in: Rect(x: table.x, y: table.y + listHeight, width: table.width, height: table.height - listHeight),
                   on: &grid)
    }

    /// The selected item's subject as an agenda may show it, and its question.
    private static func drawDetail(_ item: AgendaItem?, in rect: Rect, on grid: inout Grid) {
        guard let item, rect.height > 1 else { return }
        grid.write(String(repeating: "─", count: rect.width), x: rect.x, y: rect.y, style: Style(tone: .muted), maxX: rect.maxX)
        var facts: [String] = []
        if let code = item.subjectCode {
            facts.append(code)
            if let municipality = item.municipality { facts.append(municipality) }
            if !item.forms.isEmpty { facts.append(item.forms.label) }
            if !item.persons.isEmpty { facts.append(item.persons.joined(separator: " ")) }
        }
        if !item.invited.isEmpty { facts.append("ook: " + item.invited.joined(separator: ", ")) }
        var lines = facts.isEmpty ? [] : [facts.joined(separator: " · ")]
        if !item.question.isEmpty { lines.append("Vraag: " + item.question) }
        if !item.summary.isEmpty { lines.append("Verslag: " + item.summary) }
        lines += item.decisions.map { "Besluit: " + $0 }
        let wrapped = lines.flatMap { TextFitting.wrap($0, width: max(10, rect.width - 2)) }
        for (offset, line) in wrapped.prefix(rect.height - 1).enumerated() {
            grid.write(line, x: rect.x + 1, y: rect.y + 1 + offset, maxX: rect.maxX - 1)
        }
    }

    /// The workflow's steps from the meeting's status: possible ones in bold, others dimmed with why.
    private static func drawSteps(_ steps: MeetingSteps, in rect: Rect, on grid: inout Grid) {
        if let form = steps.form {
            FieldFormView.draw(form, problem: steps.problem, in: rect, on: &grid)
            return
        }
        grid.write(" Stap van het overleg", x: rect.x, y: rect.y, style: .bold, maxX: rect.maxX)
        var y = rect.y + 1
        if let problem = steps.problem {
            for part in TextFitting.wrap("! " + problem, width: rect.width - 2).prefix(2) where y < rect.maxY {
                grid.write(part, x: rect.x + 1, y: y, style: Style(.bold, tone: .danger), maxX: rect.maxX - 1)
                y += 1
            }
        }
        for (index, option) in steps.options.enumerated() where y < rect.maxY {
            var text = (option.isAvailable ? "  " : "× ") + option.event.label
            if let reason = option.unavailable { text += " — " + reason.message }
            let style: Style = index == steps.highlighted ? .reverse : option.isAvailable ? .bold : Style(.dim, tone: .muted)
            grid.write(TextFitting.fit(text, width: rect.width - 2), x: rect.x + 1, y: y, style: style, maxX: rect.maxX - 1)
            y += 1
        }
    }

    /// The documents to export, those not possible now dimmed with why; where they go below.
    private static func drawExportMenu(_ menu: ExportMenu, context: AppContext, in rect: Rect, on grid: inout Grid) {
        grid.write(" Exporteren naar de exportmap", x: rect.x, y: rect.y, style: .bold, maxX: rect.maxX)
        let height = max(1, rect.height - 3)
        let top = max(0, min(menu.highlighted - height + 1, menu.choices.count - height))
        for (offset, choice) in menu.choices.dropFirst(top).prefix(height).enumerated() {
            let index = top + offset
            var text = (choice.unavailable == nil ? "  " : "× ") + choice.document.label
            if let reason = choice.unavailable { text += " — " + reason }
            let style: Style = index == menu.highlighted ? .reverse : choice.unavailable == nil ? .plain : Style(.dim, tone: .muted)
            grid.write(TextFitting.fit(text, width: rect.width - 2), x: rect.x + 1, y: rect.y + 1 + offset, style: style,
                       maxX: rect.maxX - 1)
        }
        let note = menu.isExporting ? "  Bezig met exporteren…"
            : "  Codes en pseudoniemen, nooit namen. Elke export staat in het auditlog."
        grid.write(TextFitting.fit(note, width: rect.width), x: rect.x, y: rect.maxY - 1, style: Style(tone: .muted), maxX: rect.maxX)
    }

    private static func drawPicker(_ picker: WaitingList, meeting: Meeting, context: AppContext, in rect: Rect, on grid: inout Grid) {
        grid.write(" Toevoegen: wat wacht op \(meeting.kind.labelWithArticle)", x: rect.x, y: rect.y, style: .bold, maxX: rect.maxX)
        guard let items = picker.items else {
            grid.write("  Wachtlijst laden…", x: rect.x, y: rect.y + 1, maxX: rect.maxX)
            return
        }
        if items.isEmpty {
            grid.write("  Niets wacht op dit overleg. Esc terug; n voegt een eigen punt toe.", x: rect.x, y: rect.y + 1,
                       style: Style(.dim, tone: .muted), maxX: rect.maxX)
            return
        }
        let height = max(1, rect.height - 1)
        let top = max(0, min(picker.selected - height + 1, items.count - height))
        for (offset, item) in items.dropFirst(top).prefix(height).enumerated() {
            let index = top + offset
            let text = "  " + WaitingListView.line(item, today: context.today)
            grid.write(TextFitting.fit(text, width: rect.width), x: rect.x, y: rect.y + 1 + offset,
                       style: index == picker.selected ? .reverse : .plain, maxX: rect.maxX)
        }
    }

    static func hints(_ open: OpenMeeting) -> String {
        switch open.onTop {
        case .itemForm?, .minutes?: return "Tab volgend veld  F2 opslaan  Esc annuleren"
        case .steps(let steps)?: return steps.form != nil ? "Tab volgend veld  F2 opslaan  Esc annuleren" : "↑↓ kiezen  Enter deze stap  Esc terug"
        case .exportMenu?: return "↑↓ kiezen  Enter exporteren  Esc terug"
        case .picker?: return "↑↓ kiezen  Enter toevoegen  Esc terug"
        case .confirmingRemoval?, nil: break
        }
        if open.meeting.visibility != .full { return "↑↓ kiezen  e exporteren  Esc terug  ? hulp  q stoppen" }
        if open.whyNoMinutes == nil { return "↑↓ kiezen  v verslag  e exporteren  z stap (gehouden, heropenen)  Esc" }
        if open.whyNotEditable != nil { return "↑↓ kiezen  e exporteren  z stap  Esc terug" }
        return "a wachtend  n nieuw  s vast  Enter wijzig  K/J schuif  x weg  z stap  e export"
    }
}
