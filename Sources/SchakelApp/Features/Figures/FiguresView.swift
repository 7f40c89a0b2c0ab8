import TerminalKit

/// Tab 5, Cijfers, for now: says what is coming.
enum FiguresView {
    static func draw(_ state: FiguresState, in pane: Rect, on grid: inout Grid) {
        PlaceholderView.draw(title: FiguresFeature.title, coming: FiguresState.coming, in: pane, on: &grid)
    }
}
