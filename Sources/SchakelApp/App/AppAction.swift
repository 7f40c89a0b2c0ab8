import Meldroute
import SchakelCore
import TerminalKit

/// What happened. Named for the event, not for what should follow. The app's own moments, and
/// each feature's actions carried in one case of their own.
public enum AppAction: Hashable, Sendable {
    case started
    case keyPressed(Key)
    case terminalResized(Size)
    case terminationRequested
    /// No key for a moment.
    case idle
    /// The clock showed a new minute (read on the idle timer); at midnight the day turns over.
    case clockTicked(LocalDateTime)
    /// Another process (a colleague) saved something: what is on screen may be out of date.
    case otherProcessCommitted
    /// A feature asked something of the app or of another feature.
    case request(AppRequest)
    case signals(SignalsAction)
    case cases(CasesAction)
    case timeline(TimelineAction)
    case persons(PersonsAction)
    case meetings(MeetingsAction)
    case partners(PartnersAction)
    case figures(FiguresAction)
    case advice(AdviceAction)
    case administration(AdministrationAction)
}

/// Work for the runner: each result comes back as an action.
public enum AppEffect: Hashable, Sendable {
    /// Forget the screen and draw it anew (Ctrl-L).
    case repaintScreen
    /// A feature's effect, run with only the store capability that feature needs.
    case feature(FeatureEffect)
}
