import TerminalKit

/// `render(state) -> Grid`: pure, from the state alone.
public enum AppView {
    public static func render(_ state: AppState) -> Grid {
        var grid = Grid(size: state.size)
        guard FrameLayout.isLargeEnough(state.size) else {
            TooSmallView.draw(size: state.size, on: &grid)
            return grid
        }
        let layout = FrameLayout(size: state.size)
        HeaderView.draw(state.context, in: layout.header, on: &grid)
        TabsView.draw(active: state.tab, in: layout.tabs, on: &grid)
        if state.tab == .signals && !state.signalFilter.isEmpty {
            let text = " filter: " + state.signalFilter.summary(workflow: state.context.workflow) + " "
            let width = min(DisplayWidth.of(text), layout.tabs.width / 2)
            grid.write(TextFitting.fit(text, width: width), x: layout.tabs.maxX - width, y: layout.tabs.y, style: Style(.bold, tone: .accent))
        }
        if let panel = state.filterPanel {
            FilterView.draw(panel, in: layout.pane, on: &grid)
        } else if let timeline = state.timeline {
            TimelineView.draw(timeline, in: layout.pane, on: &grid)
        } else if let route = state.route {
            RouteView.draw(route, workflow: state.context.workflow, in: layout.pane, on: &grid)
        } else if let receipt = state.receipt {
            ReceiptView.draw(receipt, in: layout.pane, on: &grid)
        } else if let form = state.registration {
            RegistrationView.draw(form, in: layout.pane, on: &grid)
        } else if let detail = state.detail {
            SignalDetailView.draw(detail, context: state.context, in: layout.pane, on: &grid)
        } else if let search = state.search {
            SearchView.draw(search, in: layout.pane, on: &grid)
        } else if state.tab == .signals {
            InboxView.draw(state.inbox, context: state.context, in: layout.pane, on: &grid)
        } else if state.tab == .cases {
            CasesView.draw(state.cases, context: state.context, in: layout.pane, on: &grid)
        } else {
            PlaceholderPaneView.draw(state.tab, in: layout.pane, on: &grid)
        }
        StatusLineView.draw(state, in: layout.status, on: &grid)
        if state.isShowingHelp {
            HelpView.draw(lines: state.context.helpLines, scroll: state.helpScroll, in: layout.pane, on: &grid)
        }
        return grid
    }
}
