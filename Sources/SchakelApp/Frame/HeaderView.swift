import SchakelCore
import TerminalKit

/// The top bar: Schakel, the user, their role and workplace, and the date.
enum HeaderView {
    /// With `previousLogin`, its time and origin take the date's place (at start, until a key).
    static func draw(_ context: AppContext, previousLogin: PreviousLogin? = nil, in rect: Rect, on grid: inout Grid) {
        let bar = Style(.reverse)
        grid.fill(rect, style: bar)
        let date = previousLogin?.dutch ?? "\(context.today.dutchWeekday) \(context.today.dutch)"
        let right = (context.isReadOnly ? "ALLEEN-LEZEN · " : "") + (context.isDemo ? "DEMO · " : "") + date + " "
        let rightWidth = DisplayWidth.of(right)
        grid.write(right, in: Rect(x: rect.maxX - rightWidth, y: rect.y, width: rightWidth, height: 1), style: bar)
        let user = context.user
        let nameEnd = grid.write(" Schakel", x: rect.x, y: rect.y, style: bar.adding(.bold))
        let room = rect.maxX - rightWidth - nameEnd - 1
        // The workplace matters more than the spelled-out role: shorten the role first, then leave
        // it out (names like "Procesmanager KMT" say it), and only then show the login.
        let candidates = [
            " │ \(user.displayName) · \(user.role.label) · \(user.workplace)",
            " │ \(user.displayName) · \(user.role.shortLabel) · \(user.workplace)",
            " │ \(user.displayName) · \(user.workplace)",
            " │ \(user.login) · \(user.role.shortLabel) · \(user.workplace)",
        ]
        let who = candidates.first { DisplayWidth.of($0) <= room } ?? candidates[3]
        grid.write(TextFitting.fit(who, width: room), x: nameEnd, y: rect.y, style: bar)
    }
}

/// The numbered tabs. The active one is bracketed and reversed, so it shows without colour.
enum TabsView {
    static func draw(active: Tab, tabs: [Tab], in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        // Full names with a space between; else full names closer together; else full names with
        // one space between and none around; else shortened.
        let fullWidth = tabs.reduce(0) { $0 + DisplayWidth.of(label(for: $1, active: active, short: false)) }
        let compactWidth = tabs.reduce(tabs.count - 1) { $0 + DisplayWidth.of(label(for: $1, active: active, short: false, padded: false)) }
        let fits = fullWidth <= rect.width
        let compact = !fits && compactWidth <= rect.width
        let spaced = fullWidth + tabs.count <= rect.width
        var x = rect.x
        for (index, tab) in tabs.enumerated() {
            let text = label(for: tab, active: active, short: !fits && !compact, padded: !compact)
            let style = tab == active ? Style([.reverse, .bold]) : Style()
            x = grid.write(text, x: x, y: rect.y, style: style, maxX: rect.maxX)
            if spaced || (!fits && !compact) || (compact && index < tabs.count - 1) { x = grid.write(" ", x: x, y: rect.y, maxX: rect.maxX) }
        }
    }

    private static func label(for tab: Tab, active: Tab, short: Bool, padded: Bool = true) -> String {
        let name = short && tab != active ? String(tab.label.prefix(4)) + "." : tab.label
        if tab == active { return "[\(tab.rawValue) \(name)]" }
        return padded ? " \(tab.rawValue) \(name) " : "\(tab.rawValue) \(name)"
    }
}

/// The bottom line: a question waiting for a key; else a message when there is one; else a
/// standing reminder of the pane; otherwise the keys that work here.
enum StatusLineView {
    static func draw(_ state: AppState, in rect: Rect, on grid: inout Grid) {
        draw(state.tab.feature, state, in: rect, on: &grid)
    }

    private static func draw<F: PaneFeature>(_ pane: F.Type, _ state: AppState, in rect: Rect, on grid: inout Grid) {
        let paneState = state[keyPath: F.state]
        let isClosed = F.closedNote(for: state.context.user) != nil
        // The offer waits for a key, so it is never hidden behind a message.
        if !isClosed, let prompt = F.prompt(paneState) {
            grid.write(prompt, in: rect, style: Style(.bold, tone: .warning).adding(.reverse))
            return
        }
        if let message = state.status {
            let text = (message.isError ? " Fout: " : " ") + message.text
            grid.write(text, in: rect, style: message.isError ? Style(.bold, tone: .danger) : Style(.bold))
            return
        }
        if !state.isShowingHelp && state.records.isEmpty && !isClosed, let reminder = F.reminder(paneState) {
            // Stays until the VTT report is recorded: the route blocks every other step meanwhile.
            grid.write(reminder, in: rect, style: Style(.bold, tone: .danger).adding(.reverse))
            return
        }
        let hints: String
        if state.isShowingHelp {
            hints = "↑↓ scrollen  Esc/? sluit de hulp"
        } else if case .timeline(let timeline)? = state.records.top {
            hints = TimelineView.hints(timeline)
        } else if case .persons(let persons)? = state.records.top {
            hints = PersonsView.hints(persons, user: state.context.user)
        } else if isClosed {
            hints = "1-\(Tab.tabs(for: state.context.user).count) tabblad  ? hulp  q stoppen"
        } else {
            hints = F.hints(paneState)
        }
        grid.write(" " + hints, in: rect, style: Style(.reverse))
    }
}

/// Shown instead of the frame when the terminal is smaller than the minimum.
enum TooSmallView {
    static func draw(size: Size, on grid: inout Grid) {
        let minimum = FrameLayout.minimumSize
        let lines = [
            "Venster te klein",
            "Nu \(size.width)×\(size.height), minimaal \(minimum.width)×\(minimum.height).",
            "Maak het venster groter; q stopt.",
        ]
        let box = grid.bounds.centered(Size(width: size.width, height: lines.count))
        for (index, line) in lines.enumerated() where index < box.height {
            grid.write(line, in: box.row(index), style: index == 0 ? Style(.bold) : .plain, alignment: .center)
        }
    }
}
