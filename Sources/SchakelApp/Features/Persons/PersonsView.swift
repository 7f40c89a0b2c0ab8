import Meldroute
import SchakelCore
import TerminalKit

/// The persons of a signal or case (names appear here, as in the signal's detail), the forms and
/// the match offer over them, and the person view.
enum PersonsView {
    static func draw(_ pane: PersonsPane, context: AppContext, in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        switch pane.onTop {
        case .form(let form)?:
            FieldFormView.draw(form.form, problem: form.problem, in: rect, on: &grid)
        case .matchOffer(let offer, let form)?:
            MatchOfferView.draw(offer, saving: form.isSaving, here: pane.persons, in: rect, on: &grid)
        case .person(let view)?:
            drawPerson(view, context: context, in: rect, on: &grid)
        case .merge(let form, _)?:
            FieldFormView.draw(form.form, problem: form.problem, in: rect, on: &grid)
        case nil:
            drawList(pane, in: rect, on: &grid)
        }
    }

    private static func drawList(_ pane: PersonsPane, in rect: Rect, on grid: inout Grid) {
        let (title, body) = rect.splitTop(1)
        grid.write(" \(pane.title)", in: title, style: Style([.bold, .underline]))
        guard pane.isLoaded else {
            grid.write("  Betrokkenen laden…", x: body.x, y: body.y + 1, maxX: body.maxX)
            return
        }
        if pane.persons.isEmpty {
            grid.write("  Geen personen vastgelegd. n voegt er een toe.", x: body.x, y: body.y + 1, style: Style(.dim, tone: .muted),
                       maxX: body.maxX)
            return
        }
        let columns = [
            TableColumn("Code", width: .fixed(7), priority: 10), TableColumn("Initialen", width: .fixed(9), priority: 9),
            TableColumn("Jaar", width: .fixed(4), priority: 8), TableColumn("Rol", width: .fixed(24), priority: 9),
            TableColumn("Naam", width: .flexible(minimum: 10), priority: 7),
        ]
        let rows = pane.persons.map { person in
            [TableCell(person.code), TableCell(person.initials), TableCell(person.birthYear.map(String.init) ?? "----"),
             TableCell(person.role.label), TableCell(person.fullName.isEmpty ? "—" : person.fullName)]
        }
        TableView(columns: columns, rows: rows, selected: pane.selected).draw(in: body, on: &grid)
    }

    private static func drawPerson(_ view: PersonView, context: AppContext, in rect: Rect, on grid: inout Grid) {
        let record = view.record
        grid.write(" Betrokkene \(record.code) (alleen lezen)", x: rect.x, y: rect.y, style: Style([.bold, .underline]), maxX: rect.maxX)
        var y = rect.y + 1
        func field(_ label: String, _ value: String) {
            grid.write(" " + TextFitting.pad(label + ":", toWidth: 15) + (value.isEmpty ? "—" : value), x: rect.x, y: y, maxX: rect.maxX)
            y += 1
        }
        field("Initialen", record.initials)
        field("Geboortejaar", record.birthYear.map(String.init) ?? "")
        field("Naam", record.fullName)
        if !record.mergedCodes.isEmpty { field("Samengevoegd", record.mergedCodes.joined(separator: ", ")) }
        y += 1
        let count = view.rows.count
        grid.write(" \(count == 1 ? "1 signaal of casus" : "\(count) signalen en casussen") die u mag zien",
                   x: rect.x, y: y, style: .bold, maxX: rect.maxX)
        let columns = [
            TableColumn("Code", width: .fixed(10), priority: 10), TableColumn("Datum", width: .fixed(10), priority: 9),
            TableColumn("Gemeente", width: .fixed(14), priority: 7), TableColumn("Rol", width: .flexible(minimum: 24), priority: 9),
            TableColumn("Status", width: .fixed(16), priority: 8),
        ]
        let rows = view.rows.map { row in
            let appearance = row.appearance
            let state = appearance.subject.typeName == "case" ? context.caseWorkflow.label(ofState: appearance.state)
                : context.workflow.label(ofState: appearance.state)
            return [TableCell(appearance.code), TableCell(appearance.receivedAt.date.dutch), TableCell(appearance.municipality),
                    TableCell(row.roles.map(\.label).joined(separator: ", ")), TableCell(state)]
        }
        let table = Rect(x: rect.x, y: y + 1, width: rect.width, height: max(1, rect.maxY - y - 1))
        let top = max(0, view.selected - table.height + 2)
        TableView(columns: columns, rows: Array(rows.dropFirst(top)), selected: view.selected - top).draw(in: table, on: &grid)
    }

    static func hints(_ pane: PersonsPane, user: User) -> String {
        switch pane.onTop {
        case .form?, .merge?: return "Tab volgende  F2 of Ctrl-O opslaan  Esc annuleren"
        case .matchOffer?: return "↑↓ kiezen  j koppelen  n nieuwe code  Esc terug naar het formulier"
        case .person?:
            return AccessPolicy.canMergePersons(user) ? "↑↓ kiezen  Enter tijdlijn  s samenvoegen  o terugdraaien  Esc terug"
                : "↑↓ kiezen  Enter tijdlijn  Esc terug"
        case nil: return "↑↓ kiezen  Enter persoon  n toevoegen  r rol  e corrigeren  Esc terug"
        }
    }
}
