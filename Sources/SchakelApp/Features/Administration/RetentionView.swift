import SchakelCore
import TerminalKit

/// The destruction list: two lines of what it is (the periods confirmed or not, the proposal and
/// by whom, the last list approved), then one row per record — kind, code, since, rule, fate —
/// and never anything of its content.
enum RetentionView {
    static func draw(_ section: RetentionSection, user: User, in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        guard let overview = section.overview else {
            let text = section.loadProblem.map { "! " + $0 } ?? "Vernietigingslijst laden…"
            let lines = TextFitting.wrap(text, width: max(10, rect.width - 4)).prefix(max(1, rect.height))
            let top = rect.y + max(0, (rect.height - lines.count) / 2)
            for (index, line) in lines.enumerated() {
                grid.write(line, in: Rect(x: rect.x, y: top + index, width: rect.width, height: 1),
                           style: section.loadProblem == nil ? .plain : Style(.bold, tone: .danger), alignment: .center)
            }
            return
        }
        let lines = header(overview, section: section, user: user)
        for (index, line) in lines.enumerated() {
            grid.write(" " + line.text, x: rect.x, y: rect.y + index, style: line.style, maxX: rect.maxX)
        }
        let body = Rect(x: rect.x, y: rect.y + lines.count + 1, width: rect.width, height: max(0, rect.height - lines.count - 1))
        let rows = section.rows
        guard !rows.isEmpty else {
            grid.write(" Niets is over zijn bewaartermijn.", x: body.x, y: body.y, maxX: body.maxX)
            return
        }
        let columns = [
            TableColumn("Soort", width: .fixed(8), priority: 9), TableColumn("Code", width: .flexible(minimum: 11), priority: 10),
            TableColumn("Sinds", width: .fixed(10), priority: 8), TableColumn("Termijn", width: .flexible(minimum: 14), priority: 6),
            TableColumn("Stand", width: .fixed(21), priority: 9),
        ]
        // The selected record in full on the pane's last line: its rule, or why it dropped out.
        if rows.indices.contains(section.selected), body.height > 2 {
            grid.write(" " + detail(rows[section.selected]), x: body.x, y: body.maxY - 1, style: .bold, maxX: body.maxX)
        }
        let height = max(0, body.height - 2)
        let top = max(0, min(section.selected - height + 1, rows.count - height))
        let cells = rows.dropFirst(top).prefix(height).map { item -> [TableCell] in
            [TableCell(item.due.kind), TableCell(item.due.code), TableCell(item.due.closedOn.dutch),
             TableCell("\(item.due.rule.label) (\(item.due.rule.months) mnd)"), fate(item.state)]
        }
        TableView(columns: columns, rows: Array(cells), selected: section.selected - top).draw(in: body, on: &grid)
    }

    private static func header(_ overview: RetentionOverview, section: RetentionSection, user: User) -> [(text: String, style: Style)] {
        var lines: [(String, Style)] = []
        lines.append(overview.rulesConfirmed ? ("Vernietigingslijst · de bewaartermijnen zijn bevestigd", .bold)
            : ("! De bewaartermijnen zijn nog niet bevestigd (schakel bewaren bevestig): niets wordt vernietigd.", Style(.bold, tone: .danger)))
        if let approved = section.approved {
            lines.append(("Lijst \(approved.id) goedgekeurd door \(approved.approvedBy ?? "?"): \(approved.destroyed.count) vernietigd, "
                          + "\(approved.droppedOut.count) vervallen.", .plain))
        } else if let proposal = overview.proposal {
            let next = user.role == .processManager ? "a keurt goed" : "wacht op een procesmanager"
            lines.append(("Lijst \(proposal.id) van \(proposal.proposedBy), \(proposal.proposedOn.dutch): \(proposal.items.count) records · \(next).",
                          .plain))
        } else {
            let next = AccessPolicy.canProposeDestruction(user) && !overview.due.isEmpty ? " · p stelt voor" : ""
            lines.append(("Over de termijn: \(overview.due.count) records, geen voorstel\(next).", .plain))
        }
        return lines
    }

    /// "S2024-0002 · Signaal afgesloten zonder vervolg · 24 maanden · tot 07-02-2026".
    static func detail(_ item: DestructionItem) -> String {
        let due = item.due
        if case .droppedOut(let reason) = item.state { return "\(due.code) vervallen: \(reason); blijft bewaard." }
        return "\(due.code) · \(due.rule.label) · \(due.rule.months) maanden · tot \(due.dueOn.dutch)"
    }

    /// The fate in words, never by colour alone.
    private static func fate(_ state: DestructionItem.State) -> TableCell {
        switch state {
        case .waiting: TableCell("wacht")
        case .destroyed(let day): TableCell("vernietigd \(day.dutch)", style: .bold)
        case .droppedOut: TableCell("vervallen (blijft)", style: Style(.bold, tone: .warning))
        }
    }

    static func hints(_ section: RetentionSection, user: User, canSwitch: Bool) -> String {
        var keys = ["↑↓ kiezen"]
        if AccessPolicy.canProposeDestruction(user) { keys.append("p voorstellen") }
        if user.role == .processManager { keys.append("a goedkeuren") }
        keys.append("Ctrl-R vernieuwen")
        if canSwitch { keys.append("Tab gebruikers") }
        keys.append("q stoppen")
        return keys.joined(separator: "  ")
    }
}
