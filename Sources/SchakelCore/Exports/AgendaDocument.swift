import Meldroute

/// A meeting's agenda as it leaves Schakel: for all the invited, or for one partner (the standing
/// items and the items that partner brings or is invited to). Holds what an agenda may show and
/// nothing more: codes and pseudonym codes, forms of exploitation, municipality; never a name.
public struct AgendaDocument: Hashable, Sendable {
    public let meeting: Meeting
    public let items: [AgendaItem]
    /// The partner it is for; nil for all the invited.
    public let partner: String?
    public let statusLabel: String

    public init(meeting: Meeting, items: [AgendaItem], partner: String?, statusLabel: String) {
        self.meeting = meeting
        self.partner = partner
        self.statusLabel = statusLabel
        self.items = partner.map { name in items.filter { $0.isStanding || $0.broughtBy == name || $0.invited.contains(name) } } ?? items
    }

    /// "di 08-12-2026 13:30–16:00"
    public var when: String {
        let start = meeting.startsAt
        return "\(start.date.dutchWeekday) \(start.date.dutch) \(start.clock)–\(start.adding(minutes: meeting.lengthMinutes).clock)"
    }

    /// What an item is about, as the agenda may say it: "C2026-0004 · Enschede · arbeidsuitbuiting · P-00041".
    public static func about(_ item: AgendaItem) -> String? {
        guard let code = item.subjectCode else { return nil }
        var facts = [code]
        if let municipality = item.municipality { facts.append(municipality) }
        if !item.forms.isEmpty { facts.append(item.forms.label) }
        if !item.persons.isEmpty { facts.append(item.persons.joined(separator: " ")) }
        return facts.joined(separator: " · ")
    }

    public static let confidentiality = "Vertrouwelijk: alleen voor de genodigden. Personen en casussen staan in deze agenda met hun code, "
        + "nooit met hun naam."

    /// The agenda in Markdown.
    public var markdown: String {
        var lines = ["# \(ExportText.markdown(meeting.title)) — \(when)", ""]
        lines.append("- Plaats: \(ExportText.markdown(meeting.location))")
        if !meeting.chair.isEmpty { lines.append("- Voorzitter: \(ExportText.markdown(meeting.chair))") }
        lines.append("- Status: \(statusLabel)")
        if let partner { lines.append("- Agenda voor: \(ExportText.markdown(partner))") }
        let planned = items.reduce(0) { $0 + $1.minutesAllotted }
        lines.append("- Gepland: \(planned) van \(meeting.lengthMinutes) minuten")
        lines.append("")
        if items.isEmpty { lines.append("Nog geen agendapunten.") }
        for (index, item) in items.enumerated() {
            lines.append("## \(index + 1). \(ExportText.markdown(item.title)) (\(item.minutesAllotted) min)")
            var facts: [String] = []
            if let about = Self.about(item) { facts.append("Over: \(ExportText.markdown(about))") }
            if !item.broughtBy.isEmpty { facts.append("Brengt in: \(ExportText.markdown(item.broughtBy))") }
            if !item.invited.isEmpty { facts.append("Ook uitgenodigd: \(item.invited.map(ExportText.markdown).joined(separator: ", "))") }
            if !item.question.isEmpty { facts.append("Vraag aan de tafel: \(ExportText.markdown(item.question))") }
            if !facts.isEmpty { lines.append("") }
            lines += facts.map { "- " + $0 }
            lines.append("")
        }
        lines.append("---")
        lines.append("")
        lines.append(Self.confidentiality)
        return lines.joined(separator: "\n") + "\n"
    }
}
