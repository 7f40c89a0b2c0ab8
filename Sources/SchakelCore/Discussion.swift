import Meldroute

/// A signal or case that a route decision or a case step marked for a kind of table, and that is
/// on no agenda yet. Shows only what an agenda may show: the code, the persons' pseudonym codes,
/// the forms of exploitation and the municipality; never a name, never the description.
public struct WaitingDiscussion: Hashable, Sendable {
    public let id: Int64
    public let subject: TimelineSubject
    public let code: String
    public let kind: MeetingKind
    public let municipality: String
    public let forms: ExploitationForms
    /// The persons' pseudonym codes.
    public let persons: [String]
    /// Why it must go to the table, as the step recorded it.
    public let reason: String
    public let requestedAt: LocalDateTime

    public init(id: Int64, subject: TimelineSubject, code: String, kind: MeetingKind, municipality: String, forms: ExploitationForms,
                persons: [String], reason: String, requestedAt: LocalDateTime) {
        self.id = id
        self.subject = subject
        self.code = code
        self.kind = kind
        self.municipality = municipality
        self.forms = forms
        self.persons = persons
        self.reason = reason
        self.requestedAt = requestedAt
    }

    /// Calendar days waited by `today`.
    public func daysWaited(by today: CivilDate) -> Int { max(0, today.daysSinceEpoch - requestedAt.date.daysSinceEpoch) }
}
