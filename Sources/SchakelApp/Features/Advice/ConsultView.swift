import Meldroute
import SchakelCore
import TerminalKit

/// The consults: the line that says which of tab 6's two lists is shown, the list (open ones first,
/// then the closed ones newest first; a code, the asker's kind and the forms — never a name), and an
/// opened consult with its question, advice, outcome and history.
enum ConsultView {
    /// "[Consulten]  Activiteiten": the shown list in brackets (and bold), so no colour is needed.
    static func drawSwitch(_ state: AdviceState, in rect: Rect, on grid: inout Grid) {
        let consults = state.consults.map { "Consulten (\($0.open.count) open)" } ?? "Consulten"
        let names = [(consults, state.shown == .consults), ("Activiteiten", state.shown == .activities)]
        var x = rect.x + 1
        for (name, isShown) in names {
            let text = isShown ? "[\(name)]" : " \(name) "
            grid.write(text, x: x, y: rect.y, style: isShown ? Style([.bold, .underline]) : .plain, maxX: rect.maxX)
            x += text.count + 2
        }
    }

    static func drawList(_ state: AdviceState, context: AppContext, in rect: Rect, on grid: inout Grid) {
        guard let (list, body) = AdviceView.frame(state.consults, problem: state.consultProblem, loading: "Consulten laden…",
                                                  summary: { summary($0, today: context.today) }, isEmpty: { $0.all.isEmpty },
                                                  empty: "Nog geen consulten. n registreert er een: wie vroeg, waarover, en het gegeven advies.",
                                                  in: rect, on: &grid) else { return }
        let rows = list.all
        let columns = [
            TableColumn("Code", width: .fixed(10), priority: 10), TableColumn("Gevraagd", width: .fixed(10), priority: 10),
            TableColumn("Vrager", width: .flexible(minimum: 9), priority: 9), TableColumn("Gemeente", width: .fixed(14), priority: 9),
            TableColumn("Vormen", width: .fixed(11), priority: 5), TableColumn("Stand", width: .fixed(12), priority: 10),
        ]
        let height = max(0, body.height - 1)
        let top = max(0, min(state.consultSelected - height + 1, rows.count - height))
        let cells = rows.dropFirst(top).prefix(height).map { consult -> [TableCell] in
            [TableCell(consult.code), TableCell(consult.askedAt.date.dutch), TableCell(consult.askerKind.rawValue),
             TableCell(consult.municipality.name), TableCell(consult.forms.shortLabel),
             TableCell(standing(consult, context: context), style: consult.isOpen ? .bold : .plain)]
        }
        TableView(columns: columns, rows: Array(cells), selected: state.consultSelected - top).draw(in: body, on: &grid)
    }

    /// An open consult's state ("gevraagd", "beantwoord"); a closed one's outcome ("→ signaal").
    static func standing(_ consult: ConsultSummary, context: AppContext) -> String {
        switch consult.outcome {
        case .signal?: return "→ signaal"
        case let outcome?: return outcome.label
        case nil: return (context.consultWorkflow?.label(ofState: consult.state) ?? consult.state).lowercased()
        }
    }

    /// "Consulten · 4 open · 2026: 31 gevraagd, 5 werden een signaal"
    static func summary(_ list: ConsultList, today: CivilDate) -> String {
        let thisYear = list.all.filter { $0.askedAt.date.year == today.year }
        let signals = thisYear.filter { $0.outcome == .signal }.count
        return "Advies en consult · \(list.open.count) open · \(today.year): \(thisYear.count) gevraagd, \(signals) omgezet in een signaal"
    }

    static func drawDetail(_ consult: Consult, context: AppContext, in rect: Rect, on grid: inout Grid) {
        let summary = consult.summary
        let state = context.consultWorkflow?.label(ofState: summary.state) ?? summary.state
        grid.write(" Consult \(summary.code) · \(summary.municipality.name) · \(state)", x: rect.x, y: rect.y,
                   style: Style([.bold, .underline]), maxX: rect.maxX)
        let width = max(1, rect.width - 2)
        var lines: [(String, Style)] = []
        // A label's text wraps under itself, beside the labels' column.
        func add(_ label: String, _ text: String, indent: Int = 11) {
            for (index, line) in TextFitting.wrap(text, width: max(1, width - indent)).enumerated() {
                lines.append(((index == 0 ? label.padding(toLength: indent, withPad: " ", startingAt: 0) : String(repeating: " ", count: indent)) + line,
                              .plain))
            }
        }
        let name = consult.askerName.isEmpty ? "" : " (\(consult.askerName))"
        add("Gevraagd:", "\(summary.askedAt.date.dutch) \(LocalDateTime.clock(summary.askedAt)) door \(summary.askerKind.label), "
            + consult.askerOrganisation + name)
        add("Vormen:", summary.forms.members.isEmpty ? "niet genoemd" : summary.forms.label)
        add("Vraag:", consult.question)
        add("Advies:", consult.advice.isEmpty ? "nog niet gegeven" : consult.advice)
        if let outcome = summary.outcome {
            let detail: String
            switch outcome {
            case .noFollowUp: detail = "geen vervolg nodig"
            case .referred: detail = "doorverwezen naar " + (consult.referredTo.isEmpty ? "een organisatie" : consult.referredTo)
            case .signal: detail = "omgezet in signaal " + (consult.signalCode ?? "")
            }
            add("Uitkomst:", detail)
        }
        lines.append(("", .plain))
        lines.append(("Geschiedenis", .bold))
        for step in consult.steps.reversed() {
            add("\(step.at.date.dutch) \(LocalDateTime.clock(step.at))", "\(step.author): \(step.text)", indent: 17)
        }
        for (offset, line) in lines.prefix(max(0, rect.height - 2)).enumerated() {
            grid.write(line.0, x: rect.x + 1, y: rect.y + 2 + offset, style: line.1, maxX: rect.maxX - 1)
        }
    }

    /// The opened consult's steps by letter, as far as its workflow allows now.
    static func hints(_ open: OpenConsult) -> String {
        let steps = open.steps.map { "\($0.key) \($0.event.label.lowercased())" }
        return (steps + ["Esc terug"]).joined(separator: "  ")
    }
}
