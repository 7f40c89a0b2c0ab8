/// Tab 3, Overleggen: not built yet. Its state will hold what the pane shows.
public struct MeetingsState: Hashable, Sendable {
    /// What is coming here, for the placeholder.
    static let coming = [
            "De procesmanager bereidt hier de casustafel, de dadertafel",
            "en andere overleggen voor: agenda, deelnemers, verslag,",
            "afspraken, en een uitnodiging voor Outlook (ICS).",
    ]

    public init() {}
}
