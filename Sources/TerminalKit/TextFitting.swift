/// Fitting text into a number of columns.
public enum TextFitting {
    public static let ellipsis = "…"

    /// The sanitised text cut to at most `width` columns, ending in `…` when it was cut.
    public static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        let safe = DisplaySanitizer.sanitize(text)
        if DisplaySanitizer.isPlainASCII(safe) {
            let count = safe.utf8.count
            if count <= width { return safe }
            return String(safe.utf8.prefix(width - 1))! + ellipsis
        }
        if DisplayWidth.of(safe) <= width { return safe }
        var result = ""
        var used = 0
        for character in safe {
            let w = max(1, DisplayWidth.of(character))
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + ellipsis
    }

    /// Splits text into lines of at most `width` columns, breaking at spaces where possible.
    /// Newlines in the text start a new line; other controls are sanitised.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        // Line breaks are layout here, whether LF or CRLF; every other control stays visible.
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = ""
            var lineWidth = 0
            for word in DisplaySanitizer.sanitize(String(paragraph)).split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                let gap = line.isEmpty ? 0 : 1
                if lineWidth + gap + wordWidth <= width {
                    if gap == 1 { line += " " }
                    line += word
                    lineWidth += gap + wordWidth
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                while wordWidth > width {
                    let head = fitHard(word, width: width)
                    lines.append(head)
                    word = String(word.dropFirst(head.count))
                    wordWidth = DisplayWidth.of(word)
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// The text followed by spaces up to `width` display columns (unchanged when already wider).
    public static func pad(_ text: String, toWidth width: Int) -> String {
        let missing = width - DisplayWidth.of(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }

    private static func fitHard(_ text: String, width: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let w = max(1, DisplayWidth.of(character))
            if used + w > width { break }
            result.append(character)
            used += w
        }
        return result.isEmpty ? String(text.prefix(1)) : result
    }
}
