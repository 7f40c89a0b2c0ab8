import TerminalKit

/// Tab 3, Overleggen, for now: says what is coming.
enum MeetingsView {
    static func draw(_ state: MeetingsState, in pane: Rect, on grid: inout Grid) {
        PlaceholderView.draw(title: MeetingsFeature.title, coming: MeetingsState.coming, in: pane, on: &grid)
    }
}
