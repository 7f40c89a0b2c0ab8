import Meldroute

/// One line of the case list.
public struct CaseSummary: Hashable, Sendable {
    public let id: Int64
    public let key: ListKey
    public let code: String
    public let receivedAt: LocalDateTime
    public let municipality: String
    public let forms: ExploitationForms
    public let state: String
    public let crisis: Bool
    /// Of the signal the case came from: acute, a minor involved.
    public let acute: Bool
    public let minorInvolved: Bool
    public let perpetratorTrack: Bool
    /// The signal the case came from, by code.
    public let signalCode: String?
    /// Shown only with full visibility; empty for pseudonymised views.
    public let summary: String
    public let visibility: Visibility

    public init(id: Int64, key: ListKey, code: String, receivedAt: LocalDateTime, municipality: String,
                forms: ExploitationForms, state: String, crisis: Bool, acute: Bool = false, minorInvolved: Bool = false,
                perpetratorTrack: Bool, signalCode: String?,
                summary: String, visibility: Visibility) {
        self.id = id
        self.key = key
        self.code = code
        self.receivedAt = receivedAt
        self.municipality = municipality
        self.forms = forms
        self.state = state
        self.crisis = crisis
        self.acute = acute
        self.minorInvolved = minorInvolved
        self.perpetratorTrack = perpetratorTrack
        self.signalCode = signalCode
        self.summary = summary
        self.visibility = visibility
    }
}

/// Whose timeline.
public enum TimelineSubject: Hashable, Sendable {
    case signal(Int64)
    case kmtCase(Int64)

    public var typeName: String {
        switch self {
        case .signal: return "signal"
        case .kmtCase: return "case"
        }
    }

    public var id: Int64 {
        switch self {
        case .signal(let id), .kmtCase(let id): return id
        }
    }
}

/// One line of a timeline, oldest first.
public struct TimelineEntry: Hashable, Sendable {
    public let id: Int64
    public let key: ListKey
    public let kind: TimelineKind
    public let occurredAt: LocalDateTime
    public let author: String
    /// Empty in a pseudonymised view.
    public let text: String

    public init(id: Int64, key: ListKey, kind: TimelineKind, occurredAt: LocalDateTime, author: String, text: String) {
        self.id = id
        self.key = key
        self.kind = kind
        self.occurredAt = occurredAt
        self.author = author
        self.text = text
    }
}

/// One hit of a full-text search.
public struct SearchHit: Hashable, Sendable {
    public enum Source: String, Hashable, Sendable {
        case signal, timeline, partner
        /// A person by name: the hit shows the code, initials and birth year, never the name.
        case person
    }

    public let source: Source
    /// The row found: the signal, the timeline line, the partner.
    public let id: Int64
    /// What to open: the signal or case the line belongs to (for timeline hits), else the row itself.
    public let subject: TimelineSubject?
    public let title: String
    /// A short piece of the matching text, with the match between « and ».
    public let snippet: String

    public init(source: Source, id: Int64, subject: TimelineSubject?, title: String, snippet: String) {
        self.source = source
        self.id = id
        self.subject = subject
        self.title = title
        self.snippet = snippet
    }
}
