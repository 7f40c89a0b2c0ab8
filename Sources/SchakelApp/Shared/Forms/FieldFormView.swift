import Meldroute
import TerminalKit

/// A form of fields (a route step's, an agenda item's): its title, a label column and the inputs
/// beside it, scrolled to keep the focused field in view.
enum FieldFormView {
    /// The form with what is wrong with it (in bold, with a "!") above it.
    static func draw(_ form: EventForm, problem: String?, in rect: Rect, on grid: inout Grid) {
        var top = rect.y
        if let problem {
            for part in TextFitting.wrap("! " + problem, width: rect.width - 2).prefix(3) {
                grid.write(part, x: rect.x + 1, y: top, style: Style(.bold, tone: .danger), maxX: rect.maxX - 1)
                top += 1
            }
        }
        draw(form, from: top, in: Rect(x: rect.x, y: top, width: rect.width, height: rect.maxY - top),
             on: &grid)
    }

    static func draw(_ form: EventForm, from top: Int, in pane: Rect, on grid: inout Grid) {
        if form.onTop == .discardQuestion {
            grid.write(" " + YesNoQuestion.prompt("‘\(form.event.label)’ weggooien?"),
                       in: Rect(x: pane.x, y: top, width: pane.width, height: 1), style: Style(.bold, tone: .warning).adding(.reverse))
        } else {
            grid.write(" " + form.event.label, x: pane.x, y: top, style: .bold, maxX: pane.maxX)
        }
        let layout = FieldFormLayout(form, width: pane.width)
        let body = (top + 2)..<max(top + 2, pane.maxY)
        let first = layout.firstRow(showing: form.field, height: body.count)
        for (index, (definition, input)) in zip(form.event.fields, form.inputs).enumerated() {
            let placement = layout.placements[index]
            let y = body.lowerBound + placement.row - first
            let focused = index == form.field
            if body.contains(y) {
                let text = (focused ? "› " : "  ") + FieldFormLayout.label(definition)
                grid.write(TextFitting.fit(text, width: layout.labelWidth), x: pane.x, y: y, style: focused ? .bold : .plain,
                           maxX: pane.x + layout.labelWidth)
            }
            let inputY = body.lowerBound + placement.inputRow - first
            if let flow = placement.flow {
                flow.draw(at: pane.x + placement.inputX, y: inputY, cursor: focused ? input.optionCursor : nil, visibleRows: body,
                          on: &grid)
            } else if body.contains(inputY) {
                draw(input, part: focused ? form.part : nil, x: pane.x + placement.inputX, y: inputY, width: placement.inputWidth,
                     on: &grid)
            }
        }
        // Fields above or below the pane: said on the title row, so that nothing seems missing.
        let above = first > 0, below = layout.totalRows - first > body.count
        if above || below {
            let more = (above ? "↑" : "") + (below ? "↓" : "") + " meer velden "
            let width = DisplayWidth.of(more)
            grid.write(more, x: pane.maxX - width, y: top, style: Style(.dim, tone: .muted), maxX: pane.maxX)
        }
    }

    private static func draw(_ input: FieldInput, part: Int?, x: Int, y: Int, width: Int, on grid: inout Grid) {
        func field(_ value: TextField, at x: Int, width: Int, focused: Bool) -> Int {
            let shown = value.visible(width: width)
            let end = grid.write(shown.text, x: x, y: y, maxX: x + width)
            if focused {
                let cell = grid[x + shown.cursorColumn, y]
                grid.write(cell.isContinuation ? " " : cell.text, x: x + shown.cursorColumn, y: y, style: .reverse)
            }
            return max(end, x + shown.cursorColumn + 1)
        }
        let focused = part != nil
        switch input {
        case .text(let value): _ = field(value, at: x, width: width, focused: focused)
        case .date(let value):
            // One column more than the text, for the cursor after it.
            let end = field(value.field, at: x, width: 11, focused: focused)
            grid.write("  dd-mm-jjjj", x: end, y: y, style: Style(.dim, tone: .muted), maxX: x + width)
        case .dateTime(let date, let time):
            _ = field(date.field, at: x, width: 11, focused: part == 0)
            _ = field(time.field, at: x + 12, width: 6, focused: part == 1)
            grid.write("dd-mm-jjjj uu:mm", x: x + 20, y: y, style: Style(.dim, tone: .muted), maxX: x + width)
        case .choice, .choices:
            break  // drawn as an OptionFlow by drawForm
        case .boolean(let toggle):
            grid.write(toggle.isOn ? "[x] ja" : "[ ] nee", x: x, y: y, style: focused ? .reverse : .plain, maxX: x + width)
        }
    }
}
