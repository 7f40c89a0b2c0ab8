/// The tabs of the main screen, in key order (1 to 5), each the pane of one feature.
public enum Tab: Int, CaseIterable, Hashable, Sendable {
    case signals = 1
    case cases
    case meetings
    case partners
    case figures

    public var label: String {
        switch self {
        case .signals: return "Signalen"
        case .cases: return "Casussen"
        case .meetings: return "Overleggen"
        case .partners: return "Sociale kaart"
        case .figures: return "Cijfers"
        }
    }

    /// The feature whose pane the tab shows.
    var feature: any PaneFeature.Type {
        switch self {
        case .signals: return SignalsFeature.self
        case .cases: return CasesFeature.self
        case .meetings: return MeetingsFeature.self
        case .partners: return PartnersFeature.self
        case .figures: return FiguresFeature.self
        }
    }

    /// Whether the pane exists yet; the others say so plainly.
    public var isBuilt: Bool { self == .signals || self == .cases }
}
