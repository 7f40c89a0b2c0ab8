import TerminalKit

/// Tab 4, Sociale kaart, for now: says what is coming.
enum PartnersView {
    static func draw(_ state: PartnersState, in pane: Rect, on grid: inout Grid) {
        PlaceholderView.draw(title: PartnersFeature.title, coming: PartnersState.coming, in: pane, on: &grid)
    }
}
