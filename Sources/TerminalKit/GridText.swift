/// Plain-text pictures of a grid, for snapshot tests and diagnostics.
extension Grid {
    /// The characters of each row; wide characters appear once, trailing spaces are kept.
    public func textLines() -> [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width where !self[x, y].isContinuation { line += self[x, y].text }
            return line
        }
    }

    /// One letter per cell for its emphasis: `.` plain, `b` bold, `r` reverse, `u` underline,
    /// `d` dim; a combination shows the first that applies in the order r, b, u, d.
    /// The tone, when not normal, is shown as a capital: `A` accent, `W` warning, `D` danger,
    /// `M` muted, `S` success.
    public func styleLines() -> [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width { line.append(Self.letter(for: self[x, y].style)) }
            return line
        }
    }

    private static func letter(for style: Style) -> Character {
        switch style.tone {
        case .accent: return "A"
        case .warning: return "W"
        case .danger: return "D"
        case .muted: return "M"
        case .success: return "S"
        case .normal: break
        }
        if style.emphasis.contains(.reverse) { return "r" }
        if style.emphasis.contains(.bold) { return "b" }
        if style.emphasis.contains(.underline) { return "u" }
        if style.emphasis.contains(.dim) { return "d" }
        return "."
    }
}
