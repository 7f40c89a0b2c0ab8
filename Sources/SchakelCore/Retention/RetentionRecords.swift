import Meldroute

/// A record whose retention period has passed, as the destruction list shows it: what it is, its
/// code, the day its clock started, the rule — never its content.
public struct RetentionDue: Hashable, Sendable {
    public enum Record: Hashable, Sendable {
        case signal(Int64)
        case kmtCase(Int64)
        case meeting(Int64)
    }

    public let record: Record
    /// The signal's or case's code; a meeting's title and day.
    public let code: String
    /// The day its clock started: the decision, the closing, the meeting.
    public let closedOn: CivilDate
    public let rule: RetentionRule
    /// The first day it may be destroyed.
    public var dueOn: CivilDate { rule.due(from: closedOn) }

    public init(record: Record, code: String, closedOn: CivilDate, rule: RetentionRule) {
        self.record = record
        self.code = code
        self.closedOn = closedOn
        self.rule = rule
    }

    /// "signaal", "casus", "verslag".
    public var kind: String {
        switch record {
        case .signal: "signaal"
        case .kmtCase: "casus"
        case .meeting: "verslag"
        }
    }
}
