import CursesTerminal
import TerminalKit

/// What curses hands over, decoded into keys and typed into a one-line field and a text area:
/// whatever arrives, the field keeps to its limit and its cursor to its text, and what the screen
/// then shows holds no control, C1 or bidi character.
///
/// The bytes are read four at a time, little-endian: a value with the top bit set is a curses
/// function key code (its low 16 bits), any other a wide character (its low 21 bits).
enum KeyProperties {
    static func check(_ bytes: [UInt8]) -> String? {
        var field = TextField("", maxLength: 12)
        var area = TextArea("", maxLength: 60)
        var grid = Grid(size: Size(width: 24, height: 6))
        for key in keys(bytes) {
            _ = field.handle(key)
            _ = area.handle(key, width: 20, height: 4)
            if field.text.count > field.maxLength { return "het veld houdt \(field.text.count) tekens, grens \(field.maxLength)" }
            if area.text.count > area.maxLength { return "het tekstvak houdt \(area.text.count) tekens, grens \(area.maxLength)" }
            if !(0...field.text.count).contains(field.cursor) { return "cursor \(field.cursor) buiten de tekst" }
            let shown = field.visible(width: 10)
            grid.write(shown.text, x: 0, y: 0, maxX: 10)
            for (row, line) in area.visible(width: 20, height: 4).lines.enumerated() {
                grid.write(line, x: 0, y: row + 1, maxX: 20)
            }
            for cell in grid.cells {
                if let scalar = RawScalars.first(in: cell.text) { return "het scherm toont \(RawScalars.describe(scalar))" }
            }
        }
        return nil
    }

    static func keys(_ bytes: [UInt8]) -> [Key] {
        stride(from: 0, to: bytes.count - bytes.count % 4, by: 4).map { start in
            let value = bytes[start..<start + 4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            return value & 0x8000_0000 != 0
                ? KeyDecoding.functionKey(Int32(value & 0xFFFF))
                : KeyDecoding.character(value & 0x1F_FFFF)
        }
    }
}
