import SchakelCore

/// The tabs of the main screen, in key order (1 to 7), each the pane of one feature.
public enum Tab: Int, CaseIterable, Hashable, Sendable {
    case signals = 1
    case cases
    case meetings
    case partners
    case figures
    case advice
    case administration

    /// The feature whose pane the tab shows.
    var feature: any PaneFeature.Type {
        switch self {
        case .signals: return SignalsFeature.self
        case .cases: return CasesFeature.self
        case .meetings: return MeetingsFeature.self
        case .partners: return PartnersFeature.self
        case .figures: return FiguresFeature.self
        case .advice: return AdviceFeature.self
        case .administration: return AdministrationFeature.self
        }
    }

    public var label: String { feature.title }

    /// The tabs a user has: Beheer only for the beheerder and the procesmanager (to everyone else it
    /// would only ever say it is closed); the others for everyone, saying so where they hold nothing
    /// for the role.
    public static func tabs(for user: User) -> [Tab] {
        allCases.filter { $0 != .administration || AccessPolicy.canOpenAdministration(user) }
    }
}
