import Meldroute
import SchakelCore
import TerminalKit

/// The contact persons of an organisation, one per line with when each was checked (a "!" when
/// due); or the form of the one being added or changed.
enum ContactsView {
    static func draw(_ pane: ContactsPane, detail: PartnerDetail, today: CivilDate, in rect: Rect, on grid: inout Grid) {
        if let form = pane.form {
            FieldFormView.draw(form.form, problem: form.problem, in: rect, on: &grid)
            return
        }
        grid.write(TextFitting.fit(" Contactpersonen bij \(detail.partner.name)", width: rect.width), x: rect.x, y: rect.y,
                   style: Style([.bold, .underline]), maxX: rect.maxX)
        if detail.contacts.isEmpty {
            grid.write("  Nog geen contactpersonen; n voegt er een toe.", x: rect.x, y: rect.y + 2, style: Style(.dim, tone: .muted),
                       maxX: rect.maxX)
            return
        }
        for (index, contact) in detail.contacts.enumerated() where rect.y + 2 + index < rect.maxY {
            // Due for checking: a "!" in front, where it is never cut off.
            let isDue = contact.verified.map { $0.isStale(on: today) } ?? true
            let checked = contact.verified.map { "gecontroleerd \($0.on.dutch)" } ?? "nooit gecontroleerd"
            let parts = [contact.name, contact.function, contact.phone, contact.email, checked].filter { !$0.isEmpty }
            let style: Style = index == pane.selected ? Style([.bold, .reverse]) : .plain
            let mark = (index == pane.selected ? "›" : " ") + (isDue ? "! " : "  ")
            grid.write(TextFitting.fit(mark + parts.joined(separator: " · "), width: rect.width - 1),
                       x: rect.x + 1, y: rect.y + 2 + index, style: style, maxX: rect.maxX)
        }
    }
}
