import SchakelCore

/// Tab 6, Advies: the KMT's work beside the route — the activities of deskundigheidsbevordering and
/// preventie (planned ones ahead, then those held or called off), one selected; a form over them.
public struct AdviceState: Hashable, Sendable {
    public var activities: ActivityList?
    public var selected = 0
    /// What is open over the list; nil while the list has the keys.
    public var onTop: OnTop?
    /// Why the list could not be loaded, in its place.
    public var loadProblem: String?
    /// The activity to select once the list is loaded again (the one just saved).
    var idToSelect: Int64?
    /// Whether the form left unsaved in an earlier session was looked for (once, after the first list).
    var lookedForDraft = false

    public init() {}

    public enum OnTop: Hashable, Sendable {
        /// An activity being registered or changed.
        case form(ActivityForm)
    }

    public var form: ActivityForm? { if case .form(let form)? = onTop { form } else { nil } }

    var rows: [Activity] { activities?.all ?? [] }
    var selectedActivity: Activity? { rows.indices.contains(selected) ? rows[selected] : nil }
}
