import SchakelCore

/// Tab 6, Advies: the KMT's work beside the route, as two lists on one pane — the consults (advies en
/// consult: open ones first) and the activities of deskundigheidsbevordering and preventie (planned
/// ones ahead, then those held or called off) — one shown at a time, Tab switching; what is open
/// over them is one value.
public struct AdviceState: Hashable, Sendable {
    /// Which list the pane shows.
    public enum Shown: Hashable, Sendable {
        case consults
        case activities
    }

    public var shown: Shown = .consults
    /// Whether the user has consults at all (else only the activities are shown).
    public var hasConsults = true
    public var consults: ConsultList?
    public var consultSelected = 0
    public var activities: ActivityList?
    public var selected = 0
    /// What is open over the list; nil while the list has the keys.
    public var onTop: OnTop?
    /// Why a list could not be loaded, in its place.
    public var loadProblem: String?
    public var consultProblem: String?
    /// The activity to select once the list is loaded again (the one just saved).
    var idToSelect: Int64?
    /// The consult to select once its list is loaded again.
    var consultToSelect: Int64?
    /// Whether the forms left unsaved in an earlier session were looked for (once, after the first list).
    var lookedForDraft = false
    var lookedForConsultDraft = false

    public init() {}

    public enum OnTop: Hashable, Sendable {
        /// An activity being registered or changed.
        case form(ActivityForm)
        /// A consult being registered.
        case consultForm(ConsultForm)
        /// A consult opened: what it holds, its history, and its next steps.
        case consult(OpenConsult)
        /// A step of an opened consult being entered.
        case consultEvent(ConsultEventForm)
    }

    public var form: ActivityForm? { if case .form(let form)? = onTop { form } else { nil } }
    public var consultForm: ConsultForm? { if case .consultForm(let form)? = onTop { form } else { nil } }
    public var openConsult: OpenConsult? { if case .consult(let open)? = onTop { open } else { nil } }
    public var consultEvent: ConsultEventForm? { if case .consultEvent(let form)? = onTop { form } else { nil } }
    /// Whether a form has the keys (typing, so the app's own letter keys stay off).
    public var isTyping: Bool { form != nil || consultForm != nil || consultEvent != nil }

    var rows: [Activity] { activities?.all ?? [] }
    var selectedActivity: Activity? { rows.indices.contains(selected) ? rows[selected] : nil }
    var consultRows: [ConsultSummary] { consults?.all ?? [] }
    var selectedConsult: ConsultSummary? { consultRows.indices.contains(consultSelected) ? consultRows[consultSelected] : nil }
}
