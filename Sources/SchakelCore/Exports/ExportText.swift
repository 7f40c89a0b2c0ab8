import TextSafety

/// What stored text becomes in a file that leaves Schakel: one neutraliser per format, used by every
/// writer. Whatever the format, no control character (C0, DEL, C1, NUL), no bidi control and no
/// other invisible format character reaches the file as it is: each is replaced by the marker the
/// screen shows (`UnsafeScalars`: ␛ for ESC, � for a bidi override…), so a reader sees that
/// something was there. A tab becomes a space. Line breaks are kept only where the format carries
/// them safely (inside a quoted CSV cell, as `\n` in a calendar or card); elsewhere they become a
/// space.
public enum ExportText {
    /// The text on one line: line breaks and tabs a space, every other unsafe scalar its marker.
    public static func line(_ text: String) -> String {
        neutralised(text, lineBreak: " ")
    }

    /// Line breaks (CRLF, CR, LF) as `lineBreak`, tabs as spaces, every other unsafe scalar its
    /// marker; and a combining mark on a punctuation character or a space, or at the start, gets a
    /// dotted circle (◌) of its own to sit on, so that a quote, a separator or a `<` (the text's own
    /// or the writer's before it) stays a character of its own for a reader that reads characters
    /// rather than scalars (a spreadsheet, a CSV reader).
    public static func neutralised(_ text: String, lineBreak: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            // A mark that starts the text would sit on the writer's separator, quote or `>` before it.
            if StrayMarks.isStray(scalar, after: result.last) { result.append("\u{25CC}") }
            switch scalar {
            case "\r":
                if pending == "\n" { pending = scalars.next() }
                result.append(contentsOf: lineBreak.unicodeScalars)
            case "\n":
                result.append(contentsOf: lineBreak.unicodeScalars)
            case "\t":
                result.append(" ")
            default:
                result.append(UnsafeScalars.marker(for: scalar) ?? scalar)
            }
        }
        return String(result)
    }

    // MARK: Markdown

    /// Text inside a Markdown line: one line, with a backslash before every character that could
    /// start emphasis, code, a link, HTML, a heading, a quote, a table cell or a strikethrough, and
    /// before what would start a list, a fence or a rule where the text starts a line.
    public static func markdown(_ text: String) -> String {
        // Scalar by scalar: a `|` with a combining mark on it is one character, but still a `|`.
        var result = String.UnicodeScalarView()
        for scalar in line(text).unicodeScalars.drop(while: { $0 == " " }) {
            if "\\`*_[]<>#|~".unicodeScalars.contains(scalar) { result.append("\\") }
            result.append(scalar)
        }
        return escapingLineStart(String(result))
    }

    /// A leading `-`, `+`, `=` (a list item, a rule, a heading's underline) or a number followed by
    /// `.` or `)` (an ordered list) is escaped.
    static func escapingLineStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "-+=".contains(first) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = text.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }

    // MARK: CSV

    /// One CSV cell as Dutch Excel reads it (`;`-separated): line breaks kept as LF inside quotes;
    /// a cell that a spreadsheet would take for a formula (starting with `=`, `+`, `-` or `@`, after
    /// any spaces or line breaks) gets a leading `'`, as OWASP advises — and so does a text that
    /// starts with such a `'` of its own, so that `csvValue` gives every text back whole; quoted
    /// when it holds `;`, `"`, a line break or starts with a space.
    public static func csv(_ text: String) -> String {
        var cell = neutralised(text, lineBreak: "\n")
        if needsQuoteMark(Substring(cell).unicodeScalars) { cell = "'" + cell }
        guard cell.unicodeScalars.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" }) || cell.hasPrefix(" ") else { return cell }
        return "\"" + replacing(cell, ["\"": "\"\""]) + "\""
    }

    /// What a cell written by `csv` was: the `'` before a would-be formula taken off again.
    public static func csvValue(_ cell: String) -> String {
        let scalars = Substring(cell).unicodeScalars
        guard scalars.first == "'", needsQuoteMark(scalars.dropFirst()) else { return cell }
        return String(scalars.dropFirst())
    }

    /// Whether a (neutralised) cell needs the writer's `'`: it is a formula to a spreadsheet, or it
    /// starts with a `'` that `csvValue` would take for the writer's. By scalars, as a mark on the
    /// `'` is a character of its own in the file.
    static func needsQuoteMark(_ cell: Substring.UnicodeScalarView) -> Bool {
        // Past any `'`s of the text's own, a formula: each of those needs one more.
        let significant = cell.drop { $0 == "'" }.first { $0 != " " && $0 != "\n" }
        return significant.map { "=+-@".unicodeScalars.contains($0) } ?? false
    }

    // MARK: HTML

    /// Text in an HTML element or a quoted attribute: one line, with `&`, `<`, `>`, `"` and `'` as entities.
    public static func html(_ text: String) -> String {
        replacing(line(text), ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])
    }

    // MARK: iCalendar and vCard

    /// A TEXT value as RFC 5545 §3.3.11 and RFC 6350 §3.4 want it: backslash, semicolon and comma
    /// escaped, line breaks as `\n`.
    public static func calendarText(_ text: String) -> String {
        replacing(neutralised(text, lineBreak: "\n"), ["\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"])
    }

    /// Each scalar of the text that has a replacement, replaced — scalar by scalar, so that a quote
    /// or a `<` with a combining mark on it is replaced all the same.
    static func replacing(_ text: String, _ replacements: [Unicode.Scalar: String]) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replacement = replacements[scalar] { result.append(contentsOf: replacement.unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }

    /// A content line folded at 75 octets (RFC 5545 §3.1, RFC 6350 §3.2): continuation lines start
    /// with a space, and a character (a Unicode scalar) is never split across lines — a long
    /// combining sequence may be, between its characters.
    public static func folded(_ line: String) -> String {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            let limit = parts.isEmpty ? 75 : 74  // a continuation's leading space counts
            if octets + size > limit {
                parts.append(String(current))
                current = String.UnicodeScalarView()
                octets = 0
            }
            current.append(scalar)
            octets += size
        }
        parts.append(String(current))
        return parts.joined(separator: "\r\n ")
    }
}
