/// A stretch of cells on one row, all in one style, to be sent to the terminal as one write.
public struct Run: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var text: String
    /// Columns covered, including continuation cells of wide characters.
    public var width: Int
    public var style: Style
}

/// Computes what must be sent to turn one frame into the next.
public enum GridDiff {
    /// The runs that differ between `old` and `new`. With no old frame, or one of another size,
    /// every cell is sent.
    public static func runs(from old: Grid?, to new: Grid) -> [Run] {
        let width = new.size.width
        let comparable = old?.size == new.size ? old : nil
        var runs: [Run] = []
        for y in 0..<new.size.height {
            var x = 0
            while x < width {
                guard needsDrawing(comparable, new, x, y) else { x += 1; continue }
                var start = x
                if new[start, y].isContinuation && start > 0 { start -= 1 }
                let style = new[start, y].style
                var end = start
                var text = ""
                while end < width {
                    let cell = new[end, y]
                    let belongs = end == start || cell.isContinuation
                        || (cell.style == style && needsDrawing(comparable, new, end, y))
                    guard belongs else { break }
                    text += cell.text
                    end += 1
                }
                runs.append(Run(x: start, y: y, text: text, width: end - start, style: style))
                x = end
            }
        }
        return runs
    }

    /// A cell is drawn when it changed, or when it starts a wide character whose right half changed.
    private static func needsDrawing(_ old: Grid?, _ new: Grid, _ x: Int, _ y: Int) -> Bool {
        if differs(old, new, x, y) { return true }
        return x + 1 < new.size.width && new[x + 1, y].isContinuation && differs(old, new, x + 1, y)
    }

    private static func differs(_ old: Grid?, _ new: Grid, _ x: Int, _ y: Int) -> Bool {
        guard let old else { return true }
        return old[x, y] != new[x, y]
    }
}
