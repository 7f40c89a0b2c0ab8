/// A frame: a rectangle of cells that views draw into and the backend shows.
/// Every text written goes through `DisplaySanitizer` and is measured by `DisplayWidth`.
public struct Grid: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Fills `rect` (clipped to the grid) with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        let blank = Cell(" ", style: style)
        for y in clipped.y..<clipped.maxY {
            breakWideCharacter(at: clipped.x, y: y)
            breakWideCharacter(at: clipped.maxX - 1, y: y)
            for x in clipped.x..<clipped.maxX { self[x, y] = blank }
        }
    }

    /// Before column `x` is overwritten: a wide character that `x` is half of loses its other
    /// half too, so the grid never holds half a character.
    private mutating func breakWideCharacter(at x: Int, y: Int) {
        if self[x, y].isContinuation, x > 0 {
            self[x - 1, y] = Cell(" ", style: self[x - 1, y].style)
        }
        if x + 1 < size.width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(" ", style: self[x + 1, y].style)
        }
    }

    /// Writes `text` on row `y` from column `x`, never past `maxX` (exclusive; default the
    /// grid's width). A wide character that would not fit entirely is replaced by a space.
    /// Returns the column after the last one written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, maxX: Int? = nil) -> Int {
        guard y >= 0, y < size.height else { return x }
        let limit = min(maxX ?? size.width, size.width)
        var column = max(0, x)
        if DisplaySanitizer.isPlainASCII(text) {
            for byte in text.utf8 {
                guard column < limit else { break }
                breakWideCharacter(at: column, y: y)
                self[column, y] = Cell(String(UnicodeScalar(byte)), style: style)
                column += 1
            }
            return column
        }
        for character in DisplaySanitizer.sanitize(text) {
            guard column < limit else { break }
            var glyph = String(character)
            var width = DisplayWidth.of(character)
            if width == 0 {
                // A mark with nothing to combine with: show it on a dotted circle.
                glyph = "\u{25CC}" + glyph
                width = 1
            }
            breakWideCharacter(at: column, y: y)
            if width == 2 && column + 1 >= limit {
                self[column, y] = Cell(" ", style: style)
                column += 1
                break
            }
            if width == 2 { breakWideCharacter(at: column + 1, y: y) }
            self[column, y] = Cell(glyph, style: style)
            if width == 2 { self[column + 1, y] = .continuation(style) }
            column += width
        }
        return column
    }

    /// Writes `text` inside `rect`'s first row, truncated with `…` when it is too wide and
    /// padded with spaces in `style` to the full width.
    public mutating func write(_ text: String, in rect: Rect, style: Style = .plain, alignment: Alignment = .leading) {
        guard !rect.isEmpty else { return }
        let fitted = TextFitting.fit(text, width: rect.width)
        let used = DisplayWidth.of(fitted)
        let offset = alignment == .trailing ? rect.width - used : (alignment == .center ? (rect.width - used) / 2 : 0)
        fill(rect.row(0), style: style)
        write(fitted, x: rect.x + offset, y: rect.y, style: style, maxX: rect.maxX)
    }

    private func clip(_ rect: Rect) -> Rect {
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        let x1 = min(size.width, rect.maxX), y1 = min(size.height, rect.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}

public enum Alignment: Sendable {
    case leading
    case center
    case trailing
}
