import Meldroute
import SchakelCore
import TerminalKit

/// Tab 4, Sociale kaart: the search line, the filter in force, the organisations, and the selected
/// one's offer; over it, the facets' form or an opened organisation.
enum PartnersView {
    static func draw(_ state: PartnersState, context: AppContext, in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        // The topmost of what is open that takes the pane (the archive question is on the status line).
        for entry in state.stack.entries.reversed() {
            switch entry {
            case .editing(let editing):
                FieldFormView.draw(editing.form, problem: editing.problem, in: rect, on: &grid)
            case .referralForm(let referral):
                FieldFormView.draw(referral.form, problem: referral.problem, in: rect, on: &grid)
            case .organisation(let open):
                if let pane = open.contacts, let detail = open.detail {
                    ContactsView.draw(pane, detail: detail, today: context.today, in: rect, on: &grid)
                } else {
                    PartnerDetailView.draw(open, today: context.today, in: rect, on: &grid)
                }
            case .callAdvice(let advice):
                CallAdviceView.draw(advice, in: rect, on: &grid)
            case .facets(let facets):
                FieldFormView.draw(facets, from: rect.y, in: rect, on: &grid)
            case .query, .confirmingArchive:
                continue
            }
            return
        }
        drawSearchLine(state, in: rect, on: &grid)
        let facets = state.filter.facetLabel
        if let target = state.referring {
            grid.write(TextFitting.fit(" \(target.code) verwijzen: kies de organisatie en druk Enter · Esc breekt af", width: rect.width),
                       x: rect.x, y: rect.y + 1, style: Style([.bold, .reverse]), maxX: rect.maxX)
        }
        let note = facets.isEmpty ? " Alle organisaties · f filtert op doelgroep, gemeente, vorm, 24/7"
            : " Filter: \(facets) · f wijzigt, c wist"
        if state.referring == nil {
            grid.write(TextFitting.fit(note, width: rect.width), x: rect.x, y: rect.y + 1,
                       style: facets.isEmpty ? Style(tone: .muted) : Style(.bold, tone: .accent), maxX: rect.maxX)
        }
        let table = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: max(2, rect.height - 3))
        drawTable(state, today: context.today, in: table, on: &grid)
        if let partner = state.list.selectedRow?.partner {
            grid.write(TextFitting.fit(" " + partner.offer, width: rect.width), x: rect.x, y: rect.maxY - 1,
                       style: Style(tone: .muted), maxX: rect.maxX)
        }
    }

    private static func drawSearchLine(_ state: PartnersState, in rect: Rect, on grid: inout Grid) {
        let label = " Zoek: "
        grid.write(label, x: rect.x, y: rect.y, style: .bold, maxX: rect.maxX)
        let x = rect.x + label.count
        if let query = state.query {
            let shown = query.visible(width: max(10, rect.width - label.count - 1))
            grid.write(shown.text, x: x, y: rect.y, maxX: rect.maxX)
            let cursor = x + shown.cursorColumn
            let cell = grid[cursor, rect.y]
            grid.write(cell.isContinuation ? " " : cell.text, x: cursor, y: rect.y, style: .reverse)
        } else if state.filter.text.isEmpty {
            grid.write("/ en typ: naam, afkorting of aanbod", x: x, y: rect.y, style: Style(.dim, tone: .muted), maxX: rect.maxX)
        } else {
            grid.write(state.filter.text, x: x, y: rect.y, maxX: rect.maxX)
        }
    }

    private static func drawTable(_ state: PartnersState, today: CivilDate, in table: Rect, on grid: inout Grid) {
        let list = state.list
        guard list.isLoaded else {
            grid.write("  Sociale kaart laden…", x: table.x, y: table.y, maxX: table.maxX)
            return
        }
        if list.rows.isEmpty {
            let text = state.filter == .none ? "  Er staan geen organisaties op de sociale kaart die u mag zien."
                : "  Geen organisatie past bij dit filter; c wist het."
            grid.write(text, x: table.x, y: table.y, style: Style(.dim, tone: .muted), maxX: table.maxX)
            return
        }
        let columns = [
            TableColumn("Organisatie", width: .flexible(minimum: 30), priority: 10),
            TableColumn("Telefoon", width: .fixed(13), priority: 8),
            TableColumn("Crisislijn", width: .fixed(15), priority: 6),
            TableColumn("Gecontroleerd", width: .fixed(13), priority: 9),
            TableColumn("Gebied", width: .flexible(minimum: 14), priority: 4),
        ]
        // Under the column titles.
        let visible = list.rows[list.top..<min(list.rows.count, list.top + table.height - 1)]
        let rows = visible.map { row -> [TableCell] in
            let partner = row.partner
            let crisis = partner.crisisLine.isEmpty ? "" : partner.crisisLine + (partner.crisisAlwaysReachable ? " 24/7" : "")
            return [TableCell(partner.name), TableCell(partner.phone), TableCell(crisis), checkedCell(partner, today: today),
                    TableCell(partner.area.label)]
        }
        TableView(columns: columns, rows: rows, selected: list.selected - list.top).draw(in: table, on: &grid)
    }

    /// When it was checked; "! nooit" or "! 11-2025" (a sign, not only colour) when it is due.
    static func checkedCell(_ partner: Partner, today: CivilDate) -> TableCell {
        guard let verified = partner.verified else { return TableCell("! nooit", style: Style(tone: .warning)) }
        if verified.isStale(on: today) { return TableCell("! " + verified.on.dutch, style: Style(tone: .warning)) }
        return TableCell("  " + verified.on.dutch)
    }

    /// Rows of organisations that fit under the search line, the filter line and the column titles,
    /// above the offer line.
    static func listRows(in pane: Rect) -> Int { max(1, pane.height - 4) }

    static func hints(_ state: PartnersState) -> String {
        if state.referralForm != nil { return "Tab volgend veld  F2 verwijzen (op de tijdlijn)  Esc terug" }
        if state.editing != nil { return "Tab volgend veld  F2 opslaan (stempelt gecontroleerd)  Esc annuleren" }
        if let target = state.referring, state.open != nil { return "v \(target.code) hierheen verwijzen  ↑↓ schuiven  Esc terug" }
        if let pane = state.open?.contacts {
            return pane.form != nil ? "Tab volgend veld  F2 opslaan (stempelt gecontroleerd)  Esc annuleren"
                : "↑↓ kiezen  n nieuw  e wijzig  x archiveer  Esc terug"
        }
        if state.open != nil { return "↑↓ schuiven  e wijzig  p contactpersonen  x archiveer  Esc" }
        if let advice = state.callAdvice {
            return advice.form != nil ? "Tab veld  ←→ Spatie kiezen  F2 wie bel ik  Esc terug" : "↑↓ kiezen  Enter details  w situatie wijzigen  Esc terug"
        }
        if state.facets != nil { return "Tab veld  ←→ Spatie kiezen  F2 toepassen  Esc terug" }
        if let target = state.referring, state.query == nil, state.facets == nil {
            return "Enter \(target.code) hierheen verwijzen  / zoek  f filter  Esc afbreken"
        }
        if state.query != nil { return "typ om te filteren  ↑↓ kiezen  Enter klaar  Esc wist" }
        return "/ zoek  f filter  c wis  w wie bel ik  e wijzig  n nieuw  Enter details"
    }
}
