import Meldroute

/// "Now" in Europe/Amsterdam, injected so that tests and the demo can fix the day.
public protocol Clock: Sendable {
    func now() -> LocalDateTime
}

/// A clock that always says the same moment.
public struct FixedClock: Clock {
    public let moment: LocalDateTime
    public init(_ moment: LocalDateTime) { self.moment = moment }
    public func now() -> LocalDateTime { moment }
}
