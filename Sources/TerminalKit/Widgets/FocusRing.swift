/// Which of a form's fields has the keyboard: Tab moves on, Shift-Tab back, both wrapping round.
public struct FocusRing: Hashable, Sendable {
    public let count: Int
    public private(set) var index: Int

    public init(count: Int, index: Int = 0) {
        self.count = max(1, count)
        self.index = min(max(0, index), self.count - 1)
    }

    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .tab: index = (index + 1) % count
        case .backTab: index = (index + count - 1) % count
        default: return false
        }
        return true
    }

    public mutating func focus(_ index: Int) { self.index = min(max(0, index), count - 1) }
}
