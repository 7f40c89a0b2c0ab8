/// The tabs of the main screen, in key order (1 to 5), each the pane of one feature.
public enum Tab: Int, CaseIterable, Hashable, Sendable {
    case signals = 1
    case cases
    case meetings
    case partners
    case figures

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

    public var label: String { feature.title }

    /// Whether the pane exists yet; the others say so plainly.
    public var isBuilt: Bool { feature.isBuilt }
}
