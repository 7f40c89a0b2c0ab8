import Foundation
import SchakelCore

/// Which of the user's drafts: what kind of form, and what it belongs to. The store keeps one
/// draft per user, kind and subject.
public struct DraftKey: Hashable, Sendable {
    public let kind: String
    public let subject: String

    public init(kind: String, subject: String = "") {
        self.kind = kind
        self.subject = subject
    }

    /// The registration form (`n`): one per user.
    public static let registration = DraftKey(kind: "signaal-registratie")

    /// A note being written on a timeline.
    public static func note(_ subject: TimelineSubject) -> DraftKey {
        DraftKey(kind: "notitie", subject: "\(subject.typeName)-\(subject.id)")
    }

    /// A person being added to a signal or case, or one of its persons being changed.
    public static func personForm(_ subject: TimelineSubject) -> DraftKey {
        DraftKey(kind: "betrokkene", subject: "\(subject.typeName)-\(subject.id)")
    }

    public static let routeStepKind = "route-stap"

    /// A route step's form on a signal (such as the meldingsformulier of "contact opgenomen").
    public static func routeStep(signalID: Int64) -> DraftKey { DraftKey(kind: routeStepKind, subject: "signal-\(signalID)") }
}

/// A form's draft, kept in the store as JSON text.
protocol JSONDraft: Codable {}

extension JSONDraft {
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The draft, or nil when the text is not one (written by another version, say).
    static func from(json: String) -> Self? {
        try? JSONDecoder().decode(Self.self, from: Data(json.utf8))
    }
}
