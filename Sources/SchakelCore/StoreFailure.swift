import Meldroute

/// What another user changed since this one loaded the record.
public struct ConcurrentChange: Hashable, Sendable {
    public let by: String
    public let at: LocalDateTime
    public let what: String

    public init(by: String, at: LocalDateTime, what: String) {
        self.by = by
        self.at = at
        self.what = what
    }
}

/// Why a database could not be opened or used, with the message an officer reads.
public enum StoreFailure: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String)
    case notADatabase(path: String)
    case notASchakelDatabase(path: String)
    case newerSchema(path: String)
    case notADemoDatabase(path: String)
    case busy
    case unknownUser(login: String)
    case inactiveUser(login: String)
    /// It does not exist, or the user may not see it: deliberately the same answer.
    case noAccess
    /// Someone else saved first; nothing was written.
    case conflict(ConcurrentChange)
    /// The workflow did not accept the step; nothing was written.
    case rejected(Rejection)
    case diskFull
    case readOnly(path: String)
    /// What was asked cannot be done as asked (too long, not invited, agenda fixed): said as is.
    case refused(String)
    case other(String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "Het databasebestand \(path) bestaat niet."
        case .unreadable(let path):
            return "Het databasebestand \(path) kan niet worden gelezen (controleer de rechten)."
        case .notADatabase(let path):
            return "Het bestand \(path) is geen SQLite-database."
        case .notASchakelDatabase(let path):
            return "Het bestand \(path) is een SQLite-database, maar niet van Schakel."
        case .newerSchema(let path):
            return "De database \(path) is gemaakt door een nieuwere versie van Schakel. Werk Schakel bij voordat u deze opent."
        case .notADemoDatabase(let path):
            return "Het bestand \(path) bestaat al en is geen demodatabase; kies een ander pad."
        case .busy:
            return "De database is bezet door een ander proces. Probeer het zo opnieuw."
        case .unknownUser(let login):
            return "Gebruiker '\(login)' is niet bekend in deze database. Vraag de beheerder om een account."
        case .inactiveUser(let login):
            return "Het account '\(login)' is niet actief. Neem contact op met de beheerder."
        case .noAccess:
            return "Niet gevonden, of u heeft er geen toegang toe."
        case .conflict(let change):
            return "Intussen gewijzigd door \(change.by) op \(change.at.dutch): \(change.what) Er is niets opgeslagen; "
                + "laad opnieuw en probeer het nog eens."
        case .rejected(let rejection):
            return rejection.message
        case .diskFull:
            return "De schijf is vol: er is niets opgeslagen. Waarschuw de beheerder."
        case .readOnly(let path):
            return "De database \(path) is alleen-lezen geopend: er kan niets worden opgeslagen, en wat in het "
                + "auditlog moet komen kan niet worden getoond."
        case .refused(let reason):
            return reason
        case .other(let detail):
            return "De database gaf een fout: \(detail)"
        }
    }
}
