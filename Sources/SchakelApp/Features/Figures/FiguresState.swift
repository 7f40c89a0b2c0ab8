/// Tab 5, Cijfers: not built yet. Its state will hold what the pane shows.
public struct FiguresState: Hashable, Sendable {
    /// What is coming here, for the placeholder.
    static let coming = [
            "Aard en omvang: signalen en casussen per gemeente,",
            "vorm en periode, voor het KMT, de gemeenten en de",
            "themagroep, te exporteren als CSV.",
    ]

    public init() {}
}
