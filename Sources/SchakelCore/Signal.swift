import Meldroute

/// One line of the signal inbox: pseudonymous, no names.
public struct SignalSummary: Hashable, Sendable {
    public let id: Int64
    public let key: ListKey
    public let code: String
    public let receivedAt: LocalDateTime
    public let municipality: String
    public let forms: ExploitationForms
    /// The workflow state id, e.g. `gemeld`.
    public let state: String
    public let acute: Bool
    public let minorInvolved: Bool
    /// The dates recorded along the route (a review date, say), by event: what deadlines count
    /// from. Only dates: a list carries no free text.
    public let recordedDates: [String: FieldValues]

    public init(id: Int64, key: ListKey, code: String, receivedAt: LocalDateTime, municipality: String,
                forms: ExploitationForms, state: String, acute: Bool, minorInvolved: Bool,
                recordedDates: [String: FieldValues] = [:]) {
        self.id = id
        self.key = key
        self.code = code
        self.receivedAt = receivedAt
        self.municipality = municipality
        self.forms = forms
        self.state = state
        self.acute = acute
        self.minorInvolved = minorInvolved
        self.recordedDates = recordedDates
    }
}

/// A person involved in a signal, as the detail screen shows them.
public struct InvolvedPerson: Hashable, Sendable {
    /// The pseudonym code, P-00412: the same person in every signal and case.
    public let code: String
    public let initials: String
    public let birthYear: Int?
    public let role: PersonRole
    public let fullName: String

    public init(code: String = "", initials: String, birthYear: Int?, role: PersonRole, fullName: String) {
        self.code = code
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
    /// The tombstone, when the signal's personal data were destroyed after its retention period.
    public let destruction: String?

    public init(summary: SignalSummary, source: SignalSource, reporterType: ReporterType, reporterName: String,
                reporterOrganisation: String, location: String, description: String, persons: [InvolvedPerson],
                destruction: String? = nil) {
        self.destruction = destruction
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

/// Reading signals, with the access policy applied for the acting user.
public protocol SignalReading: Sendable {
    /// A page of the signals the user may see, narrowed by `filter`; `overdue` says, for today,
    /// what "achterstallig" means.
    func inboxPage(_ request: PageRequest, limit: Int, filter: SignalFilter, overdue: [OverdueRule],
                   for user: User, _ occasion: ReadOccasion) throws -> Page<SignalSummary>
    /// The signal, or nil when it does not exist or the user may not see it (indistinguishable).
    func signalDetail(id: Int64, for user: User, _ occasion: ReadOccasion) throws -> SignalDetail?
}

extension SignalReading {
    /// A page a person asked for (audited).
    public func inboxPage(_ request: PageRequest, limit: Int, filter: SignalFilter, overdue: [OverdueRule],
                          for user: User) throws -> Page<SignalSummary> {
        try inboxPage(request, limit: limit, filter: filter, overdue: overdue, for: user, .asked)
    }

    /// A signal a person opened (audited).
    public func signalDetail(id: Int64, for user: User) throws -> SignalDetail? {
        try signalDetail(id: id, for: user, .asked)
    }

    /// The unfiltered inbox.
    public func inboxPage(_ request: PageRequest, limit: Int, for user: User) throws -> Page<SignalSummary> {
        try inboxPage(request, limit: limit, filter: SignalFilter(), overdue: [], for: user)
    }
}
