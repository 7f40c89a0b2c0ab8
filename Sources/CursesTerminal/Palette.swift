import CNcursesw
import TerminalKit

/// Styles to curses attributes. Colours only where the terminal has them; every style also
/// carries emphasis, so a monochrome terminal (TERM=vt100) shows the same distinctions.
struct Palette {
    let hasColour: Bool

    static func start() -> Palette {
        guard has_colors() else { return Palette(hasColour: false) }
        start_color()
        use_default_colors()
        init_pair(1, Int16(COLOR_CYAN), -1)
        init_pair(2, Int16(COLOR_YELLOW), -1)
        init_pair(3, Int16(COLOR_RED), -1)
        init_pair(4, Int16(COLOR_GREEN), -1)
        return Palette(hasColour: true)
    }

    func attributes(for style: Style) -> Int32 {
        var value = schakel_a_normal()
        if style.emphasis.contains(.bold) { value |= schakel_a_bold() }
        if style.emphasis.contains(.reverse) { value |= schakel_a_reverse() }
        if style.emphasis.contains(.underline) { value |= schakel_a_underline() }
        if style.emphasis.contains(.dim) || style.tone == .muted { value |= schakel_a_dim() }
        if hasColour {
            switch style.tone {
            case .accent: value |= schakel_color_pair(1)
            case .warning: value |= schakel_color_pair(2)
            case .danger: value |= schakel_color_pair(3)
            case .success: value |= schakel_color_pair(4)
            case .normal, .muted: break
            }
        }
        return value
    }
}
