import SchakelCore

/// Keeping a form's draft in the store. A pane's effects wrap these; its runner hands them to
/// `DraftRunner` and gets a `DraftResult` back to reduce.
public enum DraftEffect: Hashable, Sendable {
    case load(DraftKey)
    /// Every draft of one kind (all the route steps left unsaved, at start).
    case loadAll(kind: String)
    case save(DraftKey, payload: String)
    case discard(DraftKey)
}

public enum DraftResult: Hashable, Sendable {
    case found(DraftKey, String?)
    case foundAll(kind: String, [String])
    case notSaved(String)
}

enum DraftRunner {
    static func run(_ effect: DraftEffect, store: any DraftKeeping, user: User) -> DraftResult? {
        switch effect {
        case .load(let key):
            return .found(key, try? store.draft(kind: key.kind, subject: key.subject, for: user))
        case .loadAll(let kind):
            return .foundAll(kind: kind, (try? store.drafts(kind: kind, for: user)) ?? [])
        case .save(let key, let payload):
            do {
                try store.saveDraft(kind: key.kind, subject: key.subject, payload: payload, for: user)
                return nil
            } catch {
                return .notSaved("Het concept kon niet worden bewaard. \(error.description)")
            }
        case .discard(let key):
            try? store.discardDraft(kind: key.kind, subject: key.subject, for: user)
            return nil
        }
    }
}
