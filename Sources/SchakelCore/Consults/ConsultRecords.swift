import Meldroute
import TextSafety

/// Who asks the KMT or an AF for advice: the kind of professional. The raw values are stored.
public enum AskerKind: String, CaseIterable, Hashable, Sendable {
    case school
    case generalPractitioner = "huisarts"
    case neighbourhoodTeam = "wijkteam"
    case youthCare = "jeugdzorg"
    case care = "zorg"
    case police = "politie"
    case municipality = "gemeente"
    case employer = "werkgever"
    case other = "anders"

    public var label: String {
        switch self {
        case .school: return "school, onderwijs"
        case .generalPractitioner: return "huisarts"
        case .neighbourhoodTeam: return "wijkteam"
        case .youthCare: return "jeugdzorg"
        case .care: return "zorg, hulpverlening"
        case .police: return "politie"
        case .municipality: return "gemeente (AF, collega)"
        case .employer: return "werkgever, bedrijf"
        case .other: return "anders"
        }
    }
}

/// How a consult ended: no follow-up, referred to an organisation, or turned into a signal.
public enum ConsultOutcome: String, CaseIterable, Hashable, Sendable {
    case noFollowUp = "geen_vervolg"
    case referred = "doorverwezen"
    case signal = "signaal"

    public var label: String {
        switch self {
        case .noFollowUp: return "geen vervolg"
        case .referred: return "doorverwezen"
        case .signal: return "signaal"
        }
    }
}

/// The states of the consult workflow (`Resources/workflows/advies-en-consult.yaml`) the code
/// relies on: which ones are still open, and the one a consult turned into a signal ends in.
public enum ConsultStates {
    public static let asked = "gevraagd"
    public static let answered = "beantwoord"
    public static let closed = "afgesloten"
    public static let converted = "omgezet"
    /// The events the store and the screens fire by name.
    public static let adviceGiven = "advies_gegeven"
    public static let close = "afsluiten"
    public static let convert = "omgezet_in_signaal"
    public static let reopen = "heropend"

    public static func isOpen(_ state: String) -> Bool { state == asked || state == answered }
}

/// A consult as it is registered: when, who asks (kind and organisation; a name only when needed),
/// for which municipality, about which forms, the question and — when given at once — the advice.
/// The people it is about are never asked for by name.
public struct NewConsult: Hashable, Sendable {
    public var askedAt: LocalDateTime
    public var askerKind: AskerKind
    public var askerOrganisation: String
    /// Optional: the asker's name, when a call back needs it.
    public var askerName: String
    public var municipality: Municipality
    public var forms: ExploitationForms
    public var question: String
    /// Empty: the advice follows later (the consult stays "gevraagd").
    public var advice: String

    public init(askedAt: LocalDateTime, askerKind: AskerKind, askerOrganisation: String, askerName: String = "",
                municipality: Municipality, forms: ExploitationForms, question: String, advice: String = "") {
        self.askedAt = askedAt
        self.askerKind = askerKind
        self.askerOrganisation = askerOrganisation
        self.askerName = askerName
        self.municipality = municipality
        self.forms = forms
        self.question = question
        self.advice = advice
    }

    public enum Limit {
        public static let organisation = 200
        public static let name = 100
        public static let question = 4000
        public static let advice = 4000
    }

    /// What is wrong with it, in Dutch, or nil. `now` is the limit of "not in the future".
    public func problem(now: LocalDateTime) -> String? {
        if askedAt > now { return "Het consult ligt in de toekomst." }
        if askerOrganisation.trimmingCharacters(in: .whitespaces).isEmpty { return "Vul de organisatie van de vrager in." }
        if askerOrganisation.count > Limit.organisation { return "De organisatie is hooguit \(Limit.organisation) tekens." }
        if askerName.count > Limit.name { return "De naam van de vrager is hooguit \(Limit.name) tekens." }
        if question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "Beschrijf de vraag." }
        if question.count > Limit.question { return "De vraag is hooguit \(Limit.question) tekens." }
        if advice.count > Limit.advice { return "Het advies is hooguit \(Limit.advice) tekens." }
        return FieldCharacters.firstProblem(textFields)
    }

    /// Its texts as the form names them, and whether each may run over lines.
    public var textFields: [(label: String, text: String, multiline: Bool)] {
        [("Organisatie", askerOrganisation, false), ("Naam vrager", askerName, false), ("Vraag", question, true), ("Advies", advice, true)]
    }
}

/// A consult in a list: what it is without a name or its free text.
public struct ConsultSummary: Hashable, Sendable, Identifiable {
    public let id: Int64
    public let code: String
    public let askedAt: LocalDateTime
    public let askerKind: AskerKind
    public let municipality: Municipality
    public let forms: ExploitationForms
    /// The workflow state (`ConsultStates`); the workflow names it.
    public let state: String
    public let outcome: ConsultOutcome?

