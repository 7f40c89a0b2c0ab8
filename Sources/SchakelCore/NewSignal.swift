import Meldroute

/// A person named in a new signal.
public struct NewPerson: Hashable, Sendable {
    public let initials: String
    public let birthYear: Int?
    public let role: PersonRole
    public let givenName: String
    public let familyName: String
    /// A person already known (offered as "Mogelijk bekend" and accepted): linked, no new code.
    public let knownID: Int64?

    public init(initials: String, birthYear: Int?, role: PersonRole, givenName: String = "", familyName: String = "",
                knownID: Int64? = nil) {
        self.initials = initials
        self.birthYear = birthYear
        self.role = role
        self.givenName = givenName
        self.familyName = familyName
        self.knownID = knownID
    }
}

/// Everything the report form asks, for a signal not yet stored.
public struct NewSignal: Hashable, Sendable {
    /// Nil for "now".
    public var receivedAt: LocalDateTime?
    public var source: SignalSource
    public var reporterType: ReporterType
    public var reporterName: String
    public var reporterOrganisation: String
    public var reporterContact: String
    public var municipality: Municipality
    public var forms: ExploitationForms
    public var description: String
    public var location: String
    public var acute: Bool
    public var minorInvolved: Bool
    public var persons: [NewPerson]

    public init(receivedAt: LocalDateTime? = nil, source: SignalSource, reporterType: ReporterType, reporterName: String = "",
                reporterOrganisation: String = "", reporterContact: String = "", municipality: Municipality,
                forms: ExploitationForms, description: String, location: String = "", acute: Bool = false,
                minorInvolved: Bool = false, persons: [NewPerson] = []) {
        self.receivedAt = receivedAt
        self.source = source
        self.reporterType = reporterType
        self.reporterName = reporterName
        self.reporterOrganisation = reporterOrganisation
        self.reporterContact = reporterContact
        self.municipality = municipality
        self.forms = forms
        self.description = description
        self.location = location
        self.acute = acute
        self.minorInvolved = minorInvolved
        self.persons = persons
    }

    /// Its texts as a form names them, and whether each may run over lines (only the description).
    public var textFields: [(label: String, text: String, multiline: Bool)] {
        [("Melder", reporterName, false), ("Organisatie", reporterOrganisation, false), ("Contact", reporterContact, false),
         ("Beschrijving", description, true), ("Locatie", location, false)]
            + persons.flatMap { [("Initialen", $0.initials, false), ("Voornaam", $0.givenName, false), ("Achternaam", $0.familyName, false)] }
    }

    /// Limits on the free-text fields, in characters.
    public enum Limit {
        public static let description = 20_000
        public static let short = 200
        public static let location = 500
        public static let initials = 20
    }
}
