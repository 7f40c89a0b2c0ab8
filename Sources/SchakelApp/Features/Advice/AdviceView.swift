import Meldroute
import SchakelCore
import TerminalKit

/// The activities: a line of what is planned and what this year reached, then one row per
/// activity — the planned ones ahead first, then the others newest first — and the selected
/// one's note and who registered it on the last line. No personal data is in it.
enum AdviceView {
    static func draw(_ state: AdviceState, context: AppContext, in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        if let form = state.form {
            FieldFormView.draw(form.form, problem: form.problem, in: rect, on: &grid)
            return
        }
        guard let list = state.activities else {
            let text = state.loadProblem.map { "! " + $0 } ?? "Activiteiten laden…"
            grid.write(text, in: rect.centered(Size(width: rect.width, height: 1)),
                       style: state.loadProblem == nil ? .plain : Style(.bold, tone: .danger), alignment: .center)
            return
        }
        grid.write(" " + summary(list, today: context.today), x: rect.x, y: rect.y, style: .bold, maxX: rect.maxX)
        let body = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: max(0, rect.height - 2))
        let rows = list.all
        guard !rows.isEmpty else {
            grid.write(" Nog geen activiteiten. n registreert er een: een training, voorlichting, les of campagne.", x: body.x, y: body.y,
                       maxX: body.maxX)
            return
        }
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
        if state.form != nil { return "Tab/↓ volgend veld  ←→ kiezen  F2 of Ctrl-O opslaan  Esc terug" }
        return "↑↓ kiezen  n nieuwe activiteit  Enter wijzigen"
    }
}
