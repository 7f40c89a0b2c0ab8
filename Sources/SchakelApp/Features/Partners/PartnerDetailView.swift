import Meldroute
import SchakelCore
import TerminalKit

/// One organisation in full: what it does and for whom, how to reach it, when it was checked, and
/// its contact persons (fictional ones say so).
enum PartnerDetailView {
    static func draw(_ open: OpenPartner, today: CivilDate, in rect: Rect, on grid: inout Grid) {
        guard let detail = open.detail else {
            grid.write(" Organisatie laden…", x: rect.x, y: rect.y, maxX: rect.maxX)
            return
        }
        let partner = detail.partner
        var title = " " + partner.name
        if !partner.shortName.isEmpty && !partner.name.contains(partner.shortName) { title += " (\(partner.shortName))" }
        grid.write(title, x: rect.x, y: rect.y, style: Style([.bold, .underline]), maxX: rect.maxX)
        let body = lines(detail, today: today, width: rect.width - 2)
        let height = rect.height - 1
        let top = min(open.scroll, max(0, body.count - height))
        for (offset, line) in body.dropFirst(top).prefix(height).enumerated() {
            grid.write(line.text, x: rect.x + 1, y: rect.y + 1 + offset, style: line.style, maxX: rect.maxX - 1)
        }
        if body.count > top + height {
            grid.write("↓ meer", x: rect.maxX - 7, y: rect.maxY - 1, style: Style(tone: .muted), maxX: rect.maxX)
        }
    }

    struct Line: Equatable {
        let text: String
        var style: Style = .plain
    }

    /// The detail as lines `width` wide: label and value, the offer wrapped, then the contacts.
    static func lines(_ detail: PartnerDetail, today: CivilDate, width: Int) -> [Line] {
        let partner = detail.partner
        var lines: [Line] = []
        func add(_ label: String, _ value: String, style: Style = .plain) {
            guard !value.isEmpty else { return }
            let wrapped = TextFitting.wrap(value, width: max(10, width - 16))
            for (index, part) in wrapped.enumerated() {
                let prefix = index == 0 ? label.padding(toLength: 16, withPad: " ", startingAt: 0) : String(repeating: " ", count: 16)
                lines.append(Line(text: prefix + part, style: style))
            }
        }
        add("Soort", partner.kind)
        add("Aanbod", partner.offer)
        add("Voor", partner.targetGroups.label)
        add("Vormen", partner.forms.label)
        add("Domein", partner.domains.label)
        add("Gebied", partner.area.label)
        lines.append(Line(text: ""))
        add("Telefoon", partner.phone)
        add("Crisislijn", partner.crisisLine.isEmpty ? "" : partner.crisisLine
            + (partner.crisisAlwaysReachable ? " (dag en nacht bereikbaar)" : " (niet dag en nacht)"), style: .bold)
        add("E-mail", partner.email)
        add("Website", partner.website)
        add("Adres", partner.address)
        add("Openingstijden", partner.openingHours)
        switch partner.verified {
        case nil:
            add("Gecontroleerd", "! nog nooit: controleer de gegevens voordat u ze gebruikt", style: Style(.bold, tone: .warning))
        case let verified? where verified.isStale(on: today):
            add("Gecontroleerd", "! \(verified.on.dutch) door \(verified.by), langer dan een jaar geleden", style: Style(.bold, tone: .warning))
        case let verified?:
            add("Gecontroleerd", "\(verified.on.dutch) door \(verified.by)")
        }
        lines.append(Line(text: ""))
        if detail.contacts.isEmpty {
            lines.append(Line(text: "Geen contactpersonen.", style: Style(tone: .muted)))
        } else {
            lines.append(Line(text: "Contactpersonen", style: .bold))
            for contact in detail.contacts {
                let parts = [contact.name, contact.function, contact.phone, contact.email].filter { !$0.isEmpty }
                lines.append(Line(text: "  " + parts.joined(separator: " · ") + (contact.isFictional && !contact.name.contains("fictief")
                    ? " (fictief)" : "")))
            }
        }
        if !detail.referrals.isEmpty {
            lines.append(Line(text: ""))
            lines.append(Line(text: "Verwijzingen die u mag zien (\(detail.referrals.count))", style: .bold))
            for referral in detail.referrals {
                let to = referral.contact.map { " → \($0)" } ?? ""
                let text = "  \(referral.date.dutch)  \(referral.subjectCode)\(to): \(referral.reason) (\(referral.by))"
                lines += TextFitting.wrap(text, width: max(10, width)).map { Line(text: $0) }
            }
        }
        return lines
    }
}
