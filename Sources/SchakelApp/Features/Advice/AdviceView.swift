import Meldroute
import SchakelCore
import TerminalKit

/// Tab 6: which list is shown (consults or activities) on the first line, then that list; a form or
/// an opened consult over them. The activities: a line of what is planned and what this year
/// reached, then one row per activity — the planned ones ahead first, then the others newest first
/// — and the selected one's note and who registered it on the last line. No personal data is in it.
enum AdviceView {
    static func draw(_ state: AdviceState, context: AppContext, in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        switch state.onTop {
        case .form(let form)?:
            FieldFormView.draw(form.form, problem: form.problem, in: rect, on: &grid)
            return
        case .consultForm(let form)?:
            FieldFormView.draw(form.form, problem: form.problem, in: rect, on: &grid)
            return
        case .consultEvent(let form)?:
            let head = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
            grid.write(" Consult \(form.consult.summary.code): \(form.form.event.label.lowercased())", in: head, style: Style([.bold, .underline]))
            FieldFormView.draw(form.form, problem: form.problem, in: Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: max(0, rect.height - 2)),
                               on: &grid)
            return
        case .consult(let open)?:
            ConsultView.drawDetail(open.consult, context: context, in: rect, on: &grid)
            return
        case nil:
            break
        }
        let seesConsults = state.hasConsults
        if seesConsults { ConsultView.drawSwitch(state, in: rect, on: &grid) }
        let body = seesConsults ? Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: max(0, rect.height - 1)) : rect
        if state.shown == .consults && seesConsults {
            ConsultView.drawList(state, context: context, in: body, on: &grid)
        } else {
            drawActivities(state, context: context, in: body, on: &grid)
        }
    }

    private static func drawActivities(_ state: AdviceState, context: AppContext, in rect: Rect, on grid: inout Grid) {
        guard let (list, body) = frame(state.activities, problem: state.loadProblem, loading: "Activiteiten laden…",
                                       summary: { summary($0, today: context.today) }, isEmpty: { $0.all.isEmpty },
                                       empty: "Nog geen activiteiten. n registreert er een: een training, voorlichting, les of campagne.",
                                       in: rect, on: &grid) else { return }
        let rows = list.all
        if rows.indices.contains(state.selected), body.height > 2 {
            grid.write(" " + detail(rows[state.selected]), x: body.x, y: body.maxY - 1, style: .bold, maxX: body.maxX)
        }
        let vocabulary = context.activityVocabulary
        let columns = [
            TableColumn("Datum", width: .fixed(10), priority: 10), TableColumn("Soort", width: .flexible(minimum: 12), priority: 10),
            TableColumn("Doelgroep", width: .flexible(minimum: 12), priority: 8), TableColumn("Thema", width: .fixed(9), priority: 5),
            TableColumn("Gemeente", width: .fixed(14), priority: 9), TableColumn("Stand", width: .fixed(8), priority: 9),
            TableColumn("Deeln.", width: .fixed(6), alignment: .trailing, priority: 7),
        ]
        let height = max(0, body.height - 2)
        let top = max(0, min(state.selected - height + 1, rows.count - height))
        let cells = rows.dropFirst(top).prefix(height).map { activity -> [TableCell] in
            let entry = activity.entry
            let overdue = activity.isOverdue(today: context.today)
            return [TableCell(entry.date.dutch), TableCell(vocabulary?.kindLabel(entry.kind) ?? entry.kind),
                    TableCell(vocabulary?.audienceLabel(entry.audience) ?? entry.audience), TableCell(themeWord(entry.theme)),
                    TableCell(entry.municipality?.name ?? "regio"),
                    TableCell(overdue ? "afronden" : entry.status.label, style: overdue ? Style(.bold, tone: .warning) : .plain),
                    TableCell(entry.participants.map(String.init) ?? "")]
        }
        TableView(columns: columns, rows: Array(cells), selected: state.selected - top).draw(in: body, on: &grid)
    }

    /// A list's frame: its summary in bold on the first line and the body from the third — or in its
    /// place why it could not be read, that it is being read, or that it is empty (then nil).
    static func frame<List>(_ list: List?, problem: String?, loading: String, summary: (List) -> String, isEmpty: (List) -> Bool,
                            empty: String, in rect: Rect, on grid: inout Grid) -> (List, Rect)? {
        guard let list else {
            grid.write(problem.map { "! " + $0 } ?? loading, in: rect.centered(Size(width: rect.width, height: 1)),
                       style: problem == nil ? .plain : Style(.bold, tone: .danger), alignment: .center)
            return nil
        }
        grid.write(" " + summary(list), x: rect.x, y: rect.y, style: .bold, maxX: rect.maxX)
        let body = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: max(0, rect.height - 2))
        guard !isEmpty(list) else {
            grid.write(" " + empty, x: body.x, y: body.y, maxX: body.maxX)
            return nil
        }
        return (list, body)
    }

    /// "Activiteiten · 3 gepland · 2026: 14 gehouden, 412 deelnemers"
    static func summary(_ list: ActivityList, today: CivilDate) -> String {
        let held = list.past.filter { $0.entry.status == .held && $0.entry.date.year == today.year }
        let reached = held.reduce(0) { $0 + ($1.entry.participants ?? 0) }
        let overdue = list.past.filter { $0.isOverdue(today: today) }.count
        return "Activiteiten · \(list.upcoming.count) gepland · \(today.year): \(held.count) gehouden, \(reached) deelnemers"
            + (overdue > 0 ? " · \(overdue) af te ronden" : "")
    }

    static func themeWord(_ theme: ActivityTheme) -> String {
        switch theme {
        case .general: return "algemeen"
        case .form(let form): return form.code
        }
    }

    /// The selected activity: given by whom, registered by which login, and its note.
    static func detail(_ activity: Activity) -> String {
        let entry = activity.entry
        let note = entry.note.isEmpty ? "" : " · " + entry.note.replacingOccurrences(of: "\n", with: " ")
        return "Gegeven door \(entry.givenBy.label) · geregistreerd door \(activity.registeredBy)\(note)"
    }

    static func hints(_ state: AdviceState) -> String {
        if state.isTyping { return "Tab/↓ volgend veld  ←→ kiezen  F2 of Ctrl-O opslaan  Esc terug" }
        if let open = state.openConsult { return ConsultView.hints(open) }
        let other = state.hasConsults ? "  Tab " + (state.shown == .consults ? "activiteiten" : "consulten") : ""
        if state.shown == .consults && state.hasConsults { return "↑↓ kiezen  n nieuw consult  Enter openen" + other }
        return "↑↓ kiezen  n nieuwe activiteit  Enter wijzigen" + other
    }
}
