/// What an audit entry records that someone did. The raw values are stored.
public enum AuditAction: String, Sendable, CaseIterable {
    case list, read, search, create, update, transition, export, login, denied

    /// In Dutch, for reports.
    public var label: String {
        switch self {
        case .list: return "lijst bekeken"
        case .read: return "details geopend"
        case .search: return "gezocht"
        case .create: return "aangemaakt"
        case .update: return "gewijzigd"
        case .transition: return "stap vastgelegd"
        case .export: return "geëxporteerd"
        case .login: return "aangemeld"
        case .denied: return "geweigerd"
        }
    }
}

/// How the attempt ended.
public enum AuditResult: String, Sendable {
    case ok
    case denied
    case notFound = "not_found"
    case rejected
}

/// Where a session comes from, for the audit log: the SSH client's address, or "lokaal".
public struct SessionOrigin: Hashable, Sendable {
    public let address: String
    /// Set when a person acts through a service account (the account's login).
    public let onBehalfOf: String?

    public init(address: String, onBehalfOf: String? = nil) {
        self.address = address
        self.onBehalfOf = onBehalfOf
    }

    public static let local = SessionOrigin(address: "lokaal")

    /// From `SSH_CLIENT` ("address port port"), when present.
    public static func from(sshClient: String?, onBehalfOf: String? = nil) -> SessionOrigin {
        let address = sshClient?.split(separator: " ").first.map(String.init) ?? ""
        return SessionOrigin(address: address.isEmpty ? "lokaal" : address, onBehalfOf: onBehalfOf)
    }
}