    public init(id: Int64, code: String, askedAt: LocalDateTime, askerKind: AskerKind, municipality: Municipality,
                forms: ExploitationForms, state: String, outcome: ConsultOutcome?) {
        self.id = id
        self.code = code
        self.askedAt = askedAt
        self.askerKind = askerKind
        self.municipality = municipality
        self.forms = forms
        self.state = state
        self.outcome = outcome
    }

    public var isOpen: Bool { ConsultStates.isOpen(state) }
}

/// One step in a consult's history: registered, advice given, closed, reopened, turned into a signal.
public struct ConsultStep: Hashable, Sendable {
    public let at: LocalDateTime
    public let author: String
    public let text: String

    public init(at: LocalDateTime, author: String, text: String) {
        self.at = at
        self.author = author
        self.text = text
    }
}

/// A consult opened: everything it holds, its history, and what it led to.
public struct Consult: Hashable, Sendable {
    public let summary: ConsultSummary
    public let askerOrganisation: String
    public let askerName: String
    public let question: String
    public let advice: String
    /// The organisation it was referred to, as named (on the sociale kaart or not).
    public let referredTo: String
    /// The signal it became, by code.
    public let signalCode: String?
    public let steps: [ConsultStep]
    /// Its workflow position, for the events that can be fired next.
    public let instance: WorkflowInstance
    public let version: Int

    public init(summary: ConsultSummary, askerOrganisation: String, askerName: String, question: String, advice: String,
                referredTo: String, signalCode: String?, steps: [ConsultStep], instance: WorkflowInstance, version: Int) {
        self.summary = summary
        self.askerOrganisation = askerOrganisation
        self.askerName = askerName
        self.question = question
        self.advice = advice
        self.referredTo = referredTo
        self.signalCode = signalCode
        self.steps = steps
        self.instance = instance
        self.version = version
    }

    /// The signal the consult becomes: what the registration form is filled in with. The
    /// asker is the reporter (a professional); the people it is about are entered there, if at all.
    public func signal(receivedAt: LocalDateTime) -> NewSignal {
        let advice = self.advice.isEmpty ? "" : "\n\nGegeven advies: \(self.advice)"
        return NewSignal(receivedAt: receivedAt, source: .phone, reporterType: .professional, reporterName: askerName,
                         reporterOrganisation: askerOrganisation, municipality: summary.municipality, forms: summary.forms,
                         description: String("Uit consult \(summary.code): \(question)\(advice)".prefix(NewSignal.Limit.description)))
    }
}

/// The consults a user may see: the open ones (oldest first: they wait longest), then the closed
/// ones of this year and the three before, newest first.
public struct ConsultList: Hashable, Sendable {
    public let open: [ConsultSummary]
    public let closed: [ConsultSummary]

    public init(open: [ConsultSummary], closed: [ConsultSummary]) {
        self.open = open
        self.closed = closed
    }

    public var all: [ConsultSummary] { open + closed }
}

/// The signal a consult is turned into, with the consult as the form opened it.
public struct ConsultOrigin: Hashable, Sendable {
    public let consultID: Int64
    public let code: String
    public let version: Int

    public init(consultID: Int64, code: String, version: Int) {
        self.consultID = consultID
        self.code = code
        self.version = version
    }
}

/// What the Advies tab (and the registration form, for a consult turned into a signal) asks of the
/// store about consults. Need-to-know as signals (`AccessPolicy.consultScope`); every read asked
/// for, every change and every refusal is in the audit log.
public protocol ConsultKeeping: Sendable {
    func consults(today: CivilDate, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> ConsultList
    func consult(id: Int64, for user: User) throws(StoreFailure) -> Consult
    /// Registers a consult (with its advice, when given, as the first step of its workflow); its id and code.
    func registerConsult(_ consult: NewConsult, engine: WorkflowEngine, by user: User) throws(StoreFailure) -> (id: Int64, code: String)
    /// Fires an event of the consult workflow on a consult loaded at `expectedVersion`.
    func recordConsultEvent(_ eventID: String, fields: FieldValues, onConsult id: Int64, expectedVersion: Int,
                            engine: WorkflowEngine, by user: User) throws(StoreFailure)
    /// Registers the signal a consult became and closes the consult as turned into it, both linked,
    /// in one transaction with both their history lines — or nothing at all.
    func registerSignal(_ signal: NewSignal, from origin: ConsultOrigin, engine: WorkflowEngine,
                        by user: User) throws(StoreFailure) -> RegisteredSignal
}
