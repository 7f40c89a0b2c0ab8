import Meldroute


/// Where in the key order of the inbox (newest first) a row stands. Opaque to screens.
public struct InboxKey: Hashable, Sendable {
    public let receivedAt: String
    public let id: Int64

    public init(receivedAt: String, id: Int64) {
        self.receivedAt = receivedAt
        self.id = id
    }
}

/// One line of the signal inbox: pseudonymous, no names.
public struct SignalSummary: Hashable, Sendable {
    public let id: Int64
    public let key: InboxKey
    public let code: String
    public let receivedAt: LocalDateTime
    public let municipality: String
    public let forms: ExploitationForms
    /// The workflow state id, e.g. `gemeld`.
    public let state: String
    public let acute: Bool
    public let minorInvolved: Bool

    public init(id: Int64, key: InboxKey, code: String, receivedAt: LocalDateTime, municipality: String,
                forms: ExploitationForms, state: String, acute: Bool, minorInvolved: Bool) {
        self.id = id
        self.key = key
        self.code = code
        self.receivedAt = receivedAt
        self.municipality = municipality
        self.forms = forms
        self.state = state
        self.acute = acute
        self.minorInvolved = minorInvolved
    }
}

/// A person involved in a signal, as the detail screen shows them.
public struct InvolvedPerson: Hashable, Sendable {
    public let initials: String
    public let birthYear: Int?
    public let role: PersonRole
    public let fullName: String

    public init(initials: String, birthYear: Int?, role: PersonRole, fullName: String) {
        self.initials = initials
        self.birthYear = birthYear
        self.role = role
        self.fullName = fullName
    }
}

/// Everything the read-only detail view shows of one signal.
public struct SignalDetail: Hashable, Sendable {
    public let summary: SignalSummary
    public let source: SignalSource
    public let reporterType: ReporterType
    public let reporterName: String
    public let reporterOrganisation: String
    public let location: String
    public let description: String
    public let persons: [InvolvedPerson]

    public init(summary: SignalSummary, source: SignalSource, reporterType: ReporterType, reporterName: String,
                reporterOrganisation: String, location: String, description: String, persons: [InvolvedPerson]) {
        self.summary = summary
        self.source = source
        self.reporterType = reporterType
        self.reporterName = reporterName
        self.reporterOrganisation = reporterOrganisation
        self.location = location
        self.description = description
        self.persons = persons
    }
}

/// Which page of the inbox to fetch, by key — never by offset.
public enum InboxPageRequest: Hashable, Sendable {
    /// The newest rows.
    case first
    /// The oldest rows.
    case last
    /// Rows older than the key.
    case after(InboxKey)
    /// Rows newer than the key.
    case before(InboxKey)
}

/// Rows in inbox order (newest first).
public struct InboxPage: Hashable, Sendable {
    public let rows: [SignalSummary]
    /// Whether rows exist beyond this page in the direction it was fetched.
    public let hasMore: Bool

    public init(rows: [SignalSummary], hasMore: Bool) {
        self.rows = rows
        self.hasMore = hasMore
    }
}

/// Reading signals, with the access policy applied for the acting user.
public protocol SignalReading: Sendable {
    func inboxPage(_ request: InboxPageRequest, limit: Int, for user: User) throws -> InboxPage
    /// The signal, or nil when it does not exist or the user may not see it (indistinguishable).
    func signalDetail(id: Int64, for user: User) throws -> SignalDetail?
}
