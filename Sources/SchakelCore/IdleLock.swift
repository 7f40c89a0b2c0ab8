import Meldroute

/// The screen lock for shared offices: its limits, and the previous login shown at start.
public enum IdleLock {
    public static let defaultMinutes = 10
    public static let allowedMinutes = 1...240
}

/// When and from where the user last logged in, from the audit log.
public struct PreviousLogin: Hashable, Sendable {
    public let at: LocalDateTime
    /// The SSH client's address, or "lokaal".
    public let origin: String

    public init(at: LocalDateTime, origin: String) {
        self.at = at
        self.origin = origin
    }

    /// `vorige keer: ma 23-11 14:02 vanaf 10.1.2.3`
    public var dutch: String {
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "vorige keer: \(at.date.dutchWeekday) \(twoDigits(at.date.day))-\(twoDigits(at.date.month)) \(at.clock) vanaf \(origin)"
    }
}
