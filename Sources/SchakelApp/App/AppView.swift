import TerminalKit

/// `render(state) -> Grid`: pure, from the state alone.
public enum AppView {
    public static func render(_ state: AppState) -> Grid {
        var grid = Grid(size: state.size)
        if state.screenLock.isLocked {
            LockScreenView.draw(state.screenLock, size: state.size, on: &grid)
            return grid
        }
        guard FrameLayout.isLargeEnough(state.size) else {
            TooSmallView.draw(size: state.size, on: &grid)
            return grid
        }
        let layout = FrameLayout(size: state.size)
        HeaderView.draw(state.context, previousLogin: state.showsPreviousLogin ? state.context.previousLogin : nil,
                        in: layout.header, on: &grid)
        TabsView.draw(active: state.tab, tabs: Tab.tabs(for: state.context.user), in: layout.tabs, on: &grid)
        drawTabNote(state.tab.feature, state, in: layout.tabs, on: &grid)
        switch state.records.top {
        case .timeline(let timeline)?: TimelineView.draw(timeline, in: layout.pane, on: &grid)
        case .persons(let persons)?: PersonsView.draw(persons, context: state.context, in: layout.pane, on: &grid)
        case nil: drawPane(state.tab.feature, state, in: layout.pane, on: &grid)
        }
        StatusLineView.draw(state, in: layout.status, on: &grid)
        if state.isShowingHelp {
            HelpView.draw(lines: state.context.helpLines, scroll: state.helpScroll, in: layout.pane, on: &grid)
        }
        return grid
    }

    private static func drawPane<F: PaneFeature>(_ feature: F.Type, _ state: AppState, in pane: Rect, on grid: inout Grid) {
        if let note = F.closedNote(for: state.context.user) {
            grid.fill(pane)
            grid.write(TextFitting.fit(note, width: pane.width), in: pane.centered(Size(width: pane.width, height: 1)), alignment: .center)
            return
        }
        F.draw(state[keyPath: F.state], shell: state.shell, in: pane, on: &grid)
    }

    /// The pane's note (the filter in force) at the right of the tabs row.
    private static func drawTabNote<F: PaneFeature>(_ feature: F.Type, _ state: AppState, in tabs: Rect, on grid: inout Grid) {
        guard let note = F.tabNote(state[keyPath: F.state], context: state.context) else { return }
        let text = " " + note + " "
        let width = min(DisplayWidth.of(text), tabs.width / 2)
        grid.write(TextFitting.fit(text, width: width), x: tabs.maxX - width, y: tabs.y, style: Style(.bold, tone: .accent))
    }
}
