import Meldroute
import TextSafety

/// Where an activity stands: planned ahead, held (and so counted), or called off.
public enum ActivityStatus: String, CaseIterable, Hashable, Sendable {
    case planned = "gepland"
    case held = "gehouden"
    case cancelled = "afgelast"

    public var label: String { rawValue }
}

/// Who gave an activity: the KMT, an AF, or a partner organisation.
public enum ActivityGiver: String, CaseIterable, Hashable, Sendable {
    case kmt
    case designatedOfficer = "af"
    case partner

    public var label: String {
        switch self {
        case .kmt: return "KMT"
        case .designatedOfficer: return "AF"
        case .partner: return "partner"
        }
    }
}

/// What an activity is about: one of the four forms of exploitation, or mensenhandel in general.
public enum ActivityTheme: Hashable, Sendable {
    case general
    case form(ExploitationForm)

    public static var allCases: [ActivityTheme] { [.general] + ExploitationForm.allCases.map(ActivityTheme.form) }

    /// The word stored: `algemeen`, or the form's code.
    public var code: String {
        switch self {
        case .general: return "algemeen"
        case .form(let form): return form.code
        }
    }

    public init?(code: String) {
        if code == "algemeen" { self = .general; return }
        guard let form = ExploitationForm.allCases.first(where: { $0.code == code }) else { return nil }
        self = .form(form)
    }

    public var label: String {
        switch self {
        case .general: return "mensenhandel algemeen"
        case .form(let form): return form.label
        }
    }
}

/// An activity of deskundigheidsbevordering or preventie as it is registered or changed: no
/// personal data (who registered it is the login the store stamps it with).
public struct ActivityEntry: Hashable, Sendable {
    /// The kind and the audience: ids of the vocabulary (`Resources/activiteiten/soorten.yaml`).
    public var kind: String
    public var theme: ActivityTheme
    public var audience: String
    /// Nil for an activity for the whole region (the campaign, a regional training).
    public var municipality: Municipality?
    public var date: CivilDate
    public var givenBy: ActivityGiver
    public var status: ActivityStatus
    /// People reached: asked once the activity is held.
    public var participants: Int?
    public var note: String

    public init(kind: String, theme: ActivityTheme, audience: String, municipality: Municipality?, date: CivilDate,
                givenBy: ActivityGiver, status: ActivityStatus, participants: Int?, note: String) {
        self.kind = kind
        self.theme = theme
        self.audience = audience
        self.municipality = municipality
        self.date = date
        self.givenBy = givenBy
        self.status = status
        self.participants = participants
        self.note = note
    }

    public enum Limit {
        public static let note = 500
        /// Most people one activity can reach (a campaign counts those it reached, roughly).
        public static let participants = 1_000_000
        public static let vocabularyID = 32
    }

    /// What is wrong with it, in Dutch, or nil; `vocabulary` checks the kind and audience where known.
    public func problem(vocabulary: ActivityVocabulary?, today: CivilDate) -> String? {
        if kind.isEmpty || kind.count > Limit.vocabularyID || audience.isEmpty || audience.count > Limit.vocabularyID {
            return "Kies een soort en een doelgroep."
        }
        if let vocabulary {
            if !vocabulary.kinds.contains(where: { $0.id == kind }) { return "Onbekende soort activiteit '\(kind)'." }
            if !vocabulary.audiences.contains(where: { $0.id == audience }) { return "Onbekende doelgroep '\(audience)'." }
        }
        if let participants, !(0...Limit.participants).contains(participants) {
            return "Het aantal deelnemers ligt tussen 0 en \(Limit.participants)."
        }
        switch status {
        case .held:
            if date > today { return "Een activiteit in de toekomst is nog niet gehouden; zet haar op gepland." }
            if participants == nil { return "Vul bij een gehouden activiteit in hoeveel mensen zij bereikte." }
        case .planned, .cancelled:
            if participants != nil { return "Deelnemers tellen pas als de activiteit gehouden is; laat het aantal leeg." }
        }
        if note.count > Limit.note { return "De toelichting is hooguit \(Limit.note) tekens." }
        return FieldCharacters.firstProblem([("Toelichting", note, true)])
    }
}

/// An activity as the list shows it.
public struct Activity: Hashable, Sendable, Identifiable {
    public let id: Int64
    public let entry: ActivityEntry
    /// The login that registered it.
    public let registeredBy: String
    public let version: Int

    public init(id: Int64, entry: ActivityEntry, registeredBy: String, version: Int) {
        self.id = id
        self.entry = entry
        self.registeredBy = registeredBy
        self.version = version
    }

    /// Planned, but its date has passed: it waits to be marked held (with its reach) or called off.
    public func isOverdue(today: CivilDate) -> Bool { entry.status == .planned && entry.date < today }
}

/// The activities a user may see: the planned ones from `today` on, in date order, and the
/// others (held, called off, or planned and overdue) of this year and the last three, newest first.
public struct ActivityList: Hashable, Sendable {
    public let upcoming: [Activity]
    public let past: [Activity]

    public init(upcoming: [Activity], past: [Activity]) {
        self.upcoming = upcoming
        self.past = past
    }

    public var all: [Activity] { upcoming + past }
}

/// What the Advies tab asks of the store about activities.
public protocol ActivityKeeping: Sendable {
    /// Upcoming and past activities the user may see. They hold no personal data: reading them is
    /// not logged; a refusal is, when asked (and gives an empty list).
    func activities(today: CivilDate, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> ActivityList
    /// Registers one (id nil) or saves a change to one loaded at `version`; audited.
    @discardableResult
    func saveActivity(_ entry: ActivityEntry, id: Int64?, version: Int?, by user: User) throws(StoreFailure) -> Int64
}
