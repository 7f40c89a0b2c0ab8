import Meldroute

/// A meeting's minutes as they leave Schakel: per agenda item what it was about (codes only, as on
/// the agenda), the summary, the decisions and the action items with their owner, date and state.
public struct MinutesDocument: Hashable, Sendable {
    public let meeting: Meeting
    public let items: [AgendaItem]
    public let actions: [ActionItem]
    public let statusLabel: String

    public init(meeting: Meeting, items: [AgendaItem], actions: [ActionItem], statusLabel: String) {
        self.meeting = meeting
        self.items = items
        self.actions = actions
        self.statusLabel = statusLabel
    }

    public static let confidentiality = "Vertrouwelijk: alleen voor de deelnemers. Personen en casussen staan in dit verslag met hun "
        + "code, nooit met hun naam."

    /// The minutes in Markdown.
    public var markdown: String {
        let agenda = AgendaDocument(meeting: meeting, items: items, partner: nil, statusLabel: statusLabel)
        var lines = ["# Verslag \(ExportText.markdown(meeting.title)) — \(agenda.when)", ""]
        lines.append("- Plaats: \(ExportText.markdown(meeting.location))")
        if !meeting.chair.isEmpty { lines.append("- Voorzitter: \(ExportText.markdown(meeting.chair))") }
        if !meeting.invited.isEmpty { lines.append("- Uitgenodigd: \(meeting.invited.map(ExportText.markdown).joined(separator: ", "))") }
        lines.append("- Status: \(statusLabel)")
        lines.append("")
        if items.isEmpty { lines.append("Geen agendapunten.") }
        for (index, item) in items.enumerated() {
            lines.append("## \(index + 1). \(ExportText.markdown(item.title))")
            lines.append("")
            lines += section(item, actions: actions.filter { $0.agendaItemID == item.id })
        }
        let others = actions.filter { action in !items.contains { $0.id == action.agendaItemID } }
        if !others.isEmpty {
            lines.append("## Overige acties")
            lines.append("")
            lines += others.map(Self.line)
            lines.append("")
        }
        lines.append("---")
        lines.append("")
        lines.append(Self.confidentiality)
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(_ item: AgendaItem, actions: [ActionItem]) -> [String] {
        var lines: [String] = []
        if let about = AgendaDocument.about(item) { lines.append("- Over: \(ExportText.markdown(about))") }
        if !item.question.isEmpty { lines.append("- Vraag aan de tafel: \(ExportText.markdown(item.question))") }
        if !lines.isEmpty { lines.append("") }
        let hasMinutes = !item.summary.isEmpty || !item.decisions.isEmpty || !actions.isEmpty
        if !hasMinutes { return lines + ["Geen verslag.", ""] }
        if !item.summary.isEmpty { lines += [ExportText.markdown(item.summary), ""] }
        if !item.decisions.isEmpty {
            lines.append("Besluiten:")
            lines.append("")
            lines += item.decisions.map { "- " + ExportText.markdown($0) }
            lines.append("")
        }
        if !actions.isEmpty {
            lines.append("Acties:")
            lines.append("")
            lines += actions.map(Self.line)
            lines.append("")
        }
        return lines
    }

    /// "- Huisvesting regelen — Zorgcoördinator KMT, uiterlijk 15-12-2026 (open)"
    static func line(_ action: ActionItem) -> String {
        let about = action.subjectCode.map { " (\(ExportText.markdown($0)))" } ?? ""
        return "- \(ExportText.markdown(action.description))\(about) — \(ExportText.markdown(action.owner)), "
            + "uiterlijk \(action.due.dutch) (\(action.isDone ? "afgerond" : "open"))"
    }
}
