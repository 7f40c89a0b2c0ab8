import SchakelCore
import TerminalKit

/// The top bar: Schakel, the user, their role and workplace, and the date.
enum HeaderView {
    private static let weekdays = ["ma", "di", "wo", "do", "vr", "za", "zo"]

    static func draw(_ context: AppContext, in rect: Rect, on grid: inout Grid) {
        let bar = Style(.reverse)
        grid.fill(rect, style: bar)
        let date = "\(weekdays[context.today.isoWeekday - 1]) \(context.today.dutch)"
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
    static func draw(active: Tab, in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        let full = Tab.allCases.map { label(for: $0, active: active, short: false) }
        let fits = full.reduce(0) { $0 + DisplayWidth.of($1) } <= rect.width
        var x = rect.x
        for tab in Tab.allCases {
            let text = label(for: tab, active: active, short: !fits)
            let style = tab == active ? Style([.reverse, .bold]) : Style(tone: tab.isBuilt ? .normal : .muted)
            x = grid.write(text, x: x, y: rect.y, style: style, maxX: rect.maxX)
            x = grid.write(" ", x: x, y: rect.y, maxX: rect.maxX)
        }
    }

    private static func label(for tab: Tab, active: Tab, short: Bool) -> String {
        let name = short && tab != active ? String(tab.label.prefix(4)) + "." : tab.label
        return tab == active ? "[\(tab.rawValue) \(name)]" : " \(tab.rawValue) \(name) "
    }
}

/// The bottom line: a message when there is one, otherwise the keys that work here.
enum StatusLineView {
    static func draw(_ state: AppState, in rect: Rect, on grid: inout Grid) {
        // The offer waits for a key, so it is never hidden behind a message.
        if let offer = state.draftOffer {
            grid.write(offer.prompt, in: rect, style: Style(.bold, tone: .warning).adding(.reverse))
            return
        }
        if let message = state.status {
            let text = (message.isError ? " Fout: " : " ") + message.text
            grid.write(text, in: rect, style: message.isError ? Style(.bold, tone: .danger) : Style(.bold))
            return
        }
        if !state.isShowingHelp && state.search == nil && state.filterPanel == nil && state.timeline == nil && state.route == nil
            && state.registration == nil && state.receipt == nil && state.detail == nil && state.tab == .signals,
           let reminder = state.vttReminder {
            // Stays until the VTT report is recorded: the route blocks every other step meanwhile.
            grid.write(reminder, in: rect, style: Style(.bold, tone: .danger).adding(.reverse))
            return
        }
        grid.write(" " + hints(for: state), in: rect, style: Style(.reverse))
    }

    static func hints(for state: AppState) -> String {
        if state.isShowingHelp { return "↑↓ scrollen  Esc/? sluit de hulp" }
        if state.receipt != nil { return "↑↓ scrollen  Enter/Esc terug naar de lijst" }
        if let search = state.search, state.detail == nil {
            return search.isTyping ? "Enter zoekt  Esc terug" : "↑↓ kiezen  Enter openen  / nieuwe zoekvraag  Esc terug"
        }
        if state.filterPanel != nil { return "Tab/↓ volgende  ←→ kiezen  spatie vinkt  Enter toepassen  x wissen  Esc terug" }
        if let timeline = state.timeline {
            if timeline.note != nil { return "F2 of Ctrl-O opslaan  Esc annuleren  Enter nieuwe regel" }
            return "↑↓ regels  f filter (\(timeline.filterLabel))  n notitie  Home/End  Esc terug"
        }
        if let route = state.route {
            if route.form != nil { return "Tab/↓ volgend veld  ←→ spatie kiezen  F2 of Ctrl-O vastleggen  Esc terug" }
            return "↑↓ kiezen  Enter deze stap  Esc sluiten"
        }
        if let form = state.registration {
            if form.personDialog != nil { return "Enter toevoegen  Esc annuleren  Tab volgend veld" }
            return "Tab/↓ volgend veld  F2 of Ctrl-O opslaan  Esc annuleren  ? hulp"
        }
        if state.detail != nil { return "↑↓ scrollen  a stappen  t tijdlijn  c KMT-casus  Esc terug  ? hulp" }
        if state.tab == .cases { return "↑↓ kiezen  Enter tijdlijn  PgUp/PgDn  1-5 tabblad  ? hulp  q stoppen" }
        if state.tab == .signals {
            return "↑↓ kiezen  Enter openen  a stappen  n nieuw  f filter  o achterstallig  ? hulp"
        }
        return "1-5 tabblad  ? hulp  q stoppen"
    }
}

/// A pane that is not built yet says so plainly.
enum PlaceholderPaneView {
    static func draw(_ tab: Tab, in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        let lines = [
            tab.label,
            "",
            "Dit onderdeel is nog niet gebouwd.",
            "Het komt in een volgende versie van Schakel.",
            "",
            "Druk op 1 voor Signalen.",
        ]
        let box = rect.centered(Size(width: min(rect.width, 50), height: lines.count))
        for (index, line) in lines.enumerated() {
            grid.write(line, in: box.row(index), style: index == 0 ? Style(.bold) : .plain, alignment: .center)
        }
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
