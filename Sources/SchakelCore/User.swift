/// What a user does in Schakel; decides what they may see.
public enum Role: String, CaseIterable, Hashable, Sendable {
    case designatedOfficer = "af"
    case processManager = "procesmanager"
    case careCoordinator = "zorgcoordinator"
    case processSupporter = "procesondersteuner"
    case administrator = "beheerder"

    /// For tight places such as the header.
    public var shortLabel: String { self == .designatedOfficer ? "AF" : label }

    public var label: String {
        switch self {
        case .designatedOfficer: return "aandachtsfunctionaris"
        case .processManager: return "procesmanager"
        case .careCoordinator: return "zorgcoördinator"
        case .processSupporter: return "procesondersteuner"
        case .administrator: return "beheerder"
        }
    }
}

/// A person who logs in to Schakel.
public struct User: Hashable, Sendable {
    public let id: Int64
    public let login: String
    public let displayName: String
    public let role: Role
    /// Set for aandachtsfunctionarissen; KMT roles work for the whole region.
    public let municipality: Municipality?

    public init(id: Int64, login: String, displayName: String, role: Role, municipality: Municipality?) {
        self.id = id
        self.login = login
        self.displayName = displayName
        self.role = role
        self.municipality = municipality
    }

    /// Where the user works, for the header: the municipality, or the region for KMT roles.
    public var workplace: String { municipality?.name ?? "regio Twente" }
}
