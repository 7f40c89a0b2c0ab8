/// Tab 4, Sociale kaart: not built yet. Its state will hold what the pane shows.
public struct PartnersState: Hashable, Sendable {
    /// What is coming here, for the placeholder.
    static let coming = [
            "De partnerorganisaties: wie bel ik voor wat, met",
            "contactpersonen, doorverwijzingen en een vCard om",
            "een contact mee te nemen.",
    ]

    public init() {}
}
