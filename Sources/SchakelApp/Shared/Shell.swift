import SchakelCore
import TerminalKit

/// A message in the status line.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }

    /// "Geschreven: agenda.md in /srv/export": the file's name first, since on a narrow screen
    /// the folder is what is cut off.
    static func written(_ path: String) -> StatusMessage {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return StatusMessage("Geschreven: \(name) in \(path.dropLast(name.count + 1))")
    }
}

/// What every pane shares and may change: who works by which rules (the context), the terminal's
/// size, and the status line's message. The app passes it `inout` to the pane's reducer.
public struct Shell: Hashable, Sendable {
    /// Changed only when the day turns over.
    public internal(set) var context: AppContext
    public var size: Size
    public var status: StatusMessage?

    public init(context: AppContext, size: Size) {
        self.context = context
        self.size = size
    }

    /// Where a pane draws.
    var pane: Rect { FrameLayout(size: size).pane }
}

/// What a pane asks of the app or of another pane (a delegate, as TCA's children send up).
public enum AppRequest: Hashable, Sendable {
    /// Show the timeline of a signal or case over the pane.
    case openTimeline(TimelineSubject, code: String)
    /// Show the persons of a signal or case (by its code) over the pane.
    case openPersons(TimelineSubject, code: String)
    /// Show one person (a search hit) over the pane.
    case openPerson(Int64)
    /// A person was added to a signal or case, or changed: what shows them is read again.
    case personsChanged(TimelineSubject)
    /// A KMT case was made: the case list is fetched anew when next shown.
    case casesChanged
    /// "Wie bel ik voor…" on the sociale kaart, for the situation of a signal or case.
    case whoToCall(CallSituation)
    /// Refer a signal or case: the organisation is chosen on the sociale kaart.
    case refer(TimelineSubject, code: String)
    /// Turn a consult into a signal: tab 1's registration form, filled in from it.
    case registerFromConsult(Consult)
    /// A consult became a signal: the consults are read again.
    case consultConverted
}
