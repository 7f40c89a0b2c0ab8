/// A count as it may be published: shown, or kept back — because it is small enough to point at a
/// person, or to protect one that is (`JointSuppression`).
public enum PublishedCount: Hashable, Sendable {
    case shown(Int)
    /// Below the threshold: shown as `<5`. From 1 to the threshold − 1, or now and then a 0 that
    /// protects another.
    case small
    /// Kept back to protect a small count elsewhere: shown as `x`, any number.
    case withheld

    public var isSuppressed: Bool { value == nil }

    /// The number, when shown.
    public var value: Int? {
        if case .shown(let number) = self { return number }
        return nil
    }

    /// `12`, `<5` or `x`.
    public func text(threshold: Int) -> String {
        switch self {
        case .shown(let number): return String(number)
        case .small: return "<\(threshold)"
        case .withheld: return "x"
        }
    }
}
