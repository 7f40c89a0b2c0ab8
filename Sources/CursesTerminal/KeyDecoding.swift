import CNcursesw
import TerminalKit

/// Curses key codes and wide characters to `Key`.
public enum KeyDecoding {
    public static func functionKey(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_SR: return .shiftUp
        case KEY_SF: return .shiftDown
        case KEY_F0...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return named(code)
        }
    }

    /// Keys curses knows only by name: Ctrl- or Alt-arrows, as terminals send them for word jumps,
    /// and Shift-arrows where the terminal does not send them as scroll keys.
    private static func named(_ code: Int32) -> Key {
        guard let name = keyname(code).map({ String(cString: $0) }) else { return .unknown(Int(code)) }
        switch name {
        case "kLFT3", "kLFT5": return .wordLeft
        case "kRIT3", "kRIT5": return .wordRight
        case "kUP", "kUP2": return .shiftUp
        case "kDN", "kDN2": return .shiftDown
        default: return .unknown(Int(code))
        }
    }

    public static func character(_ value: UInt32) -> Key {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 28: return .control("\\")
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown(Int(value)) }
            return .character(Character(scalar))
        }
    }
}
