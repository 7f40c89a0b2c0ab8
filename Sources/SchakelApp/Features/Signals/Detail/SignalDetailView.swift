import SchakelCore
import TerminalKit

/// The read-only detail of one signal. Names appear here, and only here.
enum SignalDetailView {
    struct Line: Hashable {
        var text: String
        var style: Style = .plain
    }

    static func draw(_ state: SignalDetailState, context: AppContext, in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        let (title, body) = rect.splitTop(1)
        let summary = state.detail.summary
        grid.write(" Signaal \(summary.code) (alleen lezen)", in: title, style: Style([.bold, .underline]))
        let lines = self.lines(state.detail, context: context, width: body.width - 2)
        let scroll = clampedScroll(state.scroll, lineCount: lines.count, height: body.height)
        for (offset, line) in lines.dropFirst(scroll).prefix(body.height).enumerated() {
            Highlighter.write(line.text, terms: state.highlight, x: body.x + 1, y: body.y + offset, style: line.style,
                              maxX: body.maxX - 1, on: &grid)
        }
        let more = [scroll > 0 ? "▲" : "", scroll + body.height < lines.count ? "▼" : ""].joined()
        if !more.isEmpty {
            let label = more + " meer "
            let width = DisplayWidth.of(label)
            grid.write(label, in: Rect(x: title.maxX - width, y: title.y, width: width, height: 1), style: Style([.bold, .underline]))
        }
    }

    static func clampedScroll(_ scroll: Int, lineCount: Int, height: Int) -> Int {
        max(0, min(scroll, lineCount - height))
    }

    /// The detail text, wrapped to `width` columns.
    static func lines(_ detail: SignalDetail, context: AppContext, width: Int) -> [Line] {
        let summary = detail.summary
        let labelWidth = 15
        var lines: [Line] = []
        func field(_ label: String, _ value: String, _ style: Style = .plain) {
            let wrapped = TextFitting.wrap(value.isEmpty ? "—" : value, width: max(10, width - labelWidth - 1))
            for (index, part) in wrapped.enumerated() {
                let prefix = index == 0 ? label + ":" : ""
                lines.append(Line(text: TextFitting.pad(prefix, toWidth: labelWidth + 1) + part, style: style))
            }
        }
        func heading(_ text: String) {
            lines.append(Line(text: ""))
            lines.append(Line(text: text, style: Style([.bold, .underline])))
        }
        field("Ontvangen", summary.receivedAt.dutch)
        field("Gemeente", summary.municipality)
        field("Vormen", summary.forms.label)
        field("Status", context.workflow.label(ofState: summary.state))
        if case .due(let label, let due, let left) = DeadlineStanding.of(summary, context: context) {
            let text = left < 0 ? "\(label): \(due.dutch), \(-left) werkdag(en) te laat" : "\(label): \(due.dutch), nog \(left) werkdag(en)"
            field("Termijn", text, left < 0 ? Style(.bold, tone: .danger) : .plain)
        }
        field("Acuut", summary.acute ? "ja" : "nee", summary.acute ? .bold : .plain)
        field("Minderjarige", summary.minorInvolved ? "ja" : "nee", summary.minorInvolved ? .bold : .plain)
        if summary.acute || summary.minorInvolved {
            lines.append(Line(text: "! Acuut of minderjarige: altijd direct melden bij Veilig Thuis Twente.", style: Style(.bold, tone: .warning)))
        }
        field("Bron", detail.source.label)
        field("Melder", [detail.reporterType.label, detail.reporterName, detail.reporterOrganisation]
            .filter { !$0.isEmpty }.joined(separator: ", "))
        field("Locatie", detail.location)
        heading("Betrokkenen")
        if detail.persons.isEmpty { lines.append(Line(text: "Geen personen vastgelegd.")) }
        for person in detail.persons {
            let year = person.birthYear.map(String.init) ?? "----"
            let code = person.code.isEmpty ? "" : person.code + "  "
            let name = person.initials.isEmpty && person.fullName.isEmpty ? "(vernietigd)" : person.fullName
            lines.append(Line(text: "\(code)\(TextFitting.pad(person.initials, toWidth: 6)) \(year)  \(person.role.label): \(name)"))
        }
        heading("Beschrijving")
        if let destruction = detail.destruction {
            for part in TextFitting.wrap(destruction, width: max(10, width)) { lines.append(Line(text: part, style: .bold)) }
        } else {
            for part in TextFitting.wrap(detail.description, width: max(10, width)) { lines.append(Line(text: part)) }
        }
        return lines
    }
}
