/// How a signal reached the AF.
public enum SignalSource: String, CaseIterable, Hashable, Sendable {
    case intranet
    case phone = "telefoon"
    case email = "e-mail"
    case inPerson = "persoonlijk"

    public var label: String {
        switch self {
        case .intranet: return "intranetformulier"
        case .phone: return "telefoon"
        case .email: return "e-mail"
        case .inPerson: return "persoonlijk"
        }
    }
}

/// Who reported the signal.
public enum ReporterType: String, CaseIterable, Hashable, Sendable {
    case municipalEmployee = "medewerker-gemeente"
    case professional
    case resident = "inwoner"
    case anonymous = "anoniem"

    public var label: String {
        switch self {
        case .municipalEmployee: return "medewerker gemeente"
        case .professional: return "professional"
        case .resident: return "inwoner"
        case .anonymous: return "anoniem"
        }
    }
}

/// The part a person plays in a signal or case.
public enum PersonRole: String, CaseIterable, Hashable, Sendable {
    case potentialVictim = "potentieel-slachtoffer"
    case presumedVictim = "vermoedelijk-slachtoffer"
    case victim = "slachtoffer"
    case suspect = "verdachte"
    case perpetrator = "dader"
    case environment = "omgeving"

    public var label: String {
        switch self {
        case .potentialVictim: return "potentieel slachtoffer"
        case .presumedVictim: return "vermoedelijk slachtoffer"
        case .victim: return "slachtoffer"
        case .suspect: return "verdachte"
        case .perpetrator: return "dader"
        case .environment: return "omgeving"
        }
    }
}
