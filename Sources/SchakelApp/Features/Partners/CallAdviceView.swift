import Meldroute
import SchakelCore
import TerminalKit

/// "Wie bel ik voor…": the situation's form, or whom to call first, each with how to reach them
/// and why; an organisation that is not on the sociale kaart here is said to be missing.
enum CallAdviceView {
    static func draw(_ pane: CallAdvicePane, in rect: Rect, on grid: inout Grid) {
        if let form = pane.form {
            FieldFormView.draw(form, from: rect.y, in: rect, on: &grid)
            return
        }
        grid.write(TextFitting.fit(" Wie bel ik voor: \(pane.situation.label)", width: rect.width), x: rect.x, y: rect.y,
                   style: Style([.bold, .underline]), maxX: rect.maxX)
        guard let lines = pane.lines else {
            grid.write("  Advies opzoeken…", x: rect.x, y: rect.y + 2, maxX: rect.maxX)
            return
        }
        if lines.isEmpty {
            grid.write("  Geen advies voor deze situatie; zoek zelf op de sociale kaart of bel het KMT.", x: rect.x, y: rect.y + 2,
                       style: Style(.dim, tone: .muted), maxX: rect.maxX)
            return
        }
        var y = rect.y + 2
        for (index, line) in lines.enumerated() where y < rect.maxY - 1 {
            let isSelected = index == pane.selected
            var head = "\(index + 1). " + (line.partner?.name ?? "\(line.key) (staat niet op de sociale kaart)")
            if let partner = line.partner {
                let reach = [partner.phone, partner.crisisLine.isEmpty ? "" : "crisis \(partner.crisisLine)"
                             + (partner.crisisAlwaysReachable ? " 24/7" : "")].filter { !$0.isEmpty }.joined(separator: " · ")
                if !reach.isEmpty { head += " — " + reach }
            }
            grid.write(TextFitting.fit((isSelected ? "›" : " ") + head, width: rect.width - 1), x: rect.x + 1, y: y,
                       style: isSelected ? Style([.bold, .reverse]) : .bold, maxX: rect.maxX)
            y += 1
            for part in TextFitting.wrap(line.reason, width: max(10, rect.width - 6)).prefix(2) where y < rect.maxY - 1 {
                grid.write(part, x: rect.x + 5, y: y, maxX: rect.maxX)
                y += 1
            }
        }
        grid.write(TextFitting.fit("  Enter: de organisatie met haar nummers en contactpersonen.", width: rect.width),
                   x: rect.x, y: rect.maxY - 1, style: Style(tone: .muted), maxX: rect.maxX)
    }
}
