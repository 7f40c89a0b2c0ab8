/// Which signals a user may see.
public enum SignalScope: Hashable, Sendable {
    /// Only signals of this municipality.
    case municipality(Int64)
    /// Every municipality of the region.
    case region
    /// No signal content at all.
    case none

    public func includes(municipalityID: Int64) -> Bool {
        switch self {
        case .municipality(let id): return id == municipalityID
        case .region: return true
        case .none: return false
        }
    }
}

/// Need to know: an AF sees their own municipality; the KMT's procesmanagers and
/// zorgcoördinator see the region; the procesondersteuner sees no signal content
/// (meeting and partner data only); the beheerder sees no case content.
/// The store enforces this in every method; screens only follow it.
public enum AccessPolicy {
    public static func signalScope(for user: User) -> SignalScope {
        switch user.role {
        case .designatedOfficer:
            guard let municipality = user.municipality else { return .none }
            return .municipality(municipality.id)
        case .processManager, .careCoordinator:
            return .region
        case .processSupporter, .administrator:
            return .none
        }
    }
}
