import Foundation

/// What an audit entry records that someone did. The raw values are stored.
public enum AuditAction: String, Sendable, CaseIterable {
    case list, read, search, create, update, transition, export, login, denied
    /// Personal data destroyed after the retention period, by an approved destruction list.
    case destroy
    /// An anchor of the chain taken for the system log (`schakel audit anker`).
    case anchor

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
        case .destroy: return "vernietigd"
        case .anchor: return "verankerd"
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

/// Why something is read: whether the audit log records it. The rule itself is written where reads
/// are audited (`Store.readAudited`).
public enum ReadOccasion: Hashable, Sendable {
    /// A person asked for it — opened a list or a further page of it, a detail, an agenda, a
    /// timeline: a new access, logged.
    case asked
    /// Shown again without anyone asking — a colleague's process committed, the day changed, the
    /// screen was redrawn: what the person already opened, not a new access, not logged.
    case refresh
}

/// A point of the audit chain recorded outside the database (the system log): entry `entry` has
/// hash `hash`. A file that no longer holds that entry with that hash was cut short, rolled back
/// or rewritten, however well its own chain and seal were put right.
public struct AuditAnchor: Hashable, Sendable, CustomStringConvertible {
    public let entry: Int64
    public let hash: String

    public init(entry: Int64, hash: String) {
        self.entry = entry
        self.hash = hash
    }

    /// `NUMMER:HASH`, as `schakel audit anker` prints it.
    public var description: String { "\(entry):\(hash)" }

    /// Exactly `NUMMER:HASH` (a SHA-256 in lowercase hex), with spaces around allowed.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let entry = Int64(parts[0]), entry > 0, Self.isHash(parts[1]) else { return nil }
        self.init(entry: entry, hash: String(parts[1]))
    }

    /// Every anchor in a text such as a system log extract: each line's last word of the form
    /// `NUMMER:HASH` (journald and syslog put a time and a name before it). Lines without one are skipped.
    public static func found(in text: String) -> [AuditAnchor] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            line.split(separator: " ").last.flatMap { AuditAnchor(String($0)) }
        }
    }

    private static func isHash(_ text: Substring) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
