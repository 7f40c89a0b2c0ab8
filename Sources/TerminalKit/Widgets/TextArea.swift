/// Multi-line editable text, wrapped to the width it is shown in, scrolling to keep the cursor in
/// view. Enter starts a new line; Up and Down move by screen row. Pure, like `TextField`.
public struct TextArea: Hashable, Sendable {
    private var lines: [[Character]]
    /// The cursor: a line and a character position in it.
    public private(set) var line = 0
    public private(set) var column = 0
    /// The first screen row shown.
    public private(set) var firstRow = 0
    public let maxLength: Int

    public init(_ text: String = "", maxLength: Int = 20_000) {
        self.maxLength = maxLength
        lines = String(text.prefix(maxLength)).split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if lines.isEmpty { lines = [[]] }
        line = lines.count - 1
        column = lines[line].count
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }
    public var isEmpty: Bool { lines.count == 1 && lines[0].isEmpty }
    private var length: Int { lines.reduce(lines.count - 1) { $0 + $1.count } }

    /// One screen row: a piece of a line.
    struct Row: Hashable {
        let line: Int
        let start: Int
        let end: Int
    }

    /// Handles an editing key for an area `width` columns wide and `height` rows high. Returns false
    /// for keys it leaves to the form (Tab, Esc, ...).
    @discardableResult
    public mutating func handle(_ key: Key, width: Int, height: Int) -> Bool {
        switch key {
        case .character(let character):
            if character.isNewline { return handle(.enter, width: width, height: height) }
            guard character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }), length < maxLength else { return true }
            lines[line].insert(character, at: column)
            column += 1
        case .enter:
            guard length < maxLength else { return true }
            let rest = Array(lines[line][column...])
            lines[line].removeSubrange(column...)
            lines.insert(rest, at: line + 1)
            line += 1
            column = 0
        case .backspace:
            if column > 0 {
                lines[line].remove(at: column - 1)
                column -= 1
            } else if line > 0 {
                column = lines[line - 1].count
                lines[line - 1] += lines[line]
                lines.remove(at: line)
                line -= 1
            }
        case .delete:
            if column < lines[line].count {
                lines[line].remove(at: column)
            } else if line + 1 < lines.count {
                lines[line] += lines[line + 1]
                lines.remove(at: line + 1)
            }
        case .left:
            if column > 0 { column -= 1 } else if line > 0 { line -= 1; column = lines[line].count }
        case .right:
            if column < lines[line].count { column += 1 } else if line + 1 < lines.count { line += 1; column = 0 }
        case .home, .control("a"):
            column = rows(width: width)[cursorRow(width: width)].start
        case .end, .control("e"):
            let row = rows(width: width)[cursorRow(width: width)]
            column = row.end
        case .wordLeft:
            column = TextField.previousWordStart(in: lines[line], from: column)
        case .wordRight:
            column = TextField.nextWordEnd(in: lines[line], from: column)
        case .up:
            moveRows(-1, width: width)
        case .down:
            moveRows(1, width: width)
        case .pageUp:
            moveRows(-max(1, height - 1), width: width)
        case .pageDown:
            moveRows(max(1, height - 1), width: width)
        default:
            return false
        }
        scrollToCursor(width: width, height: height)
        return true
    }

    /// The rows to show and the cursor's place among them (nil when scrolled out of view).
    public func visible(width: Int, height: Int) -> (lines: [String], cursor: (row: Int, column: Int)?) {
        let all = rows(width: width)
        let first = min(firstRow, max(0, all.count - 1))
        let shown = all[first..<min(all.count, first + max(0, height))]
        let texts = shown.map { String(lines[$0.line][$0.start..<$0.end]) }
        let cursorRow = cursorRow(width: width)
        guard (first..<(first + height)).contains(cursorRow) else { return (texts, nil) }
        let row = all[cursorRow]
        return (texts, (cursorRow - first, TextField.width(of: lines[row.line][row.start..<column])))
    }

    // MARK: - Layout

    /// Every line broken into rows of at most `width` columns, at a space where one is near.
    func rows(width: Int) -> [Row] {
        let width = max(2, width)
        var rows: [Row] = []
        for (index, characters) in lines.enumerated() {
            var start = 0
            repeat {
                var end = start
                var used = 0
                var lastSpace: Int?
                while end < characters.count {
                    let next = DisplayWidth.of(characters[end])
                    // One column stays free for the cursor at the end of a row.
                    if used + next > width - 1 { break }
                    if characters[end] == " " { lastSpace = end }
                    used += next
                    end += 1
                }
                if end < characters.count, let space = lastSpace, space > start { end = space + 1 }
                rows.append(Row(line: index, start: start, end: end))
                start = end
            } while start < characters.count
        }
        return rows
    }

    func cursorRow(width: Int) -> Int {
        let all = rows(width: width)
        // At a row's end the cursor belongs to the next row of the same line, if there is one.
        return all.lastIndex { $0.line == line && $0.start <= column } ?? 0
    }

    private mutating func moveRows(_ delta: Int, width: Int) {
        let all = rows(width: width)
        let current = cursorRow(width: width)
        let currentRow = all[current]
        let goal = TextField.width(of: lines[line][currentRow.start..<column])
        let target = all[min(max(0, current + delta), all.count - 1)]
        line = target.line
        var position = target.start
        var used = 0
        while position < target.end {
            let next = DisplayWidth.of(lines[line][position])
            if used + next > goal { break }
            used += next
            position += 1
        }
        // Never land after a row's last character when the next row of the line continues it.
        if position == target.end && target.end < lines[line].count && position > target.start { position -= 1 }
        column = position
    }

    private mutating func scrollToCursor(width: Int, height: Int) {
        let row = cursorRow(width: width)
        if row < firstRow { firstRow = row }
        if row >= firstRow + max(1, height) { firstRow = row - max(1, height) + 1 }
    }
}
