import Meldroute
import SchakelCore
import TerminalKit

/// An open action item in the Acties list.
public struct ActionRow: ListRow {
    public let action: ActionItem
    public var listKey: ListKey { action.key }
}

/// "Acties": the open action items the user may see, soonest due first, filtered by owner and
/// meeting; one is marked done from here.
public struct ActionList: Hashable, Sendable {
    public var list = PagedList<ActionRow>()
    public var filter = ActionFilter.all
    /// The meeting filtered on, as the list says it ("casustafel mensenhandel 08-12-2026").
    public var meetingLabel: String?
    /// What is open over the actions, one thing at a time; nil while the list has the keys.
    public var onTop: OnTop?

    public init() {}

    /// What can be open over the action items.
    public enum OnTop: Hashable, Sendable {
        /// The owner filter being typed (after `/`).
        case ownerInput(TextField)
        /// "Mark this one done?" asked.
        case confirmingDone
    }

    // What is on top, read as each kind: for the views and the tests. Changed only through `onTop`.
    public var ownerInput: TextField? { if case .ownerInput(let input)? = onTop { input } else { nil } }

    /// The filter in words, for the header.
    public var filterLabel: String {
        var parts: [String] = []
        if !filter.owner.isEmpty { parts.append("houder bevat ‘\(filter.owner)’") }
        if let meetingLabel { parts.append("uit \(meetingLabel)") }
        return parts.isEmpty ? "alle open acties" : parts.joined(separator: ", ")
    }
}
