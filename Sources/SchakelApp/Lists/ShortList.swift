import TerminalKit

/// A short list held whole (a waiting list, an advice, an export menu, contact persons).
enum ShortList {
    /// The selection in a short list (all of it held) after a movement key; unchanged for others.
    static func moved(_ selected: Int, by key: Key, count: Int) -> Int {
        let last = max(0, count - 1)
        switch key {
        case .down, .character("j"): return min(selected + 1, last)
        case .up, .character("k"): return max(selected - 1, 0)
        case .home, .character("g"): return 0
        case .end, .character("G"): return last
        default: return selected
        }
    }
}
