import Meldroute
import SchakelCore
import TerminalKit

/// The inbox filter (`f`): overdue, route state, municipality (for the region), forms, acute,
/// minor, registered by me.
public struct FilterPanel: Hashable, Sendable {
    enum Row: Int, CaseIterable {
        case saved, overdue, states, municipalities, forms, acute, minor, mine

        var label: String {
            switch self {
            case .saved: return "Bewaard filter"
            case .overdue: return "Achterstallig"
            case .states: return "Status"
            case .municipalities: return "Gemeente"
            case .forms: return "Vormen"
            case .acute: return "Acuut"
            case .minor: return "Minderjarige"
            case .mine: return "Door mij geregistreerd"
            }
        }
    }

    var focus = FocusRing(count: Row.allCases.count, index: Row.overdue.rawValue)
    /// Filters kept by the user and shared by the team; ←/→ on the first row takes one over.
    var saved: [SavedFilter] = []
    var savedIndex = 0
    /// The name being typed to keep this filter (`s`), with whether the team may use it.
    var naming: TextField?
    var share = Toggle()
    var overdue: Toggle
    var states: MultiSelectList
    /// Nil for an AF: their own municipality is all there is.
    var municipalities: MultiSelectList?
    var forms: MultiSelectList
    var acute: Toggle
    var minor: Toggle
    var mine: Toggle

    init(_ filter: SignalFilter, context: AppContext) {
        overdue = Toggle(filter.overdueOnly)
        states = MultiSelectList(context.workflow.states.map { Option(id: $0.id, label: $0.label) }, chosen: filter.states)
        if AccessPolicy.signalScope(for: context.user).spansMunicipalities {
            municipalities = MultiSelectList(Municipality.twente.map { Option(id: String($0.id), label: $0.name) },
                                             chosen: Set(filter.municipalityIDs.map(String.init)))
        }
        forms = MultiSelectList(ExploitationForm.allCases.map { Option(id: String($0.rawValue), label: $0.shortLabel) },
                                chosen: Set(filter.forms.map(String.init)))
        acute = Toggle(filter.acuteOnly)
        minor = Toggle(filter.minorOnly)
        mine = Toggle(filter.mineOnly)
    }

    var row: Row { Row(rawValue: focus.index) ?? .overdue }

    var filter: SignalFilter {
        var filter = SignalFilter()
        filter.overdueOnly = overdue.isOn
        filter.states = states.chosen
        filter.municipalityIDs = Set((municipalities?.chosen ?? []).compactMap { Int64($0) })
        filter.forms = Set(forms.chosen.compactMap { Int($0) })
        filter.acuteOnly = acute.isOn
        filter.minorOnly = minor.isOn
        filter.mineOnly = mine.isOn
        return filter
    }

    enum Outcome: Hashable {
        case stay
        case cancel
        case apply(SignalFilter)
        case save(name: String, SignalFilter, shared: Bool)
    }

    /// Rows without content (no saved filters, no municipality choice) are skipped.
    private func isSkipped(_ row: Row) -> Bool {
        (row == .municipalities && municipalities == nil) || (row == .saved && saved.isEmpty)
    }

    /// Takes over a saved filter's choices, keeping the list of saved filters.
    private mutating func take(_ filter: SignalFilter, context: AppContext) {
        var fresh = FilterPanel(filter, context: context)
        fresh.saved = saved
        fresh.savedIndex = savedIndex
        fresh.focus = focus
        self = fresh
    }

    mutating func handle(_ key: Key, context: AppContext) -> Outcome {
        if var name = naming {
            switch key {
            case .escape: naming = nil
            case .tab: share.handle(.character(" "))
            case .enter:
                let text = name.text.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { return .stay }
                naming = nil
                return .save(name: text, filter, shared: share.isOn)
            default:
                name.handle(key)
                naming = name
            }
            return .stay
        }
        if row == .saved && !saved.isEmpty && (key == .left || key == .right) {
            savedIndex = (savedIndex + (key == .right ? 1 : saved.count - 1)) % saved.count
            take(saved[savedIndex].filter, context: context)
            return .stay
        }
        switch key {
        case .character("s"):
            naming = TextField(maxLength: 60)
            return .stay
        case .escape: return .cancel
        case .enter, .function(2), .control("o"): return .apply(filter)
        case .character("x"): return .apply(SignalFilter())
        case .tab, .down:
            focus.handle(.tab)
            while isSkipped(row) { focus.handle(.tab) }
        case .backTab, .up:
            focus.handle(.backTab)
            while isSkipped(row) { focus.handle(.backTab) }
        default:
            let listKey: Key? = switch key {
            case .left: .up
            case .right: .down
            case .character(" "): key
            default: nil
            }
            switch row {
            case .saved: break
            case .overdue: overdue.handle(key)
            case .acute: acute.handle(key)
            case .minor: minor.handle(key)
            case .mine: mine.handle(key)
            case .states: if let listKey { states.handle(listKey) }
            case .municipalities: if let listKey { municipalities?.handle(listKey) }
            case .forms: if let listKey { forms.handle(listKey) }
            }
        }
        return .stay
    }
}

