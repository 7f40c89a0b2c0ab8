import Meldroute
import SchakelCore
import TerminalKit

/// The route actions of a signal: what is possible now, what is not and why, and the form of the
/// chosen step. Drawn over the pane.
enum RouteView {
    static func draw(_ dialog: RouteDialog, workflow: WorkflowDefinition, in pane: Rect, on grid: inout Grid) {
        grid.fill(pane)
        let state = workflow.label(ofState: dialog.route.instance.state)
        grid.write(" Stappen voor signaal \(dialog.route.code) — nu: \(state)", x: pane.x, y: pane.y,
                   style: Style([.bold, .underline]), maxX: pane.maxX)
        var y = pane.y + 2
        if let problem = dialog.problem {
            for part in TextFitting.wrap("! " + problem, width: pane.width - 2) where y < pane.maxY {
                grid.write(part, x: pane.x + 1, y: y, style: Style(.bold, tone: .danger), maxX: pane.maxX - 1)
                y += 1
            }
            y += 1
        }
        if dialog.isOutOfDate && y < pane.maxY {
            grid.write("  Ctrl-R laadt het signaal opnieuw; wat u invulde moet dan opnieuw.", x: pane.x + 1, y: y, style: .bold,
                       maxX: pane.maxX - 1)
            y += 1
        }
        if let form = dialog.form {
            drawForm(form, from: y, in: pane, on: &grid)
            return
        }
        for (index, option) in dialog.options.enumerated() where y < pane.maxY {
            let selected = index == dialog.highlighted
            let mark = option.isAvailable ? "  " : "× "
            var text = mark + option.event.label
            if let reason = option.unavailable { text += " — " + reason.message }
            let style: Style = selected ? .reverse : option.isAvailable ? .bold : Style(.dim, tone: .muted)
            grid.write(TextFitting.fit(text, width: pane.width - 2), x: pane.x + 1, y: y, style: style, maxX: pane.maxX - 1)
            y += 1
        }
    }

    private static func drawForm(_ form: EventForm, from top: Int, in pane: Rect, on grid: inout Grid) {
        grid.write(" " + form.event.label, x: pane.x, y: top, style: .bold, maxX: pane.maxX)
        func label(_ definition: FieldDefinition) -> String { definition.label + (definition.isRequired ? "" : " (mag leeg)") }
        let labelWidth = min(pane.width / 2, max(16, (form.event.fields.map { DisplayWidth.of(label($0)) }.max() ?? 10) + 3))
        let inputX = pane.x + labelWidth + 1
        let width = max(10, pane.maxX - inputX - 1)
        for (index, (definition, input)) in zip(form.event.fields, form.inputs).enumerated() {
            let y = top + 2 + index
            guard y < pane.maxY else { break }
            let focused = index == form.field
            let text = (focused ? "› " : "  ") + label(definition)
            grid.write(TextFitting.fit(text, width: labelWidth), x: pane.x, y: y, style: focused ? .bold : .plain, maxX: inputX - 1)
            draw(input, part: focused ? form.part : nil, x: inputX, y: y, width: width, on: &grid)
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
        case .choice(let list):
            grid.write("‹ \(list.selected?.label ?? "—") ›", x: x, y: y, style: focused ? .reverse : .plain, maxX: x + width)
        case .choices(let list):
            var column = x
            for (index, option) in list.options.enumerated() {
                let box = (list.chosen.contains(option.id) ? "[x] " : "[ ] ") + option.label
                let style: Style = focused && index == list.highlighted ? .reverse : .plain
                column = grid.write(box, x: column, y: y, style: style, maxX: x + width) + 2
            }
        case .boolean(let toggle):
            grid.write(toggle.isOn ? "[x] ja" : "[ ] nee", x: x, y: y, style: focused ? .reverse : .plain, maxX: x + width)
        }
    }
}
