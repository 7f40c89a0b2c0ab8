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
            grid.write("  Ctrl-R laadt het signaal opnieuw; wat u invulde blijft staan.", x: pane.x + 1, y: y, style: .bold,
                       maxX: pane.maxX - 1)
            y += 1
        }
        if let form = dialog.form {
            FieldFormView.draw(form, from: y, in: pane, on: &grid)
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
}