enum FilterView {
    static func draw(_ panel: FilterPanel, in pane: Rect, on grid: inout Grid) {
        grid.fill(pane)
        grid.write(" Signalen filteren", x: pane.x, y: pane.y, style: Style([.bold, .underline]), maxX: pane.maxX)
        let labelWidth = 24
        var y = pane.y + 2
        for row in FilterPanel.Row.allCases where y < pane.maxY {
            if row == .municipalities && panel.municipalities == nil { continue }
            if row == .saved && panel.saved.isEmpty { continue }
            let focused = panel.row == row
            grid.write((focused ? "› " : "  ") + row.label, x: pane.x, y: y, style: focused ? .bold : .plain, maxX: pane.x + labelWidth)
            let x = pane.x + labelWidth + 1
            switch row {
            case .saved:
                let chosen = panel.saved[panel.savedIndex]
                let text = "‹ \(chosen.name) ›" + (chosen.isOwn ? "" : "  van \(chosen.owner)") + (chosen.isShared && chosen.isOwn ? "  (gedeeld)" : "")
                grid.write(text, x: x, y: y, style: focused ? .reverse : .plain, maxX: pane.maxX)
            case .overdue: toggle(panel.overdue, focused: focused, x: x, y: y, on: &grid)
            case .acute: toggle(panel.acute, focused: focused, x: x, y: y, on: &grid)
            case .minor: toggle(panel.minor, focused: focused, x: x, y: y, on: &grid)
            case .mine: toggle(panel.mine, focused: focused, x: x, y: y, on: &grid)
            case .states: y = boxes(panel.states, focused: focused, x: x, y: y, maxX: pane.maxX, on: &grid)
            case .municipalities: if let list = panel.municipalities { y = boxes(list, focused: focused, x: x, y: y, maxX: pane.maxX, on: &grid) }
            case .forms: y = boxes(panel.forms, focused: focused, x: x, y: y, maxX: pane.maxX, on: &grid)
            }
            y += 1
        }
        if let name = panel.naming {
            let line = min(pane.maxY - 1, y + 1)
            grid.write(" Bewaren als: ", x: pane.x, y: line, style: .bold, maxX: pane.maxX)
            let shown = name.visible(width: 30)
            grid.write(TextFitting.pad(shown.text, toWidth: 31), x: pane.x + 14, y: line, style: .reverse, maxX: pane.maxX)
            grid.write(panel.share.isOn ? "  [x] delen met het team" : "  [ ] delen met het team", x: pane.x + 46, y: line, maxX: pane.maxX)
            return
        }
        grid.write("  Niets aangevinkt = alles · Enter toepassen · s bewaren · x wissen · Esc terug", x: pane.x,
                   y: min(pane.maxY - 1, y + 1), style: Style(.dim, tone: .muted), maxX: pane.maxX)
    }

    private static func toggle(_ toggle: Toggle, focused: Bool, x: Int, y: Int, on grid: inout Grid) {
        grid.write(toggle.isOn ? "[x] alleen deze" : "[ ] maakt niet uit", x: x, y: y, style: focused ? .reverse : .plain)
    }

    /// Boxes wrapping onto more rows when needed; returns the last row used.
    private static func boxes(_ list: MultiSelectList, focused: Bool, x: Int, y: Int, maxX: Int, on grid: inout Grid) -> Int {
        var column = x, row = y
        for (index, option) in list.options.enumerated() {
            let text = (list.chosen.contains(option.id) ? "[x] " : "[ ] ") + option.label
            if column + DisplayWidth.of(text) > maxX { column = x; row += 1 }
            let style: Style = focused && index == list.highlighted ? .reverse : .plain
            column = grid.write(text, x: column, y: row, style: style, maxX: maxX) + 2
        }
        return row
    }
}
